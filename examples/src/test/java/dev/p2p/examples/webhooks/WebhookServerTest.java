package dev.p2p.examples.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.action.Action;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.ActionStatus;
import dev.p2p.contact.ContactDetails;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.store.ClaimRequest;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.SendRecord;
import dev.p2p.store.Store;
import dev.p2p.store.jdbc.JdbcStore;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server over real HTTP, as the carriers call it: requests signed or authenticated the way
 * Twilio and Bandwidth do, sent to localhost while the configured public URL is the one they sign.
 * One server serves every test; each Twilio message has its own id.
 */
class WebhookServerTest {
  static final String TWILIO_ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  static final String TWILIO_AUTH_TOKEN = "test-auth-token-0123456789abcdef";
  static final String TWILIO_NUMBER = "+13125550199";
  static final String BANDWIDTH_NUMBER = "+13125550198";
  static final String CALLBACK_USER = "bandwidth";
  static final String CALLBACK_PASSWORD = "callback-password-0123";

  private static final String PUBLIC_URL = "https://crm.example.com";
  private static final String ORG = "acme";
  private static final String STRANGER = "+13125550100";

  private static final HttpClient client = HttpClient.newHttpClient();
  private static WebhookServer server;

  @BeforeAll
  static void start(@TempDir Path dir) {
    String jdbcUrl = "jdbc:h2:file:" + dir.resolve("p2p").toAbsolutePath();
    // Inbound messages go to the organization that texts from the number they reach: its first
    // sends bind the number. Here the store records one such first message.
    try (JdbcStore store = JdbcStore.of(jdbcUrl)) {
      recordFirstMessage(store, "+13125550101");
    }
    Map<String, String> env = WebhookConfigTest.fullEnvironment();
    env.put("P2P_PORT", "0");
    env.put("P2P_JDBC_URL", jdbcUrl);
    server = WebhookServer.start(WebhookConfig.fromEnvironment(env));
  }

  /**
   * A texter's first message to the contact from the Twilio number, as the send path records it.
   */
  private static void recordFirstMessage(Store store, String contact) {
    Instant now = Instant.now();
    store.ensureOrganization(ORG, now);
    long listId = store.createList(ORG, "voters", now).id();
    store.addContact(ORG, listId, ContactDetails.ofPhone(contact));
    Action draft =
        store
            .actions()
            .createAction(
                ORG, ActionDraft.named("GOTV").contacts(listId).initial("Hi").spec(), now);
    long actionId =
        store
            .actions()
            .saveAction(ORG, draft, ActionStatus.PUBLISHED, draft.spec(), now)
            .orElseThrow()
            .id();
    store.assignments().openPool(ORG, actionId, now);
    ClaimRequest one = new ClaimRequest(1, 0, Set.of("||"), Optional.empty());
    long conversationId = store.assignments().claim(ORG, actionId, "ana", one, now).get(0);
    QueuedMessage hi =
        new QueuedMessage("twilio", "ref-1", TWILIO_NUMBER, contact, "Hi", List.of(), 1);
    store
        .conversations()
        .recordSend(
            ORG,
            new SendRecord(
                conversationId,
                SendRecord.Kind.INITIAL,
                Optional.of("ana"),
                hi,
                List.of(TWILIO_NUMBER),
                ConversationUpdate.NONE,
                Duration.ZERO,
                0),
            now);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The inbound messages from strangers kept for the organization, by Twilio's message id. */
  private static Map<String, Message> unrouted() {
    return server.p2p().organization(ORG).conversations().unrouted(100).items().stream()
        .collect(Collectors.toMap(m -> m.carrierMessageId().orElseThrow(), m -> m));
  }

  @Test
  @DisplayName("a signed Twilio message from a stranger is answered with empty TwiML and kept")
  void twilioInbound() throws Exception {
    String sid = "SM" + "1".repeat(32);
    Map<String, String> params = inbound(sid, "Who is this?");
    HttpResponse<String> response =
        twilio("/webhooks/twilio", params, sign(TWILIO_AUTH_TOKEN, "/webhooks/twilio", params));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("text/xml");
    assertThat(response.body()).endsWith("<Response/>");
    assertThat(unrouted())
        .hasEntrySatisfying(
            sid,
            m -> {
              assertThat(m.contactPhone()).isEqualTo(STRANGER);
              assertThat(m.sender()).isEqualTo(TWILIO_NUMBER);
              assertThat(m.body()).isEqualTo("Who is this?");
            });
  }

  @Test
  @DisplayName("a Twilio message with a bad signature is refused with 403 and not stored")
  void twilioForged() throws Exception {
    String sid = "SM" + "2".repeat(32);
    Map<String, String> params = inbound(sid, "Who is this?");
    String forged = sign("another-token", "/webhooks/twilio", params);
    assertThat(twilio("/webhooks/twilio", params, forged).statusCode()).isEqualTo(403);
    assertThat(unrouted()).doesNotContainKey(sid);
  }

  @Test
  @DisplayName("a Twilio signature over the local URL instead of the public one is refused")
  void twilioLocalUrl() throws Exception {
    String sid = "SM" + "3".repeat(32);
    Map<String, String> params = inbound(sid, "Hi");
    String local = signature(TWILIO_AUTH_TOKEN, localUrl("/webhooks/twilio"), params);
    assertThat(twilio("/webhooks/twilio", params, local).statusCode()).isEqualTo(403);
    assertThat(unrouted()).doesNotContainKey(sid);
  }

  @Test
  @DisplayName("a Twilio status callback at /webhooks/twilio/status, query signed too, gets 204")
  void twilioStatus() throws Exception {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("MessageSid", "SM" + "4".repeat(32));
    params.put("AccountSid", TWILIO_ACCOUNT_SID);
    params.put("MessageStatus", "delivered");
    String path = "/webhooks/twilio/status?p2pRef=ref-1";
    assertThat(twilio(path, params, sign(TWILIO_AUTH_TOKEN, path, params)).statusCode())
        .isEqualTo(204);
  }

  @Test
  @DisplayName("a Bandwidth callback with the Application's credentials gets 204")
  void bandwidth() throws Exception {
    assertThat(bandwidth(basic(CALLBACK_USER, CALLBACK_PASSWORD)).statusCode()).isEqualTo(204);
  }

  @Test
  @DisplayName("a Bandwidth callback without credentials gets 401, with wrong ones 403")
  void bandwidthRefused() throws Exception {
    assertThat(bandwidth(null).statusCode()).isEqualTo(401);
    assertThat(bandwidth(basic(CALLBACK_USER, "guess")).statusCode()).isEqualTo(403);
  }

  @Test
  @DisplayName("an unknown path gets 404")
  void unknownPath() throws Exception {
    assertThat(post("/webhooks/plivo", "x").statusCode()).isEqualTo(404);
    assertThat(post("/", "x").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("GET where the carrier only posts gets 405 and names the methods allowed")
  void wrongMethod() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(localUrl("/webhooks/bandwidth"))).GET().build(),
            BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("POST");
  }

  @Test
  @DisplayName("a body over 1 MiB gets 413")
  void tooLarge() throws Exception {
    String body = "a".repeat(WebhookHandler.MAX_BODY_BYTES + 1);
    assertThat(post("/webhooks/bandwidth", body).statusCode()).isEqualTo(413);
    assertThat(post("/webhooks/bandwidth", body.substring(1)).statusCode())
        .as("1 MiB itself is read, then refused for want of credentials")
        .isEqualTo(401);
  }

  /** An inbound message as Twilio posts it (the parameters p2p reads, and a few more). */
  private static Map<String, String> inbound(String sid, String body) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("ToCountry", "US");
    params.put("SmsMessageSid", sid);
    params.put("NumMedia", "0");
    params.put("SmsSid", sid);
    params.put("SmsStatus", "received");
    params.put("Body", body);
    params.put("To", TWILIO_NUMBER);
    params.put("NumSegments", "1");
    params.put("MessageSid", sid);
    params.put("AccountSid", TWILIO_ACCOUNT_SID);
    params.put("From", STRANGER);
    params.put("ApiVersion", "2010-04-01");
    return params;
  }

