package dev.p2p.gateway.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.ReconcileReport;
import dev.p2p.conversation.Texter;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.testkit.MutableClock;
import dev.p2p.testsupport.DocSnippets;
import dev.p2p.texter.TexterProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation through p2p with Twilio's message list on a stub server: a send whose connection
 * was cut after the request went out is settled by {@code Organization.reconcile()}, never sent
 * again.
 */
class TwilioReconcileTest {
  private static final String ORG = "acme";
  private static final String OUR_NUMBER = "+13125550199";
  private static final String CONTACT = "+13125550101";
  private static final String SID = "SM" + "e".repeat(32);
  private static final Instant START = Instant.parse("2026-11-03T15:00:00Z");
  private static final Duration SETTLED = Duration.ofMinutes(11);

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final MutableClock clock = MutableClock.at(START);
  private final TwilioStubs stubs;
  private final P2P p2p;
  private final Organization org;
  private long conversationId;

  TwilioReconcileTest() {
    server.start();
    stubs = new TwilioStubs(server);
    TwilioGateway twilio =
        TwilioGateway.builder()
            .accountSid(TwilioStubs.ACCOUNT_SID)
            .authToken(TwilioStubs.AUTH_TOKEN)
            .senderNumbers(OUR_NUMBER)
            .baseUrl(server.baseUrl())
            .clock(clock)
            .build();
    p2p =
        P2P.builder().store(InMemoryStore.create()).clock(clock).gateway("twilio", twilio).build();
    org = p2p.organization(ORG);
  }

  @AfterEach
  void close() {
    p2p.close();
    server.stop();
  }

