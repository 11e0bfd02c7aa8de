package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.ImportOptions;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.NextMessage;
import dev.p2p.conversation.Texter;
import dev.p2p.event.Change;
import dev.p2p.event.Event;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.gateway.bandwidth.BandwidthGateway;
import dev.p2p.gateway.twilio.TwilioGateway;
import dev.p2p.gateway.twilio.TwilioSignature;
import dev.p2p.store.Store;
import dev.p2p.testkit.FakeGateway;
import dev.p2p.testkit.MutableClock;
import dev.p2p.texter.TexterProfile;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reliability item 1, the webhook storm, run on every store by a short subclass. Half the contacts
 * are texted through a Twilio gateway, half through a Bandwidth one (one message each); then every
 * status callback (sent, then delivered or failed) and every contact's reply is built as the
 * carrier builds it (Twilio: signed form posts; Bandwidth: JSON arrays with Basic credentials),
 * each delivered three times, all shuffled, from 8 threads, through {@code p2p.webhooks()} and the
 * real adapters' parsers. The final state is exact: one terminal status per message, never moved
 * back by a late {@code sent}; one stored reply per contact; one opt-out per phone, though some
 * phones both text STOP and fail with the carrier's opted-out code; and the event feed holds
 * exactly one event of each.
 *
 * <p>The messages are sent through {@link FakeGateway}s registered under the adapters' gateway ids
 * on a first {@link P2P} (an app node that sends), and the callbacks go to a second {@code P2P} on
 * the same store with the real adapters under those ids (the node that takes webhooks), so no
 * carrier server is needed.
 */
abstract class WebhookStormContract {
  private static final String ORG = "acme";
  private static final String TWILIO = "twilio";
  private static final String BANDWIDTH = "bandwidth";
  private static final String TWILIO_NUMBER = "+13125550100";
  private static final String BANDWIDTH_NUMBER = "+13125550101";
  private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  private static final String AUTH_TOKEN = "storm_auth_token_0123456789abcdef";
  private static final String CALLBACK_USER = "bandwidth";
  private static final String CALLBACK_PASSWORD = "storm-callback-password";
  private static final String TWILIO_INBOUND = "https://crm.example.com/p2p/webhooks/twilio";
  private static final String TWILIO_STATUS = TWILIO_INBOUND + "/status";
  private static final String BANDWIDTH_URL = "https://crm.example.com/p2p/webhooks/bandwidth";
  // Tuesday 3 Nov 2026, 10:00 in Chicago: every contact (area code 773) is inside texting hours.
  private static final Instant START = Instant.parse("2026-11-03T16:00:00Z");
  private static final Duration CLICK = Duration.ofMillis(1_100);
  private static final int THREADS = 8;
  private static final int COPIES = 3;
  private static final long SEED = 17L;

  private final MutableClock clock = MutableClock.at(START);
  private Store store;
  private P2P sender;
  private P2P receiver;

  /** A fresh, empty store. */
  protected abstract Store createStore();

  /** How many contacts to text; each sends one reply, so the storm has twice as many messages. */
  protected abstract int contacts();

  /** Closes both nodes, and so the store. */
  @AfterEach
  void closeAll() throws Exception {
    try {
      if (receiver != null) {
        receiver.close();
      }
    } finally {
      if (sender != null) {
        sender.close();
      } else if (store != null) {
        store.close();
      }
    }
  }

  /** What the storm knows of one contact: its message, and how its callbacks and reply end. */
  private record Contact(
      int n,
      String phone,
      String gateway,
      long messageId,
      String carrierId,
      boolean fails,
      boolean stops) {}

