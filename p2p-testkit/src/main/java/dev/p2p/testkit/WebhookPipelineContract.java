package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.P2P;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.gateway.GatewayEvent;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.gateway.WebhookResult;
import dev.p2p.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The webhook pipeline through {@code P2P.webhooks()} on a real store: repeated webhooks change
 * nothing and statuses never move back. Run by {@link StoreContract} on every store.
 */
abstract class WebhookPipelineContract {
  static final String ORG = StoreContract.ORG;
  static final String GATEWAY = "lines";
  static final String OUR_NUMBER = "+13125550100";
  static final String CONTACT = "+13125550123";
  static final Instant NOW = StoreContract.NOW;

  /** The store under test. */
  abstract Store store();

  private WebhookResponse deliver(Instant at, String body) {
    P2P p2p =
        P2P.builder()
            .store(store())
            .clock(Clock.fixed(at, ZoneOffset.UTC))
            .gateway(GATEWAY, new LineGateway())
            .build();
    return p2p.webhooks()
        .handle(
            WebhookRequest.of(
                "POST",
                "https://crm.example.com/p2p/webhooks/" + GATEWAY,
                Map.of(),
                body.getBytes(StandardCharsets.UTF_8)));
  }

  private long sent(String carrierId) {
    long id =
        store()
            .recordOutbound(
                ORG,
                new QueuedMessage(GATEWAY, "ref-1", OUR_NUMBER, CONTACT, "Hi", List.of(), 1),
                NOW);
    store().markSent(ORG, id, SendReceipt.queued(carrierId), NOW);
    return id;
  }

  private Message message(long id) {
    return store().findMessage(ORG, id).orElseThrow();
  }

  @Test
  @DisplayName("the same inbound webhook twice stores one message")
  void inboundTwiceStoresOnce() {
    store().bindSender(ORG, GATEWAY, CONTACT, List.of(OUR_NUMBER), NOW);
    String body = "inbound SMin1 " + CONTACT + " " + OUR_NUMBER + " Count me in";
    assertThat(deliver(NOW, body).status()).isEqualTo(204);
    assertThat(deliver(NOW.plusSeconds(60), body).status()).isEqualTo(204);
    Message m = store().findMessageByCarrierId(ORG, GATEWAY, "SMin1").orElseThrow();
    assertThat(m.body()).isEqualTo("Count me in");
    assertThat(m.createdAt()).isEqualTo(NOW);
  }

  @Test
  @DisplayName("a repeated status changes nothing and a late one never moves the message back")
  void statusesOnlyMoveForward() {
    long id = sent("SM1");
    deliver(NOW.plusSeconds(10), "status SM1 DELIVERED");
    deliver(NOW.plusSeconds(20), "status SM1 DELIVERED");
    assertThat(deliver(NOW.plusSeconds(30), "status SM1 SENT").status()).isEqualTo(204);
    assertThat(message(id).status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(message(id).updatedAt()).isEqualTo(NOW.plusSeconds(10));
  }

  /**
   * A gateway speaking one event per line: {@code status ID STATUS} or {@code inbound ID FROM TO
   * BODY}. Trusts every request.
   */
  private static final class LineGateway implements SmsGateway {
    @Override
    public String carrier() {
      return "lines";
    }

    @Override
    public CompletableFuture<SendReceipt> send(OutboundMessage message) {
      return CompletableFuture.failedFuture(new UnsupportedOperationException("receives only"));
    }

    @Override
    public WebhookResult parse(WebhookRequest request) {
      List<GatewayEvent> events = new ArrayList<>();
      for (String line : request.bodyText().split("\n")) {
        String[] w = line.split(" ", 5);
        if (w.length == 3 && w[0].equals("status")) {
          events.add(
              new GatewayEvent.StatusUpdate(
                  w[1],
                  MessageStatus.valueOf(w[2]),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty()));
        } else if (w.length == 5 && w[0].equals("inbound")) {
          events.add(
              new GatewayEvent.InboundMessage(w[1], w[2], w[3], w[4], List.of(), Optional.empty()));
        } else {
          return WebhookResult.badRequest("unreadable line");
        }
      }
      return WebhookResult.accepted(events, WebhookResponse.noContent());
    }
  }
}