  /** The signature Twilio sends for a POST to the public URL with this path and query. */
  private static String sign(String token, String path, Map<String, String> params) {
    return signature(token, PUBLIC_URL + path, params);
  }

  /**
   * {@code X-Twilio-Signature}: Base64 of HMAC-SHA1, keyed by the Auth Token, over the full URL
   * followed by each POST parameter's name and value, sorted by name.
   */
  private static String signature(String token, String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      byte[] digest = mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> twilio(
      String path, Map<String, String> params, String signature)
      throws IOException, InterruptedException {
    String form =
        params.entrySet().stream()
            .map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(localUrl(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", signature)
            .POST(BodyPublishers.ofString(form))
            .build();
    return client.send(request, BodyHandlers.ofString());
  }

  /** A message-delivered callback for a message p2p does not know yet: kept until its receipt. */
  private static HttpResponse<String> bandwidth(@Nullable String authorization)
      throws IOException, InterruptedException {
    String body =
        "[{\"type\":\"message-delivered\",\"time\":\"2026-11-03T14:00:01.250Z\","
            + "\"description\":\"ok\",\"to\":\"+13125550101\",\"message\":{"
            + "\"id\":\"1589228074636lm4k2je7j7jklbn2\",\"owner\":\""
            + BANDWIDTH_NUMBER
            + "\",\"applicationId\":\"93de2206-9669-4e07-948d-329f4b722ee2\","
            + "\"time\":\"2026-11-03T14:00:00.000Z\",\"segmentCount\":1,\"direction\":\"out\","
            + "\"to\":[\"+13125550101\"],\"from\":\""
            + BANDWIDTH_NUMBER
            + "\",\"text\":\"\",\"tag\":\"p2p:ref-1\"}}]";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(localUrl("/webhooks/bandwidth")))
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(localUrl(path)))
            .POST(BodyPublishers.ofString(body))
            .build();
    return client.send(request, BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String localUrl(String path) {
    return "http://localhost:" + server.port() + path;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
