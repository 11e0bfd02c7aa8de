package dev.p2p.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.Texter;
import dev.p2p.gateway.twilio.TwilioSignature;
import dev.p2p.texter.TexterProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in a running application on a random port: a Twilio webhook signed with the Auth
 * Token and a Basic-authenticated Bandwidth callback reach p2p through the endpoint and become
 * messages, directly and behind a proxy's {@code X-Forwarded-*} headers; a wrong signature is
 * refused; the health and configprops endpoints show the store and gateways, never a secret. The
 * carriers' REST APIs are a local stub that accepts every send.
 */
@SpringBootTest(
    classes = P2PStarterHttpTest.App.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "p2p.store.type=memory",
      "p2p.twilio.account-sid=" + P2PStarterHttpTest.ACCOUNT_SID,
      "p2p.twilio.auth-token=" + P2PStarterHttpTest.AUTH_TOKEN,
      "p2p.twilio.sender-numbers=" + P2PStarterHttpTest.TWILIO_NUMBER,
      "p2p.bandwidth.account-id=9900000",
      "p2p.bandwidth.application-id=" + P2PStarterHttpTest.APPLICATION_ID,
      "p2p.bandwidth.sender-numbers=" + P2PStarterHttpTest.BANDWIDTH_NUMBER,
      "p2p.bandwidth.client-id=client",
      "p2p.bandwidth.client-secret=bandwidth-client-secret",
      "p2p.bandwidth.callback-user-id=" + P2PStarterHttpTest.CALLBACK_USER,
      "p2p.bandwidth.callback-password=" + P2PStarterHttpTest.CALLBACK_PASSWORD,
      "p2p.policy.messages-per-second.long-code=100",
      "server.forward-headers-strategy=framework",
      "management.endpoints.web.exposure.include=health,configprops",
      "management.endpoint.health.show-details=always",
      "management.endpoint.configprops.show-values=always"
    })
class P2PStarterHttpTest {
  static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  static final String AUTH_TOKEN = "twilio-auth-token-for-tests";
  static final String TWILIO_NUMBER = "+13125550199";
  static final String BANDWIDTH_NUMBER = "+13125550198";
  static final String APPLICATION_ID = "app-0001";
  static final String CALLBACK_USER = "bw-user";
  static final String CALLBACK_PASSWORD = "bw-callback-password";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong IDS = new AtomicLong(1);
  private static final HttpServer CARRIERS = carriers();

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired P2P p2p;

