package dev.p2p.gateway.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Texter;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.gateway.WebhookResult;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.testkit.FakeGateway;
import dev.p2p.texter.TexterProfile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Reliability item 6, Twilio's half: random and malicious bytes, headers and parameters handed to
 * {@code p2p.webhooks()}, correctly signed or not, get a documented answer (2xx, 400, 401, 403, 413
 * or 415), never a 5xx, an exception, or the 400 that marks an adapter that threw. The organization
 * has texted from our number, so whatever gets through reaches the store.
 */
class TwilioWebhookPropertiesTest {
  private static final Set<Integer> DOCUMENTED = Set.of(400, 401, 403, 413, 415);
  private static final String OUR_NUMBER = "+13125550199";
  private static final String CONTACT = "+13125550101";
  private static final String ADAPTER_BUG = "the request could not be read";
  private static final TwilioSignature SIGNATURE = TwilioSignature.of(TwilioStubs.AUTH_TOKEN);

  private static P2P sender;
  private static P2P p2p;
  private static TwilioGateway gateway;

  @BeforeContainer
  static void start() {
    InMemoryStore store = InMemoryStore.create();
    Clock clock = Clock.fixed(Instant.parse("2026-11-03T16:00:00Z"), ZoneOffset.UTC);
    sender =
        P2P.builder().store(store).clock(clock).gateway("twilio", FakeGateway.create()).build();
    var org = sender.organization("acme");
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long list = org.contacts().createList("List").id();
    org.contacts().add(list, NewContact.builder(CONTACT).build());
    long action =
        org.actions()
            .create(
                ActionDraft.named("Action")
                    .contacts(list)
                    .initial("Hi")
                    .sender(SenderSettings.numbers("twilio", List.of(OUR_NUMBER))))
            .id();
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    Texter ana = org.texter("ana");
    ana.requestBatch(action);
    ana.send(ana.nextToSend(action).orElseThrow().conversationId());
    gateway =
        TwilioGateway.builder()
            .accountSid(TwilioStubs.ACCOUNT_SID)
            .authToken(TwilioStubs.AUTH_TOKEN)
            .senderNumbers(OUR_NUMBER)
            .statusCallback(TwilioStubs.STATUS_URL)
            .build();
    p2p = P2P.builder().store(store).clock(clock).gateway("twilio", gateway).build();
  }

  @AfterContainer
  static void stop() {
    p2p.close();
    sender.close();
  }

  /** Hands the request to the adapter and to p2p, and checks both answers are documented. */
  private static void answersWithin(WebhookRequest request) {
    WebhookResult result = gateway.parse(request);
    if (result instanceof WebhookResult.Rejected rejected) {
      assertThat(rejected.status()).isIn(DOCUMENTED);
    }
    WebhookResponse response = p2p.webhooks().handle(request);
    assertThat(response.status() / 100 == 2 || DOCUMENTED.contains(response.status()))
        .as("status %d (%s)", response.status(), response.body())
        .isTrue();
    assertThat(response.body()).isNotEqualTo(ADAPTER_BUG);
  }

  /** A POST with these headers and body, signed over the body's parameters when they decode. */
  private static WebhookRequest signedPost(String contentType, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of(contentType));
    String signature;
    try {
      signature =
          SIGNATURE.compute(
              TwilioStubs.INBOUND_URL, Forms.decode(new String(body, StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      signature = "AAAA";
    }
    headers.put("X-Twilio-Signature", List.of(signature));
    return WebhookRequest.of("POST", TwilioStubs.INBOUND_URL, headers, body);
  }

  @Property
  void randomBytes(@ForAll byte[] body) {
    answersWithin(signedPost("application/x-www-form-urlencoded", body));
  }

  @Property
  void randomFormText(@ForAll("hostileText") String body) {
    answersWithin(
        signedPost("application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8)));
  }

  @Property
  void randomJson(@ForAll("hostileText") String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String url = TwilioStubs.INBOUND_URL + "?bodySHA256=" + sha256(bytes);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of("application/json"));
    headers.put("X-Twilio-Signature", List.of(SIGNATURE.compute(url, Map.of())));
    answersWithin(WebhookRequest.of("POST", url, headers, bytes));
  }

  @Property
  void signedParameters(
      @ForAll("parameterNames") String name,
      @ForAll("hostileText") String value,
      @ForAll("phones") String from,
      @ForAll("hostileText") String body) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("MessageSid", List.of("SM" + "a".repeat(32)));
    params.put("From", List.of(from));
    params.put("To", List.of(OUR_NUMBER));
    params.put("Body", List.of(body));
    params.put("NumMedia", List.of("0"));
    params.put(name, List.of(value));
    answersWithin(TwilioStubs.signedRequest(TwilioStubs.INBOUND_URL, params));
  }

  @Property
  void randomHeaders(
      @ForAll("hostileText") String contentType,
      @ForAll("hostileText") String signature,
      @ForAll("hostileText") String method) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of(contentType));
    headers.put("X-Twilio-Signature", List.of(signature));
    String verb = method.isBlank() ? "GET" : method;
    byte[] body =
        "From=%2B13125550101&To=%2B13125550199&MessageSid=SM1&Body=hi"
            .getBytes(StandardCharsets.UTF_8);
    answersWithin(new WebhookRequest(verb, URI.create(TwilioStubs.INBOUND_URL), headers, body));
  }

  @Property
  void signedQueries(@ForAll("hostileText") String query) {
    String url =
        TwilioStubs.INBOUND_URL
            + "?"
            + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8).replace("%3D", "=");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("X-Twilio-Signature", List.of(SIGNATURE.compute(url, Map.of())));
    answersWithin(WebhookRequest.of("GET", url, headers, new byte[0]));
  }

  private static String sha256(byte[] body) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Provide
  Arbitrary<String> hostileText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(200),
        Arbitraries.strings()
            .withChars('\u0000', '\ud800', '\udfff', '\u202e', '%', '=', '&', '+', '"', '{', '[')
            .ofMaxLength(50),
        Arbitraries.of(
            "",
            "STOP",
            "HELP",
            "%zz",
            "%",
            "a=%E0%80",
            "{\"MessageSid\":[1]}",
            "{\"MessageSid\":\"SM1\",\"From\":\"+13125550101\",\"To\":\"+13125550199\"}",
            "=HYPERLINK(\"http://x\")",
            "' OR 1=1 --",
            "\u0000",
            "\ud83d",
            "x".repeat(10_000)));
  }

  @Provide
  Arbitrary<String> phones() {
    return Arbitraries.oneOf(
        Arbitraries.of(CONTACT, "+13125550102", "not-a-phone", "", "+", "whatsapp:+13125550101"),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20).map(d -> "+" + d));
  }

  @Provide
  Arbitrary<String> parameterNames() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "MessageSid",
            "SmsSid",
            "MessageStatus",
            "SmsStatus",
            "ErrorCode",
            "From",
            "To",
            "Body",
            "NumMedia",
            "MediaUrl0",
            "MediaUrl9",
            "OptOutType",
            "AccountSid"),
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20));
  }
}
