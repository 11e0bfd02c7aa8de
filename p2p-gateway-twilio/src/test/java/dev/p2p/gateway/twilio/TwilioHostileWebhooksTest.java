package dev.p2p.gateway.twilio;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Texter;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.texter.TexterProfile;
import dev.p2p.webhook.Webhooks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hostile Twilio webhooks through {@code p2p.webhooks()}, correctly signed: over the body limit, of
 * a Content-Type Twilio never posts, or with From, To or Body unusable, each is refused with its
 * 4xx and stores nothing. The organization has texted from our number, so an inbound message that
 * got through would be stored.
 */
class TwilioHostileWebhooksTest {
  private static final String ORG = "acme";
  private static final String OUR_NUMBER = "+13125550199";
  private static final String CONTACT = "+13125550101";
  private static final String SID = "SM" + "e".repeat(32);
  private static final Instant NOW = Instant.parse("2026-11-03T15:00:00Z");

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final P2P p2p;

  TwilioHostileWebhooksTest() {
    server.start();
    TwilioStubs stubs = new TwilioStubs(server);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    TwilioGateway twilio =
        TwilioGateway.builder()
            .accountSid(TwilioStubs.ACCOUNT_SID)
            .authToken(TwilioStubs.AUTH_TOKEN)
            .senderNumbers(OUR_NUMBER)
            .statusCallback(TwilioStubs.STATUS_URL)
            .baseUrl(server.baseUrl())
            .clock(clock)
            .build();
    p2p =
        P2P.builder().store(InMemoryStore.create()).clock(clock).gateway("twilio", twilio).build();
    Organization org = p2p.organization(ORG);
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long list = org.contacts().createList("GOTV").id();
    org.contacts().add(list, NewContact.builder(CONTACT).build());
    long action =
        org.actions()
            .create(
                ActionDraft.named("GOTV")
                    .contacts(list)
                    .initial("Hi")
                    .sender(SenderSettings.numbers("twilio", List.of(OUR_NUMBER))))
            .id();
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    Texter ana = org.texter("ana");
    ana.requestBatch(action);
    stubs.acceptNextSend("SM" + "b".repeat(32), 1);
    ana.send(ana.nextToSend(action).orElseThrow().conversationId());
  }

  @AfterEach
  void close() {
    try {
      p2p.close();
    } finally {
      server.stop();
    }
  }

  private static Map<String, List<String>> reply(String from, String to, String body) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("MessageSid", List.of(SID));
    params.put("AccountSid", List.of(TwilioStubs.ACCOUNT_SID));
    params.put("From", List.of(from));
    params.put("To", List.of(to));
    params.put("Body", List.of(body));
    params.put("NumMedia", List.of("0"));
    return params;
  }

  private WebhookResponse post(Map<String, List<String>> params) {
    return p2p.webhooks().handle(TwilioStubs.signedRequest(TwilioStubs.INBOUND_URL, params));
  }

  /** The request, correctly signed, with this Content-Type (none when empty). */
  private WebhookResponse postAs(String contentType, Map<String, List<String>> params) {
    WebhookRequest signed = TwilioStubs.signedRequest(TwilioStubs.INBOUND_URL, params);
    Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers());
    headers.remove("content-type");
    if (!contentType.isEmpty()) {
      headers.put("Content-Type", List.of(contentType));
    }
    return p2p.webhooks().handle(new WebhookRequest("POST", signed.url(), headers, signed.body()));
  }

  /** A JSON webhook, signed as Twilio signs one: bodySHA256 in the URL, the URL signed alone. */
  private WebhookResponse postJson(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String url = TwilioStubs.INBOUND_URL + "?bodySHA256=" + sha256(body);
    String signature = TwilioSignature.of(TwilioStubs.AUTH_TOKEN).compute(url, Map.of());
    Map<String, List<String>> headers =
        Map.of(
            "Content-Type", List.of("application/json"),
            "X-Twilio-Signature", List.of(signature));
    return p2p.webhooks().handle(WebhookRequest.of("POST", url, headers, body));
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** How many inbound messages the organization's event feed records. */
  private long received() {
    return p2p.events().read(ORG, 0, 1_000).stream()
        .filter(e -> e.type().equals("message.received"))
        .count();
  }

  @Test
  @DisplayName("the well-formed reply is stored: the other tests' refusals are theirs alone")
  void wellFormed() {
    assertThat(post(reply(CONTACT, OUR_NUMBER, "Yes")).status()).isEqualTo(200);
    assertThat(received()).isOne();
  }

  @Test
  @DisplayName("From 'not-a-phone' is refused with 400 naming From, and nothing is stored")
  void fromNotAPhone() {
    WebhookResponse response = post(reply("not-a-phone", OUR_NUMBER, "Yes"));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("From is not an E.164 phone number");
    assertThat(received()).isZero();
  }

  @Test
  @DisplayName("a To that is not E.164 is refused with 400 naming To, and nothing is stored")
  void toNotAPhone() {
    WebhookResponse response = post(reply(CONTACT, "3125550199", "Yes"));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("To is not an E.164 phone number");
    assertThat(received()).isZero();
  }

  @Test
  @DisplayName("a POST that is not a form or JSON is refused with 415, and nothing is stored")
  void wrongContentType() {
    assertThat(postAs("text/plain", reply(CONTACT, OUR_NUMBER, "Yes")).status()).isEqualTo(415);
    assertThat(postAs("", reply(CONTACT, OUR_NUMBER, "Yes")).status()).isEqualTo(415);
    assertThat(
            postAs(
                    "application/x-www-form-urlencoded; charset=UTF-8",
                    reply(CONTACT, OUR_NUMBER, "Yes"))
                .status())
        .as("parameters of the media type are fine")
        .isEqualTo(200);
    assertThat(received()).isOne();
  }

  @Test
  @DisplayName("a body over 1 MiB is refused with 413, and nothing is stored")
  void bodyTooLarge() {
    WebhookResponse response =
        post(reply(CONTACT, OUR_NUMBER, "x".repeat(Webhooks.MAX_BODY_BYTES)));
    assertThat(response.status()).isEqualTo(413);
    assertThat(received()).isZero();
  }

  @Test
  @DisplayName("a JSON webhook whose Body is [1] is refused with 400 naming Body")
  void jsonBodyNotAString() {
    WebhookResponse response =
        postJson(
            "{\"MessageSid\":\""
                + SID
                + "\",\"From\":\""
                + CONTACT
                + "\",\"To\":\""
                + OUR_NUMBER
                + "\",\"Body\":[1]}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("Body must be a string");
    assertThat(received()).isZero();
  }

  @Test
  @DisplayName("a JSON webhook with a number for NumMedia and fields p2p ignores is stored")
  void jsonTolerated() {
    WebhookResponse response =
        postJson(
            "{\"MessageSid\":\""
                + SID
                + "\",\"From\":\""
                + CONTACT
                + "\",\"To\":\""
                + OUR_NUMBER
                + "\",\"Body\":\"Yes\",\"NumMedia\":0,\"Extra\":{\"a\":[1]}}");
    assertThat(response.status()).isEqualTo(200);
    assertThat(received()).isOne();
  }

  @Test
  @DisplayName("an unsigned request over every limit is still refused for its signature first")
  void unsignedFirst() {
    WebhookRequest unsigned =
        TwilioStubs.request(
            TwilioStubs.INBOUND_URL, reply("not-a-phone", OUR_NUMBER, "Yes"), Optional.empty());
    assertThat(p2p.webhooks().handle(unsigned).status()).isEqualTo(401);
    assertThat(received()).isZero();
  }
}