  @Test
  @DisplayName("every callback and reply three times, shuffled, from 8 threads: exact final state")
  void storm() throws Exception {
    store = createStore();
    long setupStart = System.nanoTime();
    List<Contact> contacts = sendEveryone();
    double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
    receiver =
        P2P.builder()
            .store(store)
            .clock(clock)
            .gateway(TWILIO, twilio())
            .gateway(BANDWIDTH, bandwidth())
            .build();

    List<WebhookRequest> requests = new ArrayList<>();
    for (Contact c : contacts) {
      for (int copy = 0; copy < COPIES; copy++) {
        requests.addAll(callbacks(c));
      }
    }
    Collections.shuffle(requests, new Random(SEED));
    long stormStart = System.nanoTime();
    Map<Integer, AtomicInteger> answers = deliver(requests);
    double stormSeconds = (System.nanoTime() - stormStart) / 1e9;

    List<Event> feed = feed();
    Map<String, Long> byType =
        feed.stream().collect(Collectors.groupingBy(Event::type, Collectors.counting()));
    long failing = contacts.stream().filter(Contact::fails).count();
    long optingOut = contacts.stream().filter(c -> c.fails() || c.stops()).count();
    int n = contacts.size();
    System.out.printf(
        "%s: %d messages (%d sent, %d replies), %d requests from %d threads in"
            + " %.1f s (%.0f requests/s), set-up %.1f s; answers %s; events %s%n",
        getClass().getSimpleName(),
        2 * n,
        n,
        n,
        requests.size(),
        THREADS,
        stormSeconds,
        requests.size() / stormSeconds,
        setupSeconds,
        answers,
        byType);

    assertThat(answers.keySet()).as("every request answered 2xx").allMatch(s -> s / 100 == 2);
    assertThat(byType)
        .as("each message, reply and opt-out once in the feed")
        .containsEntry("message.sent", (long) n)
        .containsEntry("message.delivered", n - failing)
        .containsEntry("message.failed", failing)
        .containsEntry("message.received", (long) n)
        .containsEntry("contact.opted_out", optingOut);
    assertOncePerMessage(feed, contacts);
    Organization org = receiver.organization(ORG);
    for (Contact c : contacts) {
      Message m = store.messages().findMessage(ORG, c.messageId()).orElseThrow();
      // Twilio's undelivered 21610 and Bandwidth's message-failed 4775 both say the handset's
      // carrier refused the message: UNDELIVERED.
      MessageStatus expected = c.fails() ? MessageStatus.UNDELIVERED : MessageStatus.DELIVERED;
      assertThat(m.status()).as("contact %d's message", c.n()).isEqualTo(expected);
      assertThat(org.optOuts().isOptedOut(c.phone()))
          .as("contact %d opted out", c.n())
          .isEqualTo(c.fails() || c.stops());
    }
  }

  /** Each message has one terminal event, each contact one reply and at most one opt-out. */
  private static void assertOncePerMessage(List<Event> feed, List<Contact> contacts) {
    Map<Long, Long> terminal = new HashMap<>();
    Map<String, Long> replies = new HashMap<>();
    Map<String, Long> optOuts = new HashMap<>();
    for (Event e : feed) {
      Change change = e.change();
      if (change instanceof Change.MessageDelivered d) {
        terminal.merge(d.messageId(), 1L, Long::sum);
      } else if (change instanceof Change.MessageFailed f) {
        terminal.merge(f.messageId(), 1L, Long::sum);
      } else if (change instanceof Change.MessageReceived r) {
        replies.merge(r.contactPhone(), 1L, Long::sum);
      } else if (change instanceof Change.ContactOptedOut o) {
        optOuts.merge(o.phone(), 1L, Long::sum);
      }
    }
    assertThat(terminal)
        .hasSize(contacts.size())
        .allSatisfy((id, count) -> assertThat(count).isOne());
    assertThat(replies)
        .hasSize(contacts.size())
        .allSatisfy((p, count) -> assertThat(count).isOne());
    assertThat(optOuts).allSatisfy((p, count) -> assertThat(count).isOne());
  }

  /**
   * Imports the contacts, and has one texter send each its first message: the first half through
   * the Twilio gateway's id, the second through Bandwidth's, a click (1.1 s of the clock) apart.
   */
  private List<Contact> sendEveryone() {
    FakeGateway twilioSends = FakeGateway.builder().clock(clock).idPrefix("SM").build();
    FakeGateway bandwidthSends = FakeGateway.builder().clock(clock).idPrefix("BW").build();
    sender =
        P2P.builder()
            .store(store)
            .clock(clock)
            .gateway(TWILIO, twilioSends)
            .gateway(BANDWIDTH, bandwidthSends)
            .build();
    Organization org = sender.organization(ORG);
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    int half = contacts() / 2;
    List<Contact> sent = new ArrayList<>(send(org, TWILIO, TWILIO_NUMBER, 0, half));
    sent.addAll(send(org, BANDWIDTH, BANDWIDTH_NUMBER, half, contacts()));
    assertThat(sent).hasSize(contacts());
    return sent;
  }

