package dev.p2p.gateway.bandwidth;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.Texter;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.texter.TexterProfile;
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

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final InMemoryStore store = InMemoryStore.create();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final BandwidthStubs stubs;
  private final P2P p2p;

  BandwidthThroughP2PTest() {
    server.start();
    stubs = new BandwidthStubs(server);
    BandwidthGateway bandwidth = BandwidthStubs.gateway(server, OUR_NUMBER).clock(clock).build();
    p2p = P2P.builder().store(store).clock(clock).gateway("bandwidth", bandwidth).build();
  }

  @AfterEach
  void close() {
    try {
      p2p.close();
    } finally {
      server.stop();
    }
  }

  /** A live action of the organization on a list holding the contact, texting from our number. */
  private long action(String name) {
    Organization org = p2p.organization(ORG);
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long list = org.contacts().createList(name).id();
    org.contacts().add(list, NewContact.builder(CONTACT).build());
    long action =
        org.actions()
            .create(
                ActionDraft.named(name)
                    .contacts(list)
                    .initial("Hi")
                    .sender(SenderSettings.numbers("bandwidth", List.of(OUR_NUMBER))))
            .id();
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    return action;
  }

  /** The contact's first message, sent by a texter through Bandwidth, which answers MESSAGE_ID. */
  private long sent() {
    long action = action("GOTV");
    Texter ana = p2p.organization(ORG).texter("ana");
    ana.requestBatch(action);
    stubs.acceptNextSend(MESSAGE_ID, 1);
    return ana.send(ana.nextToSend(action).orElseThrow().conversationId()).id();
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
    assertThat(p2p.organization(ORG).optOuts().isOptedOut(CONTACT)).isFalse();
    long again = action("GOTV again");
    assertThat(p2p.organization(ORG).texter("ana").requestBatch(again))
        .as("the invalid phone is handed out to no texter")
        .isZero();
  }
}
