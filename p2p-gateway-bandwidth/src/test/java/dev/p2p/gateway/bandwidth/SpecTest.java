package dev.p2p.gateway.bandwidth;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.WebhookResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The spec checker catches what it should, and the spec's own examples (callbacks, the 202 message,
 * the 400 error) read through the gateway.
 */
class SpecTest {
  private static final BandwidthSpec SPEC = BandwidthSpec.load();

  @org.junit.jupiter.api.BeforeAll
  static void specFound() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        SPEC.available(), "the carrier's spec is not here (see CarrierSpecs): spec tests skipped");
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SENDER = "+15553332222";

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private BandwidthGateway gateway;

  @BeforeEach
  void start() {
    server.start();
    new BandwidthStubs(server);
    gateway = BandwidthStubs.gateway(server, SENDER).build();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private JsonNode requestSchema() {
    return SPEC.resolve(SPEC.operation("/users/9900000/messages", "POST").path("requestBody"))
        .at("/content/application~1json/schema");
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  @DisplayName("the checker finds the create-message operation and accepts a spec-shaped body")
  void acceptsAGoodBody() {
    JsonNode body =
        json(
            "{\"applicationId\":\"a\",\"to\":[\"+15554443333\"],\"from\":\"+15551113333\","
                + "\"text\":\"Hi\",\"tag\":\"t\",\"priority\":\"high\","
                + "\"expiration\":\"2021-03-14T01:59:26Z\"}");
    assertThat(SPEC.validate(requestSchema(), body, "body")).isEmpty();
  }

  @Test
  @DisplayName("the checker reports undeclared, missing, mistyped and out-of-enum fields")
  void reportsBadBodies() {
    JsonNode body =
        json(
            "{\"to\":\"+15554443333\",\"from\":\"+15551113333\",\"priority\":\"urgent\","
                + "\"expiration\":\"tomorrow\",\"callbackUrl\":\"https://x\"}");
    assertThat(SPEC.validate(requestSchema(), body, "body"))
        .containsExactlyInAnyOrder(
            "body.applicationId is required",
            "body.to must be an array",
            "body.priority must be one of [\"default\",\"high\"]",
            "body.expiration is not a valid date-time",
            "body.callbackUrl is not declared by the spec");
  }

  @Test
  @DisplayName("the checker reports a path the spec does not have and a missing bearer token")
  void reportsBadRequests() throws Exception {
    server.stubFor(
        post(urlPathEqualTo("/api/v2/users/9900000/message"))
            .willReturn(BandwidthStubs.answer(202, "{}")));
    HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v2/users/9900000/message"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(SPEC.problems(server.getAllServeEvents()))
        .singleElement()
        .asString()
        .contains("matches no path template");
  }

  @Test
  @DisplayName("the spec's example callbacks follow its callback schemas")
  void examplesFollowTheSchemas() {
    for (String callback : List.of("inboundCallback", "statusCallback")) {
      Map<String, JsonNode> examples = SPEC.callbackExamples(callback);
      assertThat(examples).isNotEmpty();
      examples.forEach(
          (name, example) ->
              assertThat(SPEC.validate(SPEC.callbackSchema(callback), example, name)).isEmpty());
    }
  }

  @Test
  @DisplayName("each inbound example parses, in an array or alone, to its message")
  void inboundExamples() {
    Map<String, JsonNode> examples = SPEC.callbackExamples("inboundCallback");
    assertThat(examples).containsKeys("smsMessageReceivedCallback", "mmsMessageReceivedCallback");
    examples.forEach(
        (name, example) -> {
          for (String body : List.of(CallbackBodies.array(example), example.toString())) {
            InboundMessage in = (InboundMessage) single(body);
            assertThat(in.carrierMessageId()).isEqualTo(example.at("/message/id").asText());
            assertThat(in.from()).isEqualTo(example.at("/message/from").asText());
            assertThat(in.to()).isEqualTo(example.path("to").asText());
            assertThat(in.body()).isEqualTo(example.at("/message/text").asText());
            assertThat(in.media()).hasSize(example.at("/message/media").size());
            assertThat(in.receivedAt()).isPresent();
          }
        });
  }

  @Test
  @DisplayName("each status example parses to the status its type says")
  void statusExamples() {
    Map<String, MessageStatus> expected =
        Map.of(
            "message-sending", MessageStatus.SENDING,
            "message-sent", MessageStatus.SENT,
            "message-delivered", MessageStatus.DELIVERED,
            "message-failed", MessageStatus.FAILED);
    Map<String, JsonNode> examples = SPEC.callbackExamples("statusCallback");
    assertThat(examples).hasSizeGreaterThanOrEqualTo(6);
    examples.forEach(
        (name, example) -> {
          StatusUpdate update = (StatusUpdate) single(CallbackBodies.array(example));
          assertThat(update.status())
              .as(name)
              .isEqualTo(expected.get(example.path("type").asText()));
          assertThat(update.carrierMessageId()).isEqualTo(example.at("/message/id").asText());
          assertThat(update.at()).isPresent();
        });
  }

  @Test
  @DisplayName("the failed example (4432, country not enabled) is a permanent failure")
  void failedExample() {
    JsonNode example = SPEC.callbackExamples("statusCallback").get("messageFailedCallback");
    StatusUpdate update = (StatusUpdate) single(CallbackBodies.array(example));
    assertThat(update.error()).contains(GatewayError.permanent());
    assertThat(update.carrierCode()).hasValue("4432");
  }

  @Test
  @DisplayName("the spec's Message, answered with 202, reads as the receipt")
  void messageExampleIsAReceipt() {
    JsonNode message = SPEC.example("message");
    assertThat(
            SPEC.validate(
                SPEC.resolve(JSON.createObjectNode().put("$ref", "#/components/schemas/message")),
                message,
                "message"))
        .isEmpty();
    server.stubFor(
        post(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH))
            .willReturn(BandwidthStubs.answer(202, message.toString())));
    SendReceipt receipt = gateway.send(message()).join();
    assertThat(receipt.carrierMessageId()).isEqualTo("1589228074636lm4k2je7j7jklbn2");
    assertThat(receipt.segments()).hasValue(1);
    assertThat(receipt.from()).hasValue(SENDER);
    assertThat(SPEC.problems(server.getAllServeEvents())).isEmpty();
  }

  @Test
  @DisplayName(
      "the spec's create-message error, answered with 400, is permanent and names the field")
  void errorExampleIsPermanent() {
    ObjectNode error = (ObjectNode) SPEC.example("createMessageRequestError");
    server.stubFor(
        post(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH))
            .willReturn(BandwidthStubs.answer(400, error.toString())));
    GatewayException e = refused();
    assertThat(e.error()).isInstanceOf(GatewayError.Permanent.class);
    assertThat(e.getMessage()).contains("field 'from'");
  }

  private GatewayException refused() {
    try {
      gateway.send(message()).join();
    } catch (CompletionException e) {
      return (GatewayException) e.getCause();
    }
    throw new AssertionError("the send succeeded");
  }

  private static OutboundMessage message() {
    return OutboundMessage.text("ref-1", Sender.number(SENDER), "+15554443333", "Hello world");
  }

  private GatewayEvent single(String body) {
    WebhookResult result =
        gateway.parse(
            CallbackBodies.callback(
                BandwidthCallbackAuth.header(
                    BandwidthStubs.CALLBACK_USER, BandwidthStubs.CALLBACK_PASSWORD),
                body));
    assertThat(result).isInstanceOf(WebhookResult.Accepted.class);
    List<GatewayEvent> events = ((WebhookResult.Accepted) result).events();
    assertThat(events).hasSize(1);
    return events.get(0);
  }
}
