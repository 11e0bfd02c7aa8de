package dev.p2p.gateway.bandwidth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.testkit.MutableClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a send puts on the wire and how Bandwidth's answers are read. */
class SendTest {
  private static final String SENDER = "+13125550199";
  private static final String CONTACT = "+13125550101";
  private static final Instant NOW = Instant.parse("2026-11-03T14:00:00Z");
  private static final BandwidthSpec SPEC = BandwidthSpec.load();

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final MutableClock clock = MutableClock.at(NOW);
  private BandwidthStubs stubs;
  private BandwidthGateway gateway;

  @BeforeEach
  void start() {
    server.start();
    stubs = new BandwidthStubs(server);
    stubs.acceptNextSend("m-1", 1);
    gateway = BandwidthStubs.gateway(server, SENDER).clock(clock).build();
  }

  @AfterEach
  void stop() {
    assertThat(SPEC.problems(server.getAllServeEvents())).isEmpty();
    server.stop();
  }

  private JsonNode sentBody() {
    return BandwidthStubs.read(stubs.sends().get(stubs.sends().size() - 1).getRequest().getBody());
  }

  private static OutboundMessage message(Optional<Instant> expiresAt) {
    return new OutboundMessage(
        "ref-7", Sender.number(SENDER), CONTACT, "Hi Ana", List.of(), expiresAt);
  }

  private static GatewayException failure(CompletableFuture<SendReceipt> send) {
    try {
      send.join();
    } catch (CompletionException e) {
      return (GatewayException) e.getCause();
    }
    throw new AssertionError("the send succeeded");
  }

