package dev.p2p.gateway.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Reliability item 6, Bandwidth's half: random and malicious bytes, headers and JSON handed to
 * {@code p2p.webhooks()} get a documented answer (2xx, 400, 401, 403, 413 or 415), never a 5xx, an
 * exception, or the 400 that marks an adapter that threw. The organization has texted from our
 * number, so whatever gets through reaches the store.
 */
class BandwidthWebhookPropertiesTest {
  private static final Set<Integer> DOCUMENTED = Set.of(400, 401, 403, 413, 415);
  private static final String OUR_NUMBER = "+13125550199";
  private static final String CONTACT = "+13125550101";
  private static final String ADAPTER_BUG = "the request could not be read";
  private static final String AUTH =
      BandwidthCallbackAuth.header(BandwidthStubs.CALLBACK_USER, BandwidthStubs.CALLBACK_PASSWORD);

  private static P2P sender;
  private static P2P p2p;
  private static BandwidthGateway gateway;

  @BeforeContainer
  static void start() {
    InMemoryStore store = InMemoryStore.create();
    Clock clock = Clock.fixed(Instant.parse("2026-11-03T16:00:00Z"), ZoneOffset.UTC);
    sender =
        P2P.builder().store(store).clock(clock).gateway("bandwidth", FakeGateway.create()).build();
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
                    .sender(SenderSettings.numbers("bandwidth", List.of(OUR_NUMBER))))
            .id();
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    Texter ana = org.texter("ana");
    ana.requestBatch(action);
    ana.send(ana.nextToSend(action).orElseThrow().conversationId());
    gateway =
        BandwidthGateway.builder()
            .accountId(BandwidthStubs.ACCOUNT_ID)
            .applicationId(BandwidthStubs.APPLICATION_ID)
            .senderNumbers(OUR_NUMBER)
            .clientCredentials(BandwidthStubs.CLIENT_ID, BandwidthStubs.CLIENT_SECRET)
            .callbackCredentials(BandwidthStubs.CALLBACK_USER, BandwidthStubs.CALLBACK_PASSWORD)
            .build();
    p2p = P2P.builder().store(store).clock(clock).gateway("bandwidth", gateway).build();
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

  private static WebhookRequest post(Map<String, List<String>> headers, byte[] body) {
    return new WebhookRequest("POST", BandwidthStubs.WEBHOOK_URL, headers, body);
  }

  private static Map<String, List<String>> goodHeaders() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of("application/json; charset=utf-8"));
    headers.put("Authorization", List.of(AUTH));
    return headers;
  }

  @Property
  void randomBytes(@ForAll byte[] body) {
    answersWithin(post(goodHeaders(), body));
  }

  @Property
  void randomText(@ForAll("hostileText") String body) {
    answersWithin(post(goodHeaders(), body.getBytes(StandardCharsets.UTF_8)));
  }

  @Property
  void randomHeaders(
      @ForAll("hostileText") String contentType,
      @ForAll("hostileText") String authorization,
      @ForAll("hostileText") String method) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of(contentType));
    headers.put("Authorization", List.of(authorization.isEmpty() ? AUTH : authorization));
    byte[] body = CallbackBodies.array(event(CONTACT, "hi")).getBytes(StandardCharsets.UTF_8);
    String verb = method.isBlank() ? "POST" : method;
    answersWithin(new WebhookRequest(verb, BandwidthStubs.WEBHOOK_URL, headers, body));
  }

  @Property
  void mutatedEvents(
      @ForAll("paths") String path,
      @ForAll("jsonValues") JsonNode value,
      @ForAll("hostileText") String text,
      @ForAll("phones") String from) {
    ObjectNode event = event(from, text);
    ObjectNode target = path.startsWith("message.") ? (ObjectNode) event.get("message") : event;
    String field = path.substring(path.lastIndexOf('.') + 1);
    if (value.isMissingNode()) {
      target.remove(field);
    } else {
      target.set(field, value);
    }
    answersWithin(
        post(goodHeaders(), CallbackBodies.array(event).getBytes(StandardCharsets.UTF_8)));
  }

  @Property(tries = 50)
  void deepNesting(@ForAll("depths") int depth) {
    String json = "[".repeat(depth) + "]".repeat(depth);
    answersWithin(post(goodHeaders(), json.getBytes(StandardCharsets.UTF_8)));
  }

  private static ObjectNode event(String from, String text) {
    ObjectNode message = CallbackBodies.message("in-1", OUR_NUMBER, "in");
    message.putArray("to").add(OUR_NUMBER);
    message.put("from", from).put("text", text);
    return CallbackBodies.event("message-received", OUR_NUMBER, "Incoming", message);
  }

  @Provide
  Arbitrary<String> hostileText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(200),
        Arbitraries.strings()
            .withChars('\u0000', '\ud800', '\udfff', '\u202e', '%', '"', '\\')
            .ofMaxLength(50),
        Arbitraries.of(
            "",
            "STOP",
            "HELP",
            "application/json",
            "Basic",
            "Basic !!!",
            "=HYPERLINK(\"http://x\")",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "\u0000",
            "\ud83d",
            "x".repeat(10_000)));
  }

  @Provide
  Arbitrary<String> phones() {
    return Arbitraries.oneOf(
        Arbitraries.of(CONTACT, "+13125550102", "not-a-phone", "", "+", "+0123", "+1".repeat(20)),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20).map(d -> "+" + d));
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of(
        "type",
        "time",
        "to",
        "errorCode",
        "message",
        "message.id",
        "message.from",
        "message.owner",
        "message.text",
        "message.media",
        "message.direction",
        "message.tag",
        "message.time");
  }

  @Provide
  Arbitrary<JsonNode> jsonValues() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return Arbitraries.oneOf(
        Arbitraries.integers().map(f::numberNode),
        Arbitraries.doubles().map(f::numberNode),
        Arbitraries.of(
            f.nullNode(),
            f.missingNode(),
            f.booleanNode(true),
            f.arrayNode().add(1),
            f.arrayNode().add("https://x.test/a.png").add("::not a url"),
            f.objectNode().put("a", 1),
            f.textNode("message-failed"),
            f.textNode("message-received"),
            f.textNode("out"),
            f.textNode("99999999999999999999")),
        hostileText().map(f::textNode));
  }

  @Provide
  Arbitrary<Integer> depths() {
    return Arbitraries.integers().between(1, 5_000);
  }
}
