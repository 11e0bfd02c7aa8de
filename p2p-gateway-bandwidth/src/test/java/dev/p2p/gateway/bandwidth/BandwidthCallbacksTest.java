package dev.p2p.gateway.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How Bandwidth's callbacks are verified and read. Parsing needs no server. */
class BandwidthCallbacksTest {
  private final BandwidthGateway gateway =
      BandwidthGateway.builder()
          .accountId(BandwidthStubs.ACCOUNT_ID)
          .applicationId(BandwidthStubs.APPLICATION_ID)
          .senderNumbers("+13125550199")
          .clientCredentials(BandwidthStubs.CLIENT_ID, BandwidthStubs.CLIENT_SECRET)
          .callbackCredentials(BandwidthStubs.CALLBACK_USER, BandwidthStubs.CALLBACK_PASSWORD)
          .build();

  private List<GatewayEvent> events(WebhookRequest request) {
    WebhookResult result = gateway.parse(request);
    assertThat(result).isInstanceOf(WebhookResult.Accepted.class);
    assertThat(((WebhookResult.Accepted) result).response().status()).isEqualTo(204);
    return ((WebhookResult.Accepted) result).events();
  }

  private StatusUpdate update(ObjectNode event) {
    List<GatewayEvent> events = events(CallbackBodies.callback(event));
    assertThat(events).hasSize(1).first().isInstanceOf(StatusUpdate.class);
    return (StatusUpdate) events.get(0);
  }

  private int rejected(WebhookRequest request) {
    WebhookResult result = gateway.parse(request);
    assertThat(result).isInstanceOf(WebhookResult.Rejected.class);
    return ((WebhookResult.Rejected) result).status();
  }

  private static WebhookRequest withBody(String body) {
    return CallbackBodies.callback(
        BandwidthCallbackAuth.header(
            BandwidthStubs.CALLBACK_USER, BandwidthStubs.CALLBACK_PASSWORD),
        body);
  }

  @ParameterizedTest(name = "{0} is {1} {2}")
  @CsvSource({
    "4775, UNDELIVERED, OptedOut",
    "4720, UNDELIVERED, InvalidNumber",
    "4721, UNDELIVERED, InvalidNumber",
    "4700, UNDELIVERED, InvalidNumber",
    "4404, FAILED, InvalidNumber",
    "4406, FAILED, InvalidNumber",
    "4303, FAILED, InvalidNumber",
    "4781, UNDELIVERED, RateLimited",
    "5600, UNDELIVERED, RateLimited",
    "4702, UNDELIVERED, Retryable",
    "5620, UNDELIVERED, Retryable",
    "5100, FAILED, Retryable",
    "5999, FAILED, Retryable",
    "4470, FAILED, Permanent",
    "4360, FAILED, Permanent",
    "4432, FAILED, Permanent",
    "4770, UNDELIVERED, Permanent",
    "4750, UNDELIVERED, Permanent",
    "9999, UNDELIVERED, Permanent",
    "4999, FAILED, Permanent"
  })
  @DisplayName("each failure code has its status and error kind")
  void failureCodes(int code, MessageStatus status, String kind) {
    StatusUpdate update = update(CallbackBodies.failed("m-1", code));
    assertThat(update.status()).isEqualTo(status);
    assertThat(update.error()).get().extracting(e -> e.getClass().getSimpleName()).isEqualTo(kind);
    assertThat(update.carrierCode()).hasValue(String.valueOf(code));
  }

  @Test
  @DisplayName("9902 (no delivery receipt in time) is no failure: the message stays sent")
  void receiptExpired() {
    StatusUpdate update = update(CallbackBodies.failed("m-1", 9902));
    assertThat(update.status()).isEqualTo(MessageStatus.SENT);
    assertThat(update.error()).isEmpty();
    assertThat(update.carrierCode()).hasValue("9902");
  }

