package dev.p2p.webhook;

import static dev.p2p.webhook.WebhookHarness.CONTACT;
import static dev.p2p.webhook.WebhookHarness.OUR_NUMBER;
import static dev.p2p.webhook.WebhookHarness.T0;
import static dev.p2p.webhook.WebhookHarness.request;
import static dev.p2p.webhook.WebhookHarness.unsigned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.P2P;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WebhooksTest {
  private static final String HOOKS = "https://crm.example.com/p2p/webhooks/";
  private static final String TWILIO = "twilio-acme";
  private static final String OTHER = "bandwidth-acme";

  private final WebhookHarness h = new WebhookHarness();
  private final LineGateway twilio = new LineGateway();
  private final LineGateway other = new LineGateway();
  private final P2P p2p = h.p2p(twoGateways());

  private Map<String, SmsGateway> twoGateways() {
    Map<String, SmsGateway> gateways = new LinkedHashMap<>();
    gateways.put(TWILIO, twilio);
    gateways.put(OTHER, other);
    return gateways;
  }

  private WebhookResponse handle(String body) {
    return p2p.webhooks().handle(request(HOOKS + TWILIO, body));
  }

  private String inbound(String carrierId) {
    return "inbound " + carrierId + " " + CONTACT + " " + OUR_NUMBER + " Yes I will";
  }

  @Nested
  @DisplayName("finding the gateway")
  class Routing {
    @Test
    @DisplayName("the path segment naming a registered gateway picks it")
    void byPathSegment() {
      long id = h.sentMessage(OTHER, "SM1");
      WebhookResponse r = p2p.webhooks().handle(request(HOOKS + OTHER, "status SM1 DELIVERED"));
      assertThat(r.status()).isEqualTo(200);
      assertThat(other.parsed()).hasSize(1);
      assertThat(twilio.parsed()).isEmpty();
      assertThat(h.message(id).status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    @DisplayName("segments are checked from the last backwards, so a suffix after the id is fine")
    void bySegmentBeforeASuffix() {
      p2p.webhooks().handle(request(HOOKS + OTHER + "/status?x=1", "status SM1 SENT"));
      p2p.webhooks().handle(request(HOOKS + TWILIO + "/" + OTHER, "status SM1 SENT"));
      assertThat(other.parsed()).hasSize(2);
      assertThat(twilio.parsed()).isEmpty();
    }

    @Test
    @DisplayName("with one gateway registered, any URL reaches it")
    void singleGatewayFallback() {
      LineGateway only = new LineGateway();
      P2P single = new WebhookHarness().p2p(Map.of("only", only));
      WebhookResponse r = single.webhooks().handle(request("https://crm.example.com/sms", ""));
      assertThat(r.status()).isEqualTo(200);
      assertThat(only.parsed()).hasSize(1);
    }

    @Test
    @DisplayName("a URL naming no gateway, with several registered, is 404 and parses nothing")
    void unknownGatewayIsNotFound() {
      WebhookResponse r = p2p.webhooks().handle(request(HOOKS + "nexmo", "status SM1 SENT"));
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.body()).contains("no gateway");
      assertThat(twilio.parsed()).isEmpty();
      assertThat(other.parsed()).isEmpty();
    }

    @Test
    @DisplayName("a CRM that routes itself names the gateway; an unknown id is 404")
    void explicitGatewayId() {
      WebhookResponse r = p2p.webhooks().handle(OTHER, request(HOOKS + TWILIO, ""));
      assertThat(r.status()).isEqualTo(200);
      assertThat(other.parsed()).hasSize(1);
      assertThat(p2p.webhooks().handle("nexmo", request(HOOKS, "")).status()).isEqualTo(404);
    }
  }

  @Nested
  @DisplayName("rejections")
  class Rejections {
    @Test
    @DisplayName("a request that does not verify is 403 and stores nothing")
    void forbiddenStoresNothing() {
      long id = h.sentMessage(TWILIO, "SM1");
      WebhookResponse r =
          p2p.webhooks()
              .handle(unsigned(HOOKS + TWILIO, inbound("SMin1") + "\nstatus SM1 DELIVERED"));
      assertThat(r.status()).isEqualTo(403);
      assertThat(h.received("SMin1")).isEmpty();
      assertThat(h.message(id).status()).isEqualTo(MessageStatus.QUEUED);
    }

    @Test
    void anUnreadableRequestIsBadRequest() {
      assertThat(handle("hello carrier").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("an adapter that throws while parsing gets 400, never a 500")
    void aThrowingAdapterIsBadRequest() {
      WebhookResponse r = handle("boom");
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).doesNotContain("adapter bug");
    }

    @Test
    @DisplayName("an adapter that returns no result gets 400, never a 500")
    void anAdapterReturningNullIsBadRequest() {
      assertThat(handle("null").status()).isEqualTo(400);
    }
  }

  @Nested
  @DisplayName("status updates")
  class Statuses {
    @Test
    @DisplayName("a repeated status webhook changes nothing more")
    void repeatedStatusChangesNothing() {
      long id = h.sentMessage(TWILIO, "SM1");
      handle("status SM1 DELIVERED");
      h.clock.set(T0.plusSeconds(60));
      assertThat(handle("status SM1 DELIVERED").status()).isEqualTo(200);
      assertThat(h.message(id).updatedAt()).isEqualTo(T0);
    }

    @Test
    @DisplayName("a late status never moves a message back")
    void lateStatusDoesNotMoveBack() {
      long id = h.sentMessage(TWILIO, "SM1");
      handle("status SM1 DELIVERED");
      assertThat(handle("status SM1 SENT").status()).isEqualTo(200);
      assertThat(h.message(id).status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    @DisplayName("a status for a message not stored is acknowledged")
    void unknownMessageIsAcknowledged() {
      assertThat(handle("status SM404 DELIVERED").status()).isEqualTo(200);
    }
  }

  @Nested
  @DisplayName("inbound messages")
  class Inbound {
    @Test
    @DisplayName("go to the organization bound to the contact and number, once")
    void storedOnceInTheBoundOrganization() {
      h.sentMessage(TWILIO, "SM1");
      assertThat(handle(inbound("SMin1")).status()).isEqualTo(200);
      h.clock.set(T0.plusSeconds(60));
      assertThat(handle(inbound("SMin1")).status()).isEqualTo(200);
      Message m = h.received("SMin1").orElseThrow();
      assertThat(m.direction()).isEqualTo(Direction.INBOUND);
      assertThat(m.body()).isEqualTo("Yes I will");
      assertThat(m.createdAt()).isEqualTo(T0);
    }

    @Test
    @DisplayName("one matching no organization is acknowledged and not stored")
    void noOrganizationIsAcknowledged() {
      WebhookResponse r = handle(inbound("SMin1"));
      assertThat(r.status()).isEqualTo(200);
      assertThat(h.received("SMin1")).isEmpty();
    }
  }

  @Nested
  @DisplayName("store failures")
  class StoreFailures {
    @Test
    @DisplayName("a store failure is 503, so the carrier retries")
    void storeFailureIsServiceUnavailable() {
      h.sentMessage(TWILIO, "SM1");
      h.failing.set("applyStatus");
      assertThat(handle("status SM1 DELIVERED").status()).isEqualTo(503);
    }

    @Test
    @DisplayName("a retry after a failure midway applies the rest and repeats nothing")
    void retryAfterPartialFailureConverges() {
      long id = h.sentMessage(TWILIO, "SM1");
      String body = inbound("SMin1") + "\nstatus SM1 DELIVERED";
      h.failing.set("applyStatus");
      assertThat(handle(body).status()).isEqualTo(503);
      assertThat(h.received("SMin1")).isPresent();
      h.failing.set("");
      h.clock.set(T0.plusSeconds(60));
      assertThat(handle(body).status()).isEqualTo(200);
      assertThat(h.message(id).status()).isEqualTo(MessageStatus.DELIVERED);
      assertThat(h.received("SMin1").orElseThrow().createdAt()).isEqualTo(T0);
    }
  }
}
