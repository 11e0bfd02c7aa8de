package dev.p2p.gateway.bandwidth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.p2p.gateway.bandwidth.CallbackBodies.array;
import static dev.p2p.gateway.bandwidth.CallbackBodies.callback;
import static dev.p2p.gateway.bandwidth.CallbackBodies.event;
import static dev.p2p.gateway.bandwidth.CallbackBodies.failed;
import static dev.p2p.gateway.bandwidth.CallbackBodies.message;
import static dev.p2p.gateway.bandwidth.CallbackBodies.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.testkit.GatewayStubs;
import dev.p2p.testkit.WireMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bandwidth's side of the gateway contract over WireMock: the OAuth2 token endpoint and the create
 * message endpoint in Bandwidth's JSON, and callbacks built and authenticated as Bandwidth does.
 *
 * <p>Bandwidth's callbacks can say {@code SENDING}, {@code SENT}, {@code DELIVERED} and, through a
 * carrier's {@code 47xx} or {@code 56xx} code, {@code UNDELIVERED} with every kind but
 * authentication. {@code FAILED} (Bandwidth's own {@code 4xxx} and {@code 5xxx} codes) cannot carry
 * an opt-out, so it is checked by {@code BandwidthCallbacksTest} rather than the contract.
 */
final class BandwidthStubs implements GatewayStubs {
  static final String ACCOUNT_ID = "9900000";
  static final String APPLICATION_ID = "93de2206-9669-4e07-948d-329f4b722ee2";
  static final String CLIENT_ID = "p2p-client";
  static final String CLIENT_SECRET = "client-secret-1";
  static final String CALLBACK_USER = "bandwidth";
  static final String CALLBACK_PASSWORD = "callback-password-1";
  static final String MESSAGES_PATH = "/api/v2/users/" + ACCOUNT_ID + "/messages";
  static final String TOKEN_PATH = "/api/v1/oauth2/token";
  static final URI WEBHOOK_URL = URI.create("https://crm.example/webhooks/bandwidth");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WireMockServer server;

  BandwidthStubs(WireMockServer server) {
    this.server = server;
    server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(token("token-1", 3600)));
  }

  /** The gateway configured against this server, as every test of the module builds it. */
  static BandwidthGateway.Builder gateway(WireMockServer server, String... senders) {
    return BandwidthGateway.builder()
        .accountId(ACCOUNT_ID)
        .applicationId(APPLICATION_ID)
        .senderNumbers(senders)
        .clientCredentials(CLIENT_ID, CLIENT_SECRET)
        .callbackCredentials(CALLBACK_USER, CALLBACK_PASSWORD)
        .baseUrl(server.baseUrl() + "/api/v2")
        .tokenUrl(server.baseUrl() + TOKEN_PATH);
  }

  /** A token answer. */
  static ResponseDefinitionBuilder token(String value, long expiresIn) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"access_token\":\""
                + value
                + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + expiresIn
                + "}");
  }

  /** A JSON answer of the messages endpoint. */
  static ResponseDefinitionBuilder answer(int status, String json) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(json);
  }

  private void nextSend(ResponseDefinitionBuilder answer) {
    server.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(answer));
  }

  @Override
  public void acceptNextSend(String carrierMessageId, int segments) {
    nextSend(accepted(carrierMessageId, segments));
  }

  @Override
  public void acceptNextSendAfter(String carrierMessageId, int segments, Duration delay) {
    nextSend(accepted(carrierMessageId, segments).withFixedDelay((int) delay.toMillis()));
  }

  /** Bandwidth's 202 with the message it took. */
  private static ResponseDefinitionBuilder accepted(String carrierMessageId, int segments) {
    return answer(
        202,
        "{\"id\":\""
            + carrierMessageId
            + "\",\"owner\":\"+13125550199\",\"applicationId\":\""
            + APPLICATION_ID
            + "\",\"time\":\"2026-11-03T14:00:00.123Z\",\"segmentCount\":"
            + segments
            + ",\"direction\":\"out\",\"priority\":\"default\"}");
  }

  @Override
  public void refuseConnections() {
    server.stop();
  }

  @Override
  public void refuseNextSend(GatewayError kind) {
    if (kind instanceof GatewayError.Retryable) {
      nextSend(answer(500, error("internal-server-error", "Something went wrong")));
    } else if (kind instanceof GatewayError.RateLimited limited) {
      ResponseDefinitionBuilder answer =
          answer(
              429,
              error(
                  "max-message-queue-size-exceeded",
                  "The SMS queue for your account is full and cannot accept more messages"));
      limited
          .retryAfter()
          .ifPresent(delay -> answer.withHeader("Retry-After", Long.toString(delay.toSeconds())));
      nextSend(answer);
    } else if (kind instanceof GatewayError.OptedOut) {
      nextSend(answer(400, error("destination-rejected-due-to-user-opt-out", "opted out")));
    } else if (kind instanceof GatewayError.InvalidNumber) {
      nextSend(answer(400, error("malformed-invalid-to-number", "To number is invalid")));
    } else if (kind instanceof GatewayError.Permanent) {
      nextSend(
          answer(
              400,
              "{\"type\":\"request-validation\",\"description\":\"Your request could not be"
                  + " accepted\",\"fieldErrors\":[{\"fieldName\":\"text\",\"description\":\"'text'"
                  + " must be 2048 characters or less\"}]}"));
    } else {
      nextSend(answer(401, error("unauthorized", "Authentication Failed")));
    }
  }

  private static String error(String type, String description) {
    return "{\"type\":\"" + type + "\",\"description\":\"" + description + "\"}";
  }

  @Override
  public void cutNextSend() {
    nextSend(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
  }

  @Override
  public WireMessage lastSend() {
    JsonNode body = read(lastRequest().getBody());
    List<URI> media = new ArrayList<>();
    body.path("media").forEach(url -> media.add(URI.create(url.asText())));
    String expiration = body.path("expiration").asText("");
    return new WireMessage(
        body.path("to").path(0).asText(),
        body.path("from").asText(),
        body.path("text").asText(""),
        media,
        expiration.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(expiration)));
  }

  private LoggedRequest lastRequest() {
    List<ServeEvent> sends = sends();
    if (sends.isEmpty()) {
      throw new AssertionError("Bandwidth's stub received no send");
    }
    return sends.get(sends.size() - 1).getRequest();
  }

  /** The bearer token the stubs' token endpoint issued. */
  @Override
  public boolean lastSendAuthenticated() {
    return "Bearer token-1".equals(lastRequest().getHeader("Authorization"));
  }

  /** Bandwidth has no messaging services: the gateway refuses such a sender. */
  @Override
  public Optional<String> messagingService() {
    return Optional.empty();
  }

  /** Every create-message request received, oldest first. */
  List<ServeEvent> sends() {
    List<ServeEvent> sends = new ArrayList<>();
    for (ServeEvent event : server.getAllServeEvents()) {
      if (event.getRequest().getUrl().startsWith(MESSAGES_PATH)) {
        sends.add(0, event);
      }
    }
    return sends;
  }

  /** The JSON body of a request. */
  static JsonNode read(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public WebhookRequest inbound(
      String carrierMessageId, String from, String to, String body, List<URI> media) {
    ObjectNode message = message(carrierMessageId, to, "in");
    message.putArray("to").add(to);
    message.put("from", from).put("text", body);
    if (!media.isEmpty()) {
      ArrayNode urls = message.putArray("media");
      media.forEach(url -> urls.add(url.toString()));
    }
    return callback(event("message-received", to, "Incoming message received", message));
  }

  @Override
  public Set<MessageStatus> statuses() {
    return EnumSet.of(
        MessageStatus.SENDING,
        MessageStatus.SENT,
        MessageStatus.DELIVERED,
        MessageStatus.UNDELIVERED);
  }

  @Override
  public WebhookRequest status(String carrierMessageId, MessageStatus status) {
    String type =
        Map.of(
                MessageStatus.SENDING, "message-sending",
                MessageStatus.SENT, "message-sent",
                MessageStatus.DELIVERED, "message-delivered")
            .get(status);
    if (type == null) {
      throw new IllegalArgumentException("no callback type says " + status);
    }
    return callback(outbound(type, carrierMessageId, "ok"));
  }

  @Override
  public List<GatewayError> failureKinds() {
    return List.of(
        GatewayError.retryable(),
        GatewayError.rateLimited(Optional.empty()),
        GatewayError.optedOut(),
        GatewayError.invalidNumber(),
        GatewayError.permanent());
  }

  @Override
  public WebhookRequest failure(String carrierMessageId, MessageStatus status, GatewayError kind) {
    if (status != MessageStatus.UNDELIVERED) {
      throw new IllegalArgumentException("the contract checks UNDELIVERED only: " + status);
    }
    int code;
    if (kind instanceof GatewayError.Retryable) {
      code = 4702;
    } else if (kind instanceof GatewayError.RateLimited) {
      code = 4785;
    } else if (kind instanceof GatewayError.OptedOut) {
      code = 4775;
    } else if (kind instanceof GatewayError.InvalidNumber) {
      code = 4720;
    } else if (kind instanceof GatewayError.Permanent) {
      code = 4770;
    } else {
      throw new IllegalArgumentException("no callback code says " + kind);
    }
    return callback(failed(carrierMessageId, code));
  }

  @Override
  public WebhookRequest badSignature() {
    return callback(
        BandwidthCallbackAuth.header(CALLBACK_USER, "wrong-password"),
        array(outbound("message-delivered", "1", "ok")));
  }

  @Override
  public WebhookRequest missingCredentials() {
    return new WebhookRequest(
        "POST",
        WEBHOOK_URL,
        Map.of("Content-Type", List.of("application/json; charset=utf-8")),
        array(outbound("message-delivered", "1", "ok")).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public WebhookRequest malformed() {
    return callback(
        BandwidthCallbackAuth.header(CALLBACK_USER, CALLBACK_PASSWORD),
        "[{\"type\":\"message-delivered\",\"message\":{\"id\":");
  }
}