  private List<Contact> send(Organization org, String gateway, String number, int from, int to) {
    StringBuilder csv = new StringBuilder("phone,first name\n");
    for (int n = from; n < to; n++) {
      csv.append(phone(n)).append(",Contact").append(n).append('\n');
    }
    long list =
        org.contacts()
            .importCsv(
                gateway + " list",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                ImportOptions.defaults(),
                progress -> {})
            .listId()
            .orElseThrow();
    long action =
        org.actions()
            .create(
                ActionDraft.named("Storm via " + gateway)
                    .contacts(list)
                    .initial("Hi {firstName}, will you vote Tuesday?")
                    .sender(SenderSettings.numbers(gateway, List.of(number))))
            .id();
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    Texter ana = org.texter("ana");
    Map<String, Integer> byPhone = new HashMap<>();
    for (int n = from; n < to; n++) {
      byPhone.put(phone(n), n);
    }
    List<Contact> sent = new ArrayList<>();
    while (ana.requestBatch(action) > 0) {
      for (Optional<NextMessage> next = ana.nextToSend(action);
          next.isPresent();
          next = ana.nextToSend(action)) {
        clock.advance(CLICK);
        Message m = ana.send(next.get().conversationId());
        assertThat(m.carrierMessageId()).as("the carrier took message %d", m.id()).isPresent();
        int n = byPhone.get(next.get().contact().details().phone());
        sent.add(
            new Contact(
                n,
                phone(n),
                gateway,
                m.id(),
                m.carrierMessageId().orElseThrow(),
                n % 10 == 3,
                n % 10 == 3 || n % 10 == 7));
      }
    }
    return sent;
  }

  /** Contact {@code n}'s phone, in Chicago. */
  private static String phone(int n) {
    return String.format("+1773555%04d", n);
  }

  /** The contact's callbacks in the carrier's wire format: sent, the outcome, and the reply. */
  private static List<WebhookRequest> callbacks(Contact c) {
    String reply = c.stops() ? "STOP" : "Yes, count me in ✓ #" + c.n();
    String replyId = (c.gateway().equals(TWILIO) ? "SMin" : "BWin") + c.n();
    if (c.gateway().equals(TWILIO)) {
      return List.of(
          twilioStatus(c, "sent", ""),
          c.fails() ? twilioStatus(c, "undelivered", "21610") : twilioStatus(c, "delivered", ""),
          twilioInbound(replyId, c.phone(), reply));
    }
    return List.of(
        bandwidthStatus(c, "message-sent", ""),
        c.fails()
            ? bandwidthStatus(c, "message-failed", ",\"errorCode\":4775")
            : bandwidthStatus(c, "message-delivered", ""),
        bandwidthInbound(replyId, c.phone(), reply));
  }

