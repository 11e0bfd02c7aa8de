package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.P2P;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.gateway.GatewayEvent;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.store.Store;
import java.time.Clock;
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
abstract class WebhookPipelineContract {
  static final String ORG = StoreContract.ORG;
  static final String GATEWAY = "fake";
  static final String OUR_NUMBER = "+13125550100";
  static final String CONTACT = "+13125550123";
  static final Instant NOW = StoreContract.NOW;

  private final FakeGateway fake = FakeGateway.create();

  /** The store under test. */
  abstract Store store();

  /** Hands the request to a P2P on the store under test whose clock reads {@code at}. */
  private WebhookResponse handle(Instant at, WebhookRequest request) {
    P2P p2p =
        P2P.builder()
            .store(store())
            .clock(Clock.fixed(at, ZoneOffset.UTC))
            .gateway(GATEWAY, fake)
            .build();
    return p2p.webhooks().handle(request);
  }

  private long sent(String carrierId) {
    long id =
        store()
            .messages()
            .recordOutbound(
                ORG,
                new QueuedMessage(GATEWAY, "ref-1", OUR_NUMBER, CONTACT, "Hi", List.of(), 1),
                NOW);
    store().messages().markSent(ORG, id, SendReceipt.queued(carrierId), NOW);
    return id;
  }

  private Message message(long id) {
    return store().messages().findMessage(ORG, id).orElseThrow();
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
    store().messages().bindSender(ORG, GATEWAY, CONTACT, List.of(OUR_NUMBER), NOW);
    assertThat(handle(NOW, reply("IN-1")).status()).isEqualTo(204);
    assertThat(handle(NOW.plusSeconds(60), reply("IN-1")).status()).isEqualTo(204);
    Message m = store().messages().findMessageByCarrierId(ORG, GATEWAY, "IN-1").orElseThrow();
    assertThat(m.body()).isEqualTo("Count me in");
    assertThat(m.createdAt()).isEqualTo(NOW);
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
    store().messages().bindSender(ORG, GATEWAY, CONTACT, List.of(OUR_NUMBER), NOW);
    long id = sent("SM1");
    assertThat(handle(NOW, fake.webhooks().withBadSignature(reply("IN-1"))).status())
        .isEqualTo(403);
    assertThat(
            handle(NOW, fake.webhooks().withBadSignature(fake.webhooks().delivered("SM1")))
                .status())
        .isEqualTo(403);
    assertThat(store().messages().findMessageByCarrierId(ORG, GATEWAY, "IN-1")).isEmpty();
    assertThat(message(id).status()).isEqualTo(MessageStatus.QUEUED);
  }
}
