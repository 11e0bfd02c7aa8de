package dev.p2p.gateway.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.testkit.GatewayStubs;
import dev.p2p.testkit.WireMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Twilio's side of the gateway contract over WireMock: 201 Message resources and Twilio's error
 * bodies for sends, and webhooks encoded and signed as Twilio encodes and signs them.
 */
final class TwilioStubs implements GatewayStubs {
  static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  static final String AUTH_TOKEN = "test_auth_token_0123456789abcdef";
  static final String INBOUND_URL = "https://crm.example.com/webhooks/twilio";
  static final String STATUS_URL = "https://crm.example.com/webhooks/twilio/status";
  static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
  static final String MESSAGING_SERVICE_SID = "MG0123456789abcdef0123456789abcdef";

  private final WireMockServer server;
  private static final TwilioSignature SIGNATURE = TwilioSignature.of(AUTH_TOKEN);

  TwilioStubs(WireMockServer server) {
    this.server = server;
  }

  /** The next send gets this answer. */
  void answerNextSend(ResponseDefinitionBuilder answer) {
    server.resetMappings();
    server.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(answer));
  }

  @Override
  public void acceptNextSend(String carrierMessageId, int segments) {
    answerNextSend(created(carrierMessageId, "queued", Integer.toString(segments)));
  }

  /** A 201 with a Message resource as Twilio writes it (numbers in strings). */
  static ResponseDefinitionBuilder created(String sid, String status, String segments) {
    String body =
        "{\"sid\":\"%s\",\"account_sid\":\"%s\",\"messaging_service_sid\":null,\"from\":\"+13125550199\",\"to\":\"+13125550101\",\"body\":\"Hi\",\"status\":\"%s\",\"direction\":\"outbound-api\",\"num_segments\":\"%s\",\"num_media\":\"0\",\"price\":null,\"price_unit\":\"USD\",\"error_code\":null,\"error_message\":null,\"api_version\":\"2010-04-01\",\"date_created\":\"Mon, 05 Feb 2024 10:00:00 +0000\",\"date_updated\":\"Mon, 05 Feb 2024 10:00:00 +0000\",\"date_sent\":null,\"uri\":\"/2010-04-01/Accounts/%s/Messages/%s.json\",\"subresource_uris\":{\"media\":\"/2010-04-01/Accounts/%s/Messages/%s/Media.json\"}}"
            .formatted(sid, ACCOUNT_SID, status, segments, ACCOUNT_SID, sid, ACCOUNT_SID, sid);
    return aResponse()
        .withStatus(201)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(body);
  }

  /** Twilio's error body with this HTTP status and code. */
  static ResponseDefinitionBuilder error(int status, int code) {
    String body =
        "{\"code\":%d,\"message\":\"The 'To' number +13125550101 is not what Twilio wanted.\",\"more_info\":\"https://www.twilio.com/docs/errors/%d\",\"status\":%d}"
            .formatted(code, code, status);
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(body);
  }

  @Override
  public void refuseNextSend(GatewayError kind) {
    if (kind instanceof GatewayError.Retryable) {
      answerNextSend(error(500, 20500));
    } else if (kind instanceof GatewayError.RateLimited limited) {
      ResponseDefinitionBuilder answer = error(429, 20429);
      limited
          .retryAfter()
          .ifPresent(delay -> answer.withHeader("Retry-After", Long.toString(delay.toSeconds())));
      answerNextSend(answer);
    } else if (kind instanceof GatewayError.OptedOut) {
      answerNextSend(error(400, 21610));
    } else if (kind instanceof GatewayError.InvalidNumber) {
      answerNextSend(error(400, 21211));
    } else if (kind instanceof GatewayError.Authentication) {
      answerNextSend(error(401, 20003));
    } else {
      answerNextSend(error(400, 21617));
    }
  }

  @Override
  public void acceptNextSendAfter(String carrierMessageId, int segments, Duration delay) {
    answerNextSend(
        created(carrierMessageId, "queued", Integer.toString(segments))
            .withFixedDelay((int) delay.toMillis()));
  }

  @Override
  public void refuseConnections() {
    server.stop();
  }

  @Override
  public void cutNextSend() {
    answerNextSend(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
  }

  /** Every send request the stub server received, oldest first. */
  List<LoggedRequest> sends() {
    return server.findAll(postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
  }

  /** The form parameters of the last send. */
  Map<String, List<String>> lastForm() {
    return Forms.decode(lastRequest().getBodyAsString());
  }

  private LoggedRequest lastRequest() {
    List<LoggedRequest> sends = sends();
    if (sends.isEmpty()) {
      throw new AssertionError("the stub server received no send");
    }
    return sends.get(sends.size() - 1);
  }

  /** HTTP Basic with the Account SID and the Auth Token, as Twilio checks it. */
  @Override
  public boolean lastSendAuthenticated() {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
    return expected.equals(lastRequest().getHeader("Authorization"));
  }

  @Override
  public Optional<String> messagingService() {
    return Optional.of(MESSAGING_SERVICE_SID);
  }

  /**
   * The last send as Twilio reads it; its {@code ValidityPeriod} (seconds) counts from when the
   * stub server received the request.
   */
  @Override
  public WireMessage lastSend() {
    LoggedRequest request = lastRequest();
    Map<String, List<String>> form = Forms.decode(request.getBodyAsString());
    String from = Forms.first(form, "From");
    String validity = Forms.first(form, "ValidityPeriod");
    return new WireMessage(
        Forms.first(form, "To"),
        from.isEmpty() ? Forms.first(form, "MessagingServiceSid") : from,
        Forms.first(form, "Body"),
        form.getOrDefault("MediaUrl", List.of()).stream()
            .map(URI::create)
            .collect(Collectors.toList()),
        validity.isEmpty()
            ? Optional.empty()
            : Optional.of(
                request.getLoggedDate().toInstant().plusSeconds(Long.parseLong(validity))));
  }

  @Override
  public WebhookRequest inbound(
      String carrierMessageId, String from, String to, String body, List<URI> media) {
    return inboundRequest(carrierMessageId, from, to, body, media);
  }

  /** An inbound-message webhook as Twilio posts it to {@link #INBOUND_URL}, signed. */
  static WebhookRequest inboundRequest(
      String carrierMessageId, String from, String to, String body, List<URI> media) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    put(params, "ToCountry", "US");
    put(params, "ToState", "IL");
    put(params, "SmsMessageSid", carrierMessageId);
    put(params, "NumMedia", Integer.toString(media.size()));
    for (int i = 0; i < media.size(); i++) {
      put(params, "MediaContentType" + i, "image/png");
      put(params, "MediaUrl" + i, media.get(i).toString());
    }
    put(params, "ToCity", "");
    put(params, "SmsSid", carrierMessageId);
    put(params, "SmsStatus", "received");
    put(params, "Body", body);
    put(params, "To", to);
    put(params, "NumSegments", "1");
    put(params, "MessageSid", carrierMessageId);
    put(params, "AccountSid", ACCOUNT_SID);
    put(params, "From", from);
    put(params, "ApiVersion", "2010-04-01");
    return signedRequest(INBOUND_URL, params);
  }

  @Override
  public Set<MessageStatus> statuses() {
    return EnumSet.of(
        MessageStatus.QUEUED,
        MessageStatus.SENDING,
        MessageStatus.SENT,
        MessageStatus.DELIVERED,
        MessageStatus.UNDELIVERED,
        MessageStatus.FAILED);
  }

  @Override
  public WebhookRequest status(String carrierMessageId, MessageStatus status) {
    return signed(STATUS_URL + "?p2pRef=contract-ref", statusParams(carrierMessageId, status));
  }

  /**
   * Twilio's status callbacks carry no authentication failure (an account problem shows on the REST
   * calls), so that kind is left out.
   */
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
    Map<String, List<String>> params = statusParams(carrierMessageId, status);
    put(params, "ErrorCode", asyncCode(kind));
    return signed(STATUS_URL + "?p2pRef=contract-ref", params);
  }

  private static String asyncCode(GatewayError kind) {
    if (kind instanceof GatewayError.Retryable) {
      return "30003";
    } else if (kind instanceof GatewayError.RateLimited) {
      return "30022";
    } else if (kind instanceof GatewayError.OptedOut) {
      return "21610";
    } else if (kind instanceof GatewayError.InvalidNumber) {
      return "30005";
    }
    return "30007";
  }

  @Override
  public WebhookRequest badSignature() {
    Map<String, List<String>> params = statusParams("SM" + "1".repeat(32), MessageStatus.DELIVERED);
    String wrong = TwilioSignature.of("another_token").compute(STATUS_URL, params);
    return request(STATUS_URL, params, Optional.of(wrong));
  }

  @Override
  public WebhookRequest missingCredentials() {
    Map<String, List<String>> params = statusParams("SM" + "1".repeat(32), MessageStatus.DELIVERED);
    return request(STATUS_URL, params, Optional.empty());
  }

  @Override
  public WebhookRequest malformed() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    put(params, "hello", "world");
    return signed(STATUS_URL, params);
  }

  static Map<String, List<String>> statusParams(String sid, MessageStatus status) {
    String name = status.name().toLowerCase(Locale.ROOT);
    Map<String, List<String>> params = new LinkedHashMap<>();
    put(params, "SmsSid", sid);
    put(params, "SmsStatus", name);
    put(params, "MessageStatus", name);
    put(params, "To", "+13125550101");
    put(params, "MessageSid", sid);
    put(params, "AccountSid", ACCOUNT_SID);
    put(params, "From", "+13125550199");
    put(params, "ApiVersion", "2010-04-01");
    return params;
  }

  /** A form POST to {@code url} signed with the gateway's Auth Token. */
  WebhookRequest signed(String url, Map<String, List<String>> params) {
    return signedRequest(url, params);
  }

  static WebhookRequest signedRequest(String url, Map<String, List<String>> params) {
    return request(url, params, Optional.of(SIGNATURE.compute(url, params)));
  }

  static WebhookRequest request(
      String url, Map<String, List<String>> params, Optional<String> signature) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of("application/x-www-form-urlencoded"));
    headers.put("User-Agent", List.of("TwilioProxy/1.1"));
    signature.ifPresent(s -> headers.put("X-Twilio-Signature", List.of(s)));
    return WebhookRequest.of(
        "POST", url, headers, Forms.encode(params).getBytes(StandardCharsets.UTF_8));
  }

  private static void put(Map<String, List<String>> params, String name, String value) {
    params.put(name, List.of(value));
  }
}
