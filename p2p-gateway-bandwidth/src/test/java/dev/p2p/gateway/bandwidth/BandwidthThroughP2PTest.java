package dev.p2p.gateway.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.P2P;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.store.InMemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Bandwidth's callbacks through p2p's pipeline: a failure code the adapter classifies reaches the
 * organization's opt-out and invalid-number lists.
 */
class BandwidthThroughP2PTest {
  private static final String ORG = "acme";
  private static final String OUR_NUMBER = "+13125550199";
  private static final String CONTACT = "+13125550101";
  private static final String MESSAGE_ID = "1667000000000abcdefghij";
  private static final Instant NOW = Instant.parse("2026-11-03T15:00:00Z");

  private final InMemoryStore store = InMemoryStore.create();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final BandwidthGateway bandwidth =
      BandwidthGateway.builder()
          .accountId(BandwidthStubs.ACCOUNT_ID)
          .applicationId(BandwidthStubs.APPLICATION_ID)
          .senderNumbers(OUR_NUMBER)
          .clientCredentials(BandwidthStubs.CLIENT_ID, BandwidthStubs.CLIENT_SECRET)
          .callbackCredentials(BandwidthStubs.CALLBACK_USER, BandwidthStubs.CALLBACK_PASSWORD)
          .build();
  private final P2P p2p =
      P2P.builder().store(store).clock(clock).gateway("bandwidth", bandwidth).build();

  @AfterEach
  void close() {
    p2p.close();
  }

  /** A message p2p recorded and Bandwidth accepted with {@link #MESSAGE_ID}. */
  private long sent() {
    p2p.organization(ORG);
    long id =
        store
            .messages()
            .recordOutbound(
                ORG,
                new QueuedMessage("bandwidth", "ref-1", OUR_NUMBER, CONTACT, "Hi", List.of(), 1),
                NOW);
    store.messages().markSent(ORG, id, SendReceipt.queued(MESSAGE_ID), NOW);
    return id;
  }

  private Message message(long id) {
    return store.messages().findMessage(ORG, id).orElseThrow();
  }

  @Test
  @DisplayName("a message-failed callback with 4775 (the contact opted out) opts the contact out")
  void optedOut() {
    long id = sent();
    assertThat(
            p2p.webhooks()
                .handle(CallbackBodies.callback(CallbackBodies.failed(MESSAGE_ID, 4775)))
                .status())
        .isBetween(200, 299);
    assertThat(message(id).failure()).contains(FailureKind.OPTED_OUT);
    assertThat(p2p.organization(ORG).optOuts().isOptedOut(CONTACT)).isTrue();
  }

  @Test
  @DisplayName("a message-failed callback with 4720 (invalid number) marks the phone invalid")
  void invalidNumber() {
    long id = sent();
    p2p.webhooks().handle(CallbackBodies.callback(CallbackBodies.failed(MESSAGE_ID, 4720)));
    assertThat(message(id).status()).isIn(MessageStatus.FAILED, MessageStatus.UNDELIVERED);
    assertThat(store.optOuts().isInvalid(ORG, CONTACT)).isTrue();
    assertThat(p2p.organization(ORG).optOuts().isOptedOut(CONTACT)).isFalse();
  }
}