  /** The contact's first message, whose connection is cut after the request went out. */
  private Message cutSend() {
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long list = org.contacts().createList("GOTV").id();
    org.contacts().add(list, NewContact.builder(CONTACT).build());
    long action =
        org.actions()
            .create(
                ActionDraft.named("GOTV")
                    .contacts(list)
                    .initial("Hi, will you vote?")
                    .sender(SenderSettings.numbers("twilio", List.of(OUR_NUMBER))))
            .id();
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    Texter ana = org.texter("ana");
    ana.requestBatch(action);
    stubs.answerNextSend(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    conversationId = ana.nextToSend(action).orElseThrow().conversationId();
    Message m = ana.send(conversationId);
    assertThat(m.unconfirmed()).as("a cut connection leaves the send unconfirmed").isTrue();
    return m;
  }

  /** Twilio's list answer: a page of Message resources as Twilio writes them. */
  private void list(String... messages) {
    String body =
        "{\"messages\":["
            + String.join(",", messages)
            + "],\"end\":"
            + (messages.length - 1)
            + ",\"first_page_uri\":\"/2010-04-01/Accounts/"
            + TwilioStubs.ACCOUNT_SID
            + "/Messages.json?To=%2B13125550101&PageSize=1000&Page=0\",\"next_page_uri\":null,"
            + "\"page\":0,\"page_size\":1000,\"previous_page_uri\":null,\"start\":0,\"uri\":"
            + "\"/2010-04-01/Accounts/"
            + TwilioStubs.ACCOUNT_SID
            + "/Messages.json?To=%2B13125550101&PageSize=1000&Page=0\"}";
    server.stubFor(
        get(urlPathEqualTo(TwilioStubs.MESSAGES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(body)));
  }

  private static String resource(
      String sid, String direction, String from, String to, String body, Instant created) {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(created.atOffset(ZoneOffset.UTC));
    return ("{\"sid\":\"%s\",\"account_sid\":\"%s\",\"messaging_service_sid\":null,\"from\":\"%s\","
            + "\"to\":\"%s\",\"body\":\"%s\",\"status\":\"delivered\",\"direction\":\"%s\","
            + "\"num_segments\":\"1\",\"num_media\":\"0\",\"price\":\"-0.00790\","
            + "\"price_unit\":\"USD\",\"error_code\":null,\"error_message\":null,"
            + "\"api_version\":\"2010-04-01\",\"date_created\":\"%s\",\"date_updated\":\"%s\","
            + "\"date_sent\":\"%s\",\"uri\":\"/2010-04-01/Accounts/%s/Messages/%s.json\","
            + "\"subresource_uris\":{\"media\":\"/2010-04-01/Accounts/%s/Messages/%s/Media.json\"}}")
        .formatted(
            sid,
            TwilioStubs.ACCOUNT_SID,
            from,
            to,
            body,
            direction,
            date,
            date,
            date,
            TwilioStubs.ACCOUNT_SID,
            sid,
            TwilioStubs.ACCOUNT_SID,
            sid);
  }

  private static String ours(String sid, String body, Instant created) {
    return resource(sid, "outbound-api", OUR_NUMBER, CONTACT, body, created);
  }

  private Message stored(long id) {
    return org.conversations().messages(conversationId, 10).items().stream()
        .filter(m -> m.id() == id)
        .findFirst()
        .orElseThrow();
  }

  private List<LoggedRequest> lookups() {
    return server.findAll(getRequestedFor(urlPathEqualTo(TwilioStubs.MESSAGES_PATH)));
  }

  @Test
  @DisplayName(
      "a cut send that Twilio lists (by To, From, time and body) is marked sent with its sid and"
          + " status; nothing is sent again")
  void listedSendIsConfirmed() {
    Message m = cutSend();
    list(
        ours(SID, "Hi, will you vote?", START.plusSeconds(1)),
        ours("SM" + "1".repeat(32), "An older text", START.minus(Duration.ofDays(3))),
        resource("SM" + "2".repeat(32), "inbound", CONTACT, OUR_NUMBER, "Yes", START));
    clock.advance(SETTLED);

    Organization acme = org;
    // readme-reconcile:start
    ReconcileReport report = acme.reconcile(); // from a scheduled job, every 15 minutes say
    List<Long> forAPerson = report.leftForPerson(); // still QUEUED and unconfirmed: never resent
    // readme-reconcile:end

    assertThat(report).isEqualTo(new ReconcileReport(1, 0, List.of(), 0));
    assertThat(forAPerson).isEmpty();
    Message settled = stored(m.id());
    assertThat(settled.carrierMessageId()).contains(SID);
    assertThat(settled.status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(settled.unconfirmed()).isFalse();
    assertThat(stubs.sends()).as("sent once, never again").hasSize(1);
    LoggedRequest lookup = lookups().get(0);
    assertThat(lookup.queryParameter("To").firstValue()).isEqualTo(CONTACT);
    assertThat(lookup.queryParameter("From").firstValue()).isEqualTo(OUR_NUMBER);
    assertThat(lookup.getHeader("Authorization")).startsWith("Basic ");
    assertThat(org.reconcile().checked()).as("settled once").isZero();
  }

  @Test
  @DisplayName("the README shows exactly the reconcile example this class runs")
  void readmeShowsTheExample() {
    DocSnippets.assertShown(
        DocSnippets.readme(),
        Path.of("src/test/java/dev/p2p/gateway/twilio/TwilioReconcileTest.java"),
        "readme-reconcile");
  }

  @Test
  @DisplayName("a cut send Twilio does not list was never taken: it is marked FAILED")
  void unlistedSendFailed() {
    Message m = cutSend();
    list(ours("SM" + "1".repeat(32), "Hi, will you vote?", START.minus(Duration.ofDays(3))));
    clock.advance(SETTLED);

    assertThat(org.reconcile()).isEqualTo(new ReconcileReport(0, 1, List.of(), 0));
    assertThat(stored(m.id()).status()).isEqualTo(MessageStatus.FAILED);
    assertThat(stored(m.id()).unconfirmed()).isFalse();
  }

  @Test
  @DisplayName("two listed messages that both match leave the send for a person, untouched")
  void ambiguousListIsLeftForAPerson() {
    Message m = cutSend();
    list(
        ours(SID, "Hi, will you vote?", START.plusSeconds(1)),
        ours("SM" + "1".repeat(32), "Hi, will you vote?", START.plusSeconds(2)));
    clock.advance(SETTLED);

    assertThat(org.reconcile()).isEqualTo(new ReconcileReport(0, 0, List.of(m.id()), 0));
    assertThat(stored(m.id()).status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(stored(m.id()).unconfirmed()).isTrue();
    assertThat(stubs.sends()).hasSize(1);
  }

  @Test
  @DisplayName("a lookup Twilio fails (500, or a cut connection) is unanswered and tried again")
  void failedLookupIsTriedAgain() {
    Message m = cutSend();
    server.stubFor(
        get(urlPathEqualTo(TwilioStubs.MESSAGES_PATH)).willReturn(TwilioStubs.error(500, 20500)));
    clock.advance(SETTLED);
    assertThat(org.reconcile()).isEqualTo(new ReconcileReport(0, 0, List.of(), 1));

    server.stubFor(
        get(urlPathEqualTo(TwilioStubs.MESSAGES_PATH))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThat(org.reconcile()).isEqualTo(new ReconcileReport(0, 0, List.of(), 1));

    list(ours(SID, "Hi, will you vote?", START.plusSeconds(1)));
    assertThat(org.reconcile()).isEqualTo(new ReconcileReport(1, 0, List.of(), 0));
    assertThat(stored(m.id()).carrierMessageId()).contains(SID);
  }

  @Test
  @DisplayName("a send is not looked up before it has been still for ten minutes")
  void recentSendIsNotLookedUp() {
    cutSend();
    list();
    clock.advance(Duration.ofMinutes(9));

    assertThat(org.reconcile().checked()).isZero();
    assertThat(lookups()).isEmpty();
  }
}