  private static WebhookRequest twilioStatus(Contact c, String status, String errorCode) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("SmsSid", List.of(c.carrierId()));
    params.put("SmsStatus", List.of(status));
    params.put("MessageStatus", List.of(status));
    params.put("To", List.of(c.phone()));
    params.put("MessageSid", List.of(c.carrierId()));
    params.put("AccountSid", List.of(ACCOUNT_SID));
    params.put("From", List.of(TWILIO_NUMBER));
    params.put("ApiVersion", List.of("2010-04-01"));
    if (!errorCode.isEmpty()) {
      params.put("ErrorCode", List.of(errorCode));
    }
    return twilioPost(TWILIO_STATUS, params);
  }

  private static WebhookRequest twilioInbound(String sid, String from, String body) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("ToCountry", List.of("US"));
    params.put("SmsMessageSid", List.of(sid));
    params.put("NumMedia", List.of("0"));
    params.put("SmsSid", List.of(sid));
    params.put("SmsStatus", List.of("received"));
    params.put("Body", List.of(body));
    params.put("To", List.of(TWILIO_NUMBER));
    params.put("NumSegments", List.of("1"));
    params.put("MessageSid", List.of(sid));
    params.put("AccountSid", List.of(ACCOUNT_SID));
    params.put("From", List.of(from));
    params.put("ApiVersion", List.of("2010-04-01"));
    return twilioPost(TWILIO_INBOUND, params);
  }

  /** A form POST signed with the account's Auth Token, as Twilio sends it. */
  private static WebhookRequest twilioPost(String url, Map<String, List<String>> params) {
    String form =
        params.entrySet().stream()
            .map(p -> encode(p.getKey()) + "=" + encode(p.getValue().get(0)))
            .collect(Collectors.joining("&"));
    String signature = TwilioSignature.of(AUTH_TOKEN).compute(url, params);
    return WebhookRequest.of(
        "POST",
        url,
        Map.of(
            "Content-Type", List.of("application/x-www-form-urlencoded"),
            "User-Agent", List.of("TwilioProxy/1.1"),
            "X-Twilio-Signature", List.of(signature)),
        form.getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static WebhookRequest bandwidthStatus(Contact c, String type, String extra) {
    String event =
        "{\"type\":\""
            + type
            + "\",\"time\":\"2026-11-03T16:30:00.000Z\",\"description\":\"ok\",\"to\":\""
            + c.phone()
            + "\""
            + extra
            + ",\"message\":{\"id\":\""
            + c.carrierId()
            + "\",\"owner\":\""
            + BANDWIDTH_NUMBER
            + "\",\"time\":\"2026-11-03T16:29:00.000Z\",\"segmentCount\":1,\"direction\":\"out\","
            + "\"to\":[\""
            + c.phone()
            + "\"],\"from\":\""
            + BANDWIDTH_NUMBER
            + "\",\"text\":\"\"}}";
    return bandwidthPost("[" + event + "]");
  }

  private static WebhookRequest bandwidthInbound(String id, String from, String text) {
    String event =
        "{\"type\":\"message-received\",\"time\":\"2026-11-03T16:31:00.000Z\","
            + "\"description\":\"Incoming message received\",\"to\":\""
            + BANDWIDTH_NUMBER
            + "\",\"message\":{\"id\":\""
            + id
            + "\",\"owner\":\""
            + BANDWIDTH_NUMBER
            + "\",\"time\":\"2026-11-03T16:31:00.000Z\",\"segmentCount\":1,\"direction\":\"in\","
            + "\"to\":[\""
            + BANDWIDTH_NUMBER
            + "\"],\"from\":\""
            + from
            + "\",\"text\":\""
            + text
            + "\"}}";
    return bandwidthPost("[" + event + "]");
  }

  /** A JSON array POST with the Application's Basic credentials, as Bandwidth sends it. */
  private static WebhookRequest bandwidthPost(String json) {
    String credentials =
        Base64.getEncoder()
            .encodeToString(
                (CALLBACK_USER + ":" + CALLBACK_PASSWORD).getBytes(StandardCharsets.UTF_8));
    return WebhookRequest.of(
        "POST",
        BANDWIDTH_URL,
        Map.of(
            "Content-Type", List.of("application/json; charset=utf-8"),
            "User-Agent", List.of("BandwidthAPI/v2"),
            "Authorization", List.of("Basic " + credentials)),
        json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Posts every request from {@link #THREADS} threads. A 503 (the store could not apply an event,
   * say a deadlock victim) is posted again, as the carrier retries it.
   *
   * @return how many final answers of each status
   */
  private Map<Integer, AtomicInteger> deliver(List<WebhookRequest> requests) throws Exception {
    Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
    AtomicInteger retried = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < requests.size();
                      i = next.getAndIncrement()) {
                    WebhookResponse response = receiver.webhooks().handle(requests.get(i));
                    while (response.status() == 503) {
                      retried.incrementAndGet();
                      response = receiver.webhooks().handle(requests.get(i));
                    }
                    answers
                        .computeIfAbsent(response.status(), s -> new AtomicInteger())
                        .incrementAndGet();
                  }
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdown();
    }
    System.out.printf("Webhook storm: %d answers of 503 posted again%n", retried.get());
    return answers;
  }

  private List<Event> feed() {
    List<Event> all = new ArrayList<>();
    while (true) {
      long after = all.isEmpty() ? 0 : all.get(all.size() - 1).position();
      List<Event> page = receiver.events().read(ORG, after, 1_000);
      if (page.isEmpty()) {
        return all;
      }
      all.addAll(page);
    }
  }

  private static TwilioGateway twilio() {
    return TwilioGateway.builder()
        .accountSid(ACCOUNT_SID)
        .authToken(AUTH_TOKEN)
        .senderNumbers(TWILIO_NUMBER)
        .statusCallback(TWILIO_STATUS)
        .build();
  }

  private static BandwidthGateway bandwidth() {
    return BandwidthGateway.builder()
        .accountId("9900000")
        .applicationId("93de2206-9669-4e07-948d-329f4b722ee2")
        .senderNumbers(BANDWIDTH_NUMBER)
        .clientCredentials("p2p-client", "client-secret-1")
        .callbackCredentials(CALLBACK_USER, CALLBACK_PASSWORD)
        .build();
  }
}