  @Test
  @DisplayName("a failure without a code is a permanent failure")
  void failureWithoutCode() {
    StatusUpdate update = update(CallbackBodies.outbound("message-failed", "m-1", "failed"));
    assertThat(update.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(update.error()).contains(GatewayError.permanent());
    assertThat(update.carrierCode()).isEmpty();
  }

  @Test
  @DisplayName("p2p's tag gives the update its reference and the event its time")
  void referenceAndTime() {
    StatusUpdate update = update(CallbackBodies.outbound("message-delivered", "m-1", "ok"));
    assertThat(update.reference()).hasValue("ref-1");
    assertThat(update.at()).hasValue(Instant.parse("2026-11-03T14:00:01.250Z"));
  }

  @Test
  @DisplayName("a tag p2p did not write gives no reference")
  void foreignTag() {
    ObjectNode event = CallbackBodies.outbound("message-delivered", "m-1", "ok");
    ((ObjectNode) event.path("message")).put("tag", "order-42");
    assertThat(update(event).reference()).isEmpty();
  }

  @Test
  @DisplayName("a single event object, not in an array, is accepted too")
  void singleObject() {
    String body = CallbackBodies.outbound("message-delivered", "m-1", "ok").toString();
    assertThat(events(withBody(body))).hasSize(1);
  }

  @Test
  @DisplayName("several events in one array come out in their order; unknown types are skipped")
  void severalEvents() {
    List<GatewayEvent> events =
        events(
            CallbackBodies.callback(
                CallbackBodies.outbound("message-sending", "m-1", "ok"),
                CallbackBodies.outbound("message-read", "m-1", "read"),
                CallbackBodies.outbound("message-delivered", "m-2", "ok")));
    assertThat(events).extracting(GatewayEvent::carrierMessageId).containsExactly("m-1", "m-2");
  }

  @Test
  @DisplayName("an event of a type p2p does not read is skipped, even without a message")
  void unknownTypeSkipped() {
    assertThat(events(withBody("[{\"type\":\"suggestion-response\"}]"))).isEmpty();
  }

  @Test
  @DisplayName("an empty array is acknowledged with no events")
  void emptyArray() {
    assertThat(events(withBody("[]"))).isEmpty();
  }

  @Test
  @DisplayName("an inbound message keeps microseconds in its time")
  void inboundTime() {
    WebhookRequest request =
        withBody(
            "[{\"type\":\"message-received\",\"time\":\"2025-01-06T15:43:35.502180Z\",\"to\":"
                + "\"+13125550199\",\"description\":\"Incoming message received\",\"message\":{"
                + "\"id\":\"in-1\",\"owner\":\"+13125550199\",\"time\":\"2025-01-06T15:43:34.000001Z\","
                + "\"direction\":\"in\",\"to\":[\"+13125550199\"],\"from\":\"+13125550101\","
                + "\"text\":\"STOP\"}}]");
    assertThat(events(request))
        .singleElement()
        .isEqualTo(
            new InboundMessage(
                "in-1",
                "+13125550101",
                "+13125550199",
                "STOP",
                List.of(),
                Optional.of(Instant.parse("2025-01-06T15:43:34.000001Z"))));
  }

  @Test
  @DisplayName("no Authorization header is 401")
  void missingCredentials() {
    String body = CallbackBodies.array(CallbackBodies.outbound("message-delivered", "m-1", "ok"));
    WebhookRequest request =
        new WebhookRequest("POST", BandwidthStubs.WEBHOOK_URL, Map.of(), body.getBytes());
    assertThat(rejected(request)).isEqualTo(401);
  }

  @Test
  @DisplayName("a bearer token instead of Basic credentials is 401")
  void notBasic() {
    assertThat(rejected(CallbackBodies.callback("Bearer abc", "[]"))).isEqualTo(401);
  }

  @Test
  @DisplayName("a wrong password, a wrong user and undecodable credentials are 403")
  void wrongCredentials() {
    assertThat(
            rejected(
                CallbackBodies.callback(BandwidthCallbackAuth.header("bandwidth", "guess"), "[]")))
        .isEqualTo(403);
    assertThat(
            rejected(
                CallbackBodies.callback(
                    BandwidthCallbackAuth.header("someone", BandwidthStubs.CALLBACK_PASSWORD),
                    "[]")))
        .isEqualTo(403);
    assertThat(rejected(CallbackBodies.callback("Basic %%%", "[]"))).isEqualTo(403);
  }

  @Test
  @DisplayName("the scheme name is read without regard to case")
  void schemeCase() {
    String header =
        BandwidthCallbackAuth.header(BandwidthStubs.CALLBACK_USER, BandwidthStubs.CALLBACK_PASSWORD)
            .replace("Basic", "basic");
    assertThat(events(CallbackBodies.callback(header, "[]"))).isEmpty();
  }

  @Test
  @DisplayName("credentials are checked before the body: a bad body without them is 401")
  void credentialsFirst() {
    WebhookRequest request =
        new WebhookRequest("POST", BandwidthStubs.WEBHOOK_URL, Map.of(), "not json".getBytes());
    assertThat(rejected(request)).isEqualTo(401);
  }

  @Test
  @DisplayName("a GET is a bad request")
  void notPost() {
    WebhookRequest post = withBody("[]");
    WebhookRequest get = new WebhookRequest("GET", post.url(), post.headers(), new byte[0]);
    assertThat(rejected(get)).isEqualTo(400);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a JSON string | \"hello\"",
        "an event that is not an object | [42]",
        "an event without a type | [{\"message\":{\"id\":\"m-1\"}}]",
        "an event without a message | [{\"type\":\"message-delivered\"}]",
        "a message without an id | [{\"type\":\"message-delivered\",\"message\":{}}]",
        "an inbound message sent by us | [{\"type\":\"message-received\",\"to\":\"+13125550199\","
            + "\"message\":{\"id\":\"m\",\"from\":\"+13125550101\",\"direction\":\"out\"}}]",
        "an error code that is not a number | [{\"type\":\"message-failed\",\"errorCode\":\"x\","
            + "\"message\":{\"id\":\"m\"}}]",
        "an id longer than p2p keeps | [{\"type\":\"message-sent\",\"message\":{\"id\":\""
            + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}}]"
      })
  @DisplayName("a verified body Bandwidth would never send is a bad request")
  void unreadable(String what, String body) {
    assertThat(rejected(withBody(body))).as(what).isEqualTo(400);
  }
}
