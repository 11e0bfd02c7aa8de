package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.P2P;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayEvent;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.SendRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The webhook pipeline through {@code P2P.webhooks()} on a real store, fed by {@link FakeGateway}'s
 * signed requests: repeated webhooks change nothing, statuses never move back, a forged request
 * stores nothing. Run by {@link StoreContract} on every store.
 */
abstract class WebhookPipelineContract extends ConversationFixtures {
  static final String FAKE = "fake";
  static final String CONTACT = phone(1);

  private final FakeGateway fake = FakeGateway.create();
  private long conversationId;

  /** Hands the request to a P2P on the store under test whose clock reads {@code at}. */
  private WebhookResponse handle(Instant at, WebhookRequest request) {
    P2P p2p =
        P2P.builder()
            .store(store())
            .clock(Clock.fixed(at, ZoneOffset.UTC))
            .gateway(FAKE, fake)
            .build();
    return p2p.webhooks().handle(request);
  }

  /**
   * Contact 1's first message, recorded through the fake from {@code OUR_NUMBER} (which binds the
   * contact to it, so replies find the organization) and sent with this carrier id.
   */
  private long sent(String carrierId) {
    conversationId = claim(live(1), "ana", 1).get(0);
    SendRecord first =
        new SendRecord(
            conversationId,
            SendRecord.Kind.INITIAL,
            Optional.of("ana"),
            message(FAKE, CONTACT, OUR_NUMBER),
            List.of(OUR_NUMBER),
            ConversationUpdate.NONE,
            Duration.ZERO,
            0);
    long id = conversations().recordSend(ORG, first, NOW).id();
    store().messages().markSent(ORG, id, SendReceipt.queued(carrierId), NOW);
    return id;
  }

  private Message message(long id) {
    return store().messages().findMessage(ORG, id).orElseThrow();
  }

  /** The contact's messages in the conversation. */
  private List<Message> received() {
    return conversations().thread(ORG, conversationId, 0, 100).stream()
        .filter(m -> m.direction() == Direction.INBOUND)
        .toList();
  }

  private WebhookRequest reply(String carrierId) {
    return fake.webhooks()
        .of(
            new GatewayEvent.InboundMessage(
                carrierId, CONTACT, OUR_NUMBER, "Count me in", List.of(), Optional.empty()));
  }

  @Test
  @DisplayName("the same inbound webhook twice stores one message")
  void inboundTwiceStoresOnce() {
    sent("SM1");
    assertThat(handle(NOW, reply("IN-1")).status()).isEqualTo(204);
    assertThat(handle(NOW.plusSeconds(60), reply("IN-1")).status()).isEqualTo(204);
    assertThat(received())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.carrierMessageId()).contains("IN-1");
              assertThat(m.body()).isEqualTo("Count me in");
              assertThat(m.createdAt()).isEqualTo(NOW);
            });
  }

  @Test
  @DisplayName("a repeated status changes nothing and a late one never moves the message back")
  void statusesOnlyMoveForward() {
    long id = sent("SM1");
    handle(NOW.plusSeconds(10), fake.webhooks().delivered("SM1"));
    handle(NOW.plusSeconds(20), fake.webhooks().delivered("SM1"));
    assertThat(handle(NOW.plusSeconds(30), fake.webhooks().sent("SM1")).status()).isEqualTo(204);
    assertThat(message(id).status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(message(id).updatedAt()).isEqualTo(NOW.plusSeconds(10));
  }

  @Test
  @DisplayName("a request with a bad signature is refused with 403 and stores nothing")
  void forgedRequestStoresNothing() {
    long id = sent("SM1");
    assertThat(handle(NOW, fake.webhooks().withBadSignature(reply("IN-1"))).status())
        .isEqualTo(403);
    assertThat(
            handle(NOW, fake.webhooks().withBadSignature(fake.webhooks().delivered("SM1")))
                .status())
        .isEqualTo(403);
    assertThat(received()).isEmpty();
    assertThat(conversations().unrouted(ORG, 0, 10)).isEmpty();
    assertThat(message(id).status()).isEqualTo(MessageStatus.QUEUED);
  }
}