  private void answer(int status, String json) {
    server.stubFor(
        post(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH))
            .willReturn(BandwidthStubs.answer(status, json)));
  }

  @Test
  @DisplayName("the request names the application, one recipient, the sender, the text and the tag")
  void requestBody() {
    gateway.send(message(Optional.empty())).join();
    assertThat(sentBody().toString())
        .isEqualTo(
            "{\"applicationId\":\"93de2206-9669-4e07-948d-329f4b722ee2\",\"to\":[\"+13125550101\"],"
                + "\"from\":\"+13125550199\",\"text\":\"Hi Ana\",\"tag\":\"p2p:ref-7\","
                + "\"priority\":\"default\"}");
  }

  @Test
  @DisplayName(
      "the end of the texting window becomes the expiration, in whole seconds, never later")
  void expiration() {
    gateway.send(message(Optional.of(NOW.plusMillis(3_600_999)))).join();
    assertThat(sentBody().path("expiration").asText()).isEqualTo("2026-11-03T15:00:00Z");
  }

  @Test
  @DisplayName("a message whose texting window is over fails as permanent and is never sent")
  void windowOver() {
    GatewayException e = failure(gateway.send(message(Optional.of(NOW.plusMillis(999)))));
    assertThat(e.error()).isInstanceOf(GatewayError.Permanent.class);
    assertThat(e.getMessage()).contains("texting window ended");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  @DisplayName("a sender that is not one of the gateway's numbers fails as permanent, unsent")
  void unknownSender() {
    OutboundMessage other =
        OutboundMessage.text("ref-8", Sender.number("+13125550100"), CONTACT, "Hi");
    GatewayException e = failure(gateway.send(other));
    assertThat(e.error()).isInstanceOf(GatewayError.Permanent.class);
    assertThat(e.getMessage()).contains("+1******0100").doesNotContain("+13125550100");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  @DisplayName("a messaging-service sender fails as permanent: Bandwidth has none")
  void messagingService() {
    OutboundMessage viaService =
        OutboundMessage.text("ref-9", Sender.messagingService("MG1"), CONTACT, "Hi");
    assertThat(failure(gateway.send(viaService)).error())
        .isInstanceOf(GatewayError.Permanent.class);
  }

  @Test
  @DisplayName("media go as a list of URLs and an empty text is left out")
  void mediaOnly() {
    URI flyer = URI.create("https://media.example.com/flyer.png");
    gateway
        .send(
            new OutboundMessage(
                "ref-10", Sender.number(SENDER), CONTACT, "", List.of(flyer), Optional.empty()))
        .join();
    assertThat(sentBody().has("text")).isFalse();
    assertThat(sentBody().path("media").toString()).isEqualTo("[\"" + flyer + "\"]");
  }

  @Test
  @DisplayName("a gateway set to high priority says so on every message")
  void highPriority() {
    BandwidthGateway urgent =
        BandwidthStubs.gateway(server, SENDER).priority(BandwidthGateway.Priority.HIGH).build();
    urgent.send(message(Optional.empty())).join();
    assertThat(sentBody().path("priority").asText()).isEqualTo("high");
  }

  @Test
  @DisplayName("the receipt carries Bandwidth's id, segment count and sending number")
  void receipt() {
    answer(
        202,
        "{\"id\":\"1589228074636lm4k2je7j7jklbn2\",\"segmentCount\":2,\"from\":\""
            + SENDER
            + "\"}");
    SendReceipt receipt = gateway.send(message(Optional.empty())).join();
    assertThat(receipt.carrierMessageId()).isEqualTo("1589228074636lm4k2je7j7jklbn2");
    assertThat(receipt.segments()).hasValue(2);
    assertThat(receipt.from()).hasValue(SENDER);
  }

  @Test
  @DisplayName("a 202 without an id is retryable but not retry-safe: the message may be queued")
  void acceptedWithoutId() {
    answer(202, "{\"segmentCount\":1}");
    GatewayException e = failure(gateway.send(message(Optional.empty())));
    assertThat(e.error()).isInstanceOf(GatewayError.Retryable.class);
    assertThat(e.retrySafe()).isFalse();
  }

  @Test
  @DisplayName("a 400 is permanent and names the field, with the phone it quotes masked")
  void badRequestNamesTheField() {
    answer(
        400,
        "{\"type\":\"request-validation\",\"description\":\"Your request could not be accepted\","
            + "\"fieldErrors\":[{\"fieldName\":\"to\",\"description\":\"'+13125550101' must be"
            + " replaced with a valid E164 formatted telephone number\"}]}");
    GatewayException e = failure(gateway.send(message(Optional.empty())));
    assertThat(e.error()).isInstanceOf(GatewayError.Permanent.class);
    assertThat(e.carrierCode()).hasValue("request-validation");
    assertThat(e.httpStatus()).hasValue(400);
    assertThat(e.getMessage()).contains("field 'to'").contains("+1******0101");
    assertThat(e.getMessage()).doesNotContain(CONTACT);
  }

  @Test
  @DisplayName("a refusal that quotes the body leaves the quoted text out of the exception")
  void quotedBodyLeftOut() {
    answer(
        400,
        "{\"type\":\"request-validation\",\"description\":\"Your request could not be accepted\","
            + "\"fieldErrors\":[{\"fieldName\":\"text\",\"description\":\"'Vote at Lincoln"
            + " School, Ana' is not allowed\"}]}");
    GatewayException e = failure(gateway.send(message(Optional.empty())));
    assertThat(e.getMessage()).contains("field 'text'").doesNotContain("Lincoln");
  }

  @Test
  @DisplayName("a 429 is rate-limited with Bandwidth's Retry-After, and retry-safe")
  void rateLimited() {
    server.stubFor(
        post(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH))
            .willReturn(
                BandwidthStubs.answer(
                        429,
                        "{\"type\":\"max-message-queue-size-exceeded\",\"description\":\"full\"}")
                    .withHeader("Retry-After", "30")));
    GatewayException e = failure(gateway.send(message(Optional.empty())));
    assertThat(e.error()).isEqualTo(GatewayError.rateLimited(Optional.of(Duration.ofSeconds(30))));
    assertThat(e.retryable()).isTrue();
  }

  @Test
  @DisplayName("a 404 in Spring's shape (a wrong base URL) is permanent")
  void notFound() {
    answer(404, "{\"timestamp\":\"2026-11-03T14:00:00Z\",\"status\":404,\"error\":\"Not Found\"}");
    GatewayException e = failure(gateway.send(message(Optional.empty())));
    assertThat(e.error()).isInstanceOf(GatewayError.Permanent.class);
    assertThat(e.httpStatus()).hasValue(404);
  }

  @Test
  @DisplayName("a refused connection is retryable and retry-safe: nothing reached Bandwidth")
  void connectionRefused() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    BandwidthGateway unreachable =
        BandwidthStubs.gateway(server, SENDER).baseUrl("http://127.0.0.1:" + closed).build();
    GatewayException e = failure(unreachable.send(message(Optional.empty())));
    assertThat(e.error()).isInstanceOf(GatewayError.Retryable.class);
    assertThat(e.retryable()).isTrue();
  }

  @Test
  @DisplayName("no answer in time is retryable but not retry-safe")
  void timeout() {
    server.stubFor(
        post(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH))
            .willReturn(aResponse().withStatus(202).withFixedDelay(5_000)));
    BandwidthGateway impatient =
        BandwidthStubs.gateway(server, SENDER).requestTimeout(Duration.ofSeconds(1)).build();
    GatewayException e = failure(impatient.send(message(Optional.empty())));
    assertThat(e.error()).isInstanceOf(GatewayError.Retryable.class);
    assertThat(e.retrySafe()).isFalse();
    assertThat(server.findAll(postRequestedFor(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH))))
        .hasSize(1);
  }
}