  /** The application: autoconfiguration only, and a clock at a weekday noon in Chicago. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    P2PBuilderCustomizer clock() {
      Instant noon = weekdayNoonInChicago();
      Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), noon));
      return builder -> builder.clock(clock);
    }
  }

  @DynamicPropertySource
  static void carrierUrls(DynamicPropertyRegistry registry) {
    String base = "http://127.0.0.1:" + CARRIERS.getAddress().getPort();
    registry.add("p2p.twilio.base-url", () -> base);
    registry.add("p2p.bandwidth.base-url", () -> base + "/api/v2");
    registry.add("p2p.bandwidth.token-url", () -> base + "/api/v1/oauth2/token");
  }

  @AfterAll
  static void stopCarriers() {
    CARRIERS.stop(0);
  }

  @Test
  @DisplayName("a signed Twilio reply reaches p2p through /webhooks/twilio and is stored")
  void twilioReply() throws Exception {
    Sent sent = send("twilio-direct", "+13125550101", "twilio", TWILIO_NUMBER);
    String url = "http://localhost:" + port + "/webhooks/twilio";
    Map<String, List<String>> form = twilioReply(sent.contact(), "Yes, I will vote");
    HttpResponse<String> response = post(url, form, sign(url, form), Map.of());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(inbound(sent)).containsExactly("Yes, I will vote");
  }

  @Test
  @DisplayName(
      "behind a proxy (X-Forwarded-Proto/Host/Prefix) the public https URL's signature verifies")
  void twilioBehindProxy() throws Exception {
    Sent sent = send("twilio-proxied", "+13125550102", "twilio", TWILIO_NUMBER);
    String local = "http://localhost:" + port + "/webhooks/twilio";
    String published = "https://crm.example.org/p2p/webhooks/twilio";
    Map<String, String> proxy =
        Map.of(
            "X-Forwarded-Proto", "https",
            "X-Forwarded-Host", "crm.example.org",
            "X-Forwarded-Prefix", "/p2p");
    Map<String, List<String>> form = twilioReply(sent.contact(), "Count me in");
    HttpResponse<String> response = post(local, form, sign(published, form), proxy);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(inbound(sent)).containsExactly("Count me in");

    Map<String, List<String>> other = twilioReply(sent.contact(), "Signed for the wrong URL");
    HttpResponse<String> refused = post(local, other, sign(local, other), proxy);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(inbound(sent)).containsExactly("Count me in");
  }

  @Test
  @DisplayName("a wrongly signed Twilio webhook is refused with 403 and stores nothing")
  void wrongSignature() throws Exception {
    Sent sent = send("twilio-forged", "+13125550103", "twilio", TWILIO_NUMBER);
    String url = "http://localhost:" + port + "/webhooks/twilio";
    Map<String, List<String>> form = twilioReply(sent.contact(), "forged");
    String forged = TwilioSignature.of("not-the-auth-token").compute(url, form);
    assertThat(post(url, form, forged, Map.of()).statusCode()).isEqualTo(403);
    assertThat(inbound(sent)).isEmpty();
  }

  @Test
  @DisplayName("a Basic-authenticated Bandwidth callback reaches p2p, directly and behind a proxy")
  void bandwidthReply() throws Exception {
    Sent sent = send("bandwidth-acme", "+13125550104", "bandwidth", BANDWIDTH_NUMBER);
    String url = "http://localhost:" + port + "/webhooks/bandwidth";
    HttpResponse<String> response =
        postJson(url, bandwidthReply(sent.contact(), "See you there"), CALLBACK_PASSWORD, Map.of());
    assertThat(response.statusCode()).isBetween(200, 299);
    assertThat(inbound(sent)).containsExactly("See you there");

    HttpResponse<String> proxied =
        postJson(
            url,
            bandwidthReply(sent.contact(), "Again, proxied"),
            CALLBACK_PASSWORD,
            Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "crm.example.org"));
    assertThat(proxied.statusCode()).isBetween(200, 299);

    HttpResponse<String> refused =
        postJson(url, bandwidthReply(sent.contact(), "wrong password"), "guess", Map.of());
    assertThat(refused.statusCode()).isIn(401, 403);
    assertThat(inbound(sent)).containsExactly("See you there", "Again, proxied");
  }

  @Test
  @DisplayName("a body over p2p's limit gets p2p's 413, not a smaller limit of the server's")
  void bodyLimit() throws Exception {
    String url = "http://localhost:" + port + "/webhooks/twilio";
    byte[] big = new byte[(1 << 20) + 1];
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", "AAAA")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    HttpResponse<String> justUnder =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", "AAAA")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1 << 20]))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(justUnder.statusCode()).as("read whole, then refused by signature").isEqualTo(403);
  }

  @Test
  @DisplayName("an unknown gateway id gets p2p's 404")
  void unknownGateway() throws Exception {
    String url = "http://localhost:" + port + "/webhooks/nobody";
    assertThat(post(url, Map.of(), "AAAA", Map.of()).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("the health endpoint shows p2p's store and each gateway's circuit")
  void health() throws Exception {
    HttpResponse<String> response = get("/actuator/health/p2p");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = JSON.readTree(response.body());
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("details").path("store").path("status").asText()).isEqualTo("UP");
    JsonNode gateways = health.path("details").path("gateways");
    assertThat(gateways.path("twilio").path("carrier").asText()).isEqualTo("twilio");
    assertThat(gateways.path("twilio").path("circuit").asText()).isEqualTo("CLOSED");
    assertThat(gateways.path("bandwidth").path("circuit").asText()).isEqualTo("CLOSED");
    assertThat(JSON.readTree(get("/actuator/health").body()).path("components").has("p2p"))
        .isTrue();
  }

  @Test
  @DisplayName("configprops shows p2p's settings but masks every secret, even with show-values")
  void secretsMasked() throws Exception {
    String body = get("/actuator/configprops").body();
    assertThat(body)
        .contains(ACCOUNT_SID)
        .contains(CALLBACK_USER)
        .doesNotContain(AUTH_TOKEN)
        .doesNotContain(CALLBACK_PASSWORD)
        .doesNotContain("bandwidth-client-secret");
    assertThat(body).contains("\"authToken\":\"******\"").contains("\"clientSecret\":\"******\"");
  }

  // --- a send to the contact, so that the contact's reply has a conversation ---

  private record Sent(String orgId, String contact, long conversationId) {}

  private Sent send(String orgId, String contact, String gatewayId, String from) {
    Organization org = p2p.organization(orgId);
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long list = org.contacts().createList("voters").id();
    org.contacts().add(list, NewContact.builder(contact).build());
    long action =
        org.actions()
            .create(
                ActionDraft.named("GOTV")
                    .contacts(list)
                    .initial("Hi, polls are open")
                    .sender(SenderSettings.numbers(gatewayId, List.of(from))))
            .id();
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    Texter ana = org.texter("ana");
    ana.requestBatch(action);
    long conversation = ana.nextToSend(action).orElseThrow().conversationId();
    Message first = ana.send(conversation);
    assertThat(first.carrierMessageId()).as("the carrier stub accepted the send").isPresent();
    return new Sent(orgId, contact, conversation);
  }

  private List<String> inbound(Sent sent) {
    return p2p
        .organization(sent.orgId())
        .conversations()
        .messages(sent.conversationId(), 50)
        .items()
        .stream()
        .filter(m -> m.direction() == Direction.INBOUND)
        .map(Message::body)
        .collect(Collectors.toList());
  }

  // --- carrier requests ---

  private static Map<String, List<String>> twilioReply(String contact, String body) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    form.put("MessageSid", List.of(String.format("SM%032x", IDS.getAndIncrement())));
    form.put("AccountSid", List.of(ACCOUNT_SID));
    form.put("From", List.of(contact));
    form.put("To", List.of(TWILIO_NUMBER));
    form.put("Body", List.of(body));
    form.put("NumMedia", List.of("0"));
    return form;
  }

  private static String sign(String url, Map<String, List<String>> form) {
    return TwilioSignature.of(AUTH_TOKEN).compute(url, form);
  }

  private static String bandwidthReply(String contact, String text) {
    String id = "1670000000000inbound" + IDS.getAndIncrement();
    return "[{\"type\":\"message-received\",\"time\":\"2026-11-03T14:00:01.250Z\","
        + "\"description\":\"Incoming message received\",\"to\":\""
        + BANDWIDTH_NUMBER
        + "\",\"message\":{\"id\":\""
        + id
        + "\",\"owner\":\""
        + BANDWIDTH_NUMBER
        + "\",\"applicationId\":\""
        + APPLICATION_ID
        + "\",\"time\":\"2026-11-03T14:00:01.000Z\",\"segmentCount\":1,\"direction\":\"in\","
        + "\"to\":[\""
        + BANDWIDTH_NUMBER
        + "\"],\"from\":\""
        + contact
        + "\",\"text\":\""
        + text
        + "\"}}]";
  }

  private HttpResponse<String> post(
      String url, Map<String, List<String>> form, String signature, Map<String, String> headers)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postJson(
      String url, String body, String password, Map<String, String> headers)
      throws IOException, InterruptedException {
    String credentials =
        Base64.getEncoder()
            .encodeToString((CALLBACK_USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Authorization", "Basic " + credentials)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Noon in Chicago on a weekday two or more days ahead, inside every texting window. */
  static Instant weekdayNoonInChicago() {
    LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(2);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    return day.atTime(12, 0).atZone(ZoneId.of("America/Chicago")).toInstant();
  }

  // --- the carriers' REST APIs: every send accepted ---

  private static HttpServer carriers() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", P2PStarterHttpTest::answer);
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getPath();
    long n = IDS.getAndIncrement();
    int status;
    String body;
    if (path.endsWith("/oauth2/token")) {
      status = 200;
      body = "{\"access_token\":\"bw-access\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
    } else if (path.endsWith("/Messages.json")) {
      status = 201;
      body =
          String.format(
              "{\"sid\":\"SM%032x\",\"status\":\"queued\",\"num_segments\":\"1\",\"from\":\"%s\"}",
              n, TWILIO_NUMBER);
    } else if (path.endsWith("/messages")) {
      status = 202;
      body =
          String.format(
              "{\"id\":\"1670000000000out%d\",\"segmentCount\":1,\"from\":\"%s\"}",
              n, BANDWIDTH_NUMBER);
    } else {
      status = 404;
      body = "{}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
