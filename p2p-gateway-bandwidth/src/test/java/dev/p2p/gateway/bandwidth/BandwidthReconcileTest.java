package dev.p2p.gateway.bandwidth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
import dev.p2p.texter.TexterProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation through p2p with Bandwidth's message list on a stub server: a send whose
 * connection was cut after the request went out is settled by {@code Organization.reconcile()},
 * never sent again.
 */
class BandwidthReconcileTest {
  private static final String ORG = "acme";
  private static final String OUR_NUMBER = "+13125550199";
  private static final String CONTACT = "+13125550101";
  private static final String MESSAGE_ID = "1589228074636lm4k2je7j7jklbn2";
  private static final Instant START = Instant.parse("2026-11-03T15:00:00Z");
  private static final Duration SETTLED = Duration.ofMinutes(11);

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final MutableClock clock = MutableClock.at(START);
  private final P2P p2p;
  private final Organization org;
  private long conversationId;

  BandwidthReconcileTest() {
    server.start();
    new BandwidthStubs(server);
    BandwidthGateway bandwidth = BandwidthStubs.gateway(server, OUR_NUMBER).clock(clock).build();
    p2p =
        P2P.builder()
            .store(InMemoryStore.create())
            .clock(clock)
            .gateway("bandwidth", bandwidth)
            .build();
    org = p2p.organization(ORG);
  }

  @AfterEach
  void close() {
    try {
      p2p.close();
    } finally {
      server.stop();
    }
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
                    .sender(SenderSettings.numbers("bandwidth", List.of(OUR_NUMBER))))
            .id();
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    Texter ana = org.texter("ana");
    ana.requestBatch(action);
    server.stubFor(
        post(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    conversationId = ana.nextToSend(action).orElseThrow().conversationId();
    Message m = ana.send(conversationId);
    assertThat(m.unconfirmed()).as("a cut connection leaves the send unconfirmed").isTrue();
    return m;
  }

  /** Bandwidth's list answer, shaped as the spec's MessagesList. */
  private void list(String... items) {
    String body =
        "{\"totalCount\":"
            + items.length
            + ",\"pageInfo\":{\"prevPage\":null,\"nextPage\":null,\"prevPageToken\":null,"
            + "\"nextPageToken\":null},\"messages\":["
            + String.join(",", items)
            + "]}";
    server.stubFor(
        get(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  private static String item(String id, String direction, String status, Instant at) {
    return ("{\"messageId\":\"%s\",\"accountId\":\"%s\",\"sourceTn\":\"%s\","
            + "\"destinationTn\":\"%s\",\"messageStatus\":\"%s\",\"messageDirection\":\"%s\","
            + "\"messageType\":\"sms\",\"segmentCount\":1,\"errorCode\":0,"
            + "\"receiveTime\":\"%s\",\"carrierName\":\"other\",\"messageSize\":27,"
            + "\"messageLength\":18,\"attachmentCount\":0,\"recipientCount\":1,"
            + "\"campaignClass\":\"T\",\"campaignId\":\"CJEUMDK\"}")
        .formatted(
            id,
            BandwidthStubs.ACCOUNT_ID,
            direction.equals("OUTBOUND") ? OUR_NUMBER : CONTACT,
            direction.equals("OUTBOUND") ? CONTACT : OUR_NUMBER,
            status,
            direction,
            at);
  }

  private Message stored(long id) {
    return org.conversations().messages(conversationId, 10).items().stream()
        .filter(m -> m.id() == id)
        .findFirst()
        .orElseThrow();
  }

  private List<LoggedRequest> lookups() {
    return server.findAll(getRequestedFor(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH)));
  }

  private int sends() {
    return server.findAll(postRequestedFor(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH))).size();
  }

  @Test
  @DisplayName(
      "a cut send that Bandwidth lists (by sourceTn, destinationTn and time) is marked sent;"
          + " nothing is sent again")
  void listedSendIsConfirmed() {
    Message m = cutSend();
    list(
        item(MESSAGE_ID, "OUTBOUND", "DELIVERED", START.plusMillis(1_179)),
        item("16000000000001inbound", "INBOUND", "RECEIVED", START.plusSeconds(5)));
    clock.advance(SETTLED);

    assertThat(org.reconcile()).isEqualTo(new ReconcileReport(1, 0, List.of(), 0));

    Message settled = stored(m.id());
    assertThat(settled.carrierMessageId()).contains(MESSAGE_ID);
    assertThat(settled.status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(sends()).as("sent once, never again").isEqualTo(1);
    LoggedRequest lookup = lookups().get(0);
    assertThat(lookup.queryParameter("sourceTn").firstValue()).isEqualTo(OUR_NUMBER);
    assertThat(lookup.queryParameter("destinationTn").firstValue()).isEqualTo(CONTACT);
    assertThat(lookup.queryParameter("messageDirection").firstValue()).isEqualTo("OUTBOUND");
    assertThat(Instant.parse(lookup.queryParameter("fromDateTime").firstValue())).isBefore(START);
    assertThat(Instant.parse(lookup.queryParameter("toDateTime").firstValue())).isAfter(START);
    assertThat(lookup.getHeader("Authorization")).isEqualTo("Bearer token-1");
  }

  @Test
  @DisplayName("a cut send Bandwidth does not list was never taken: it is marked FAILED")
  void unlistedSendFailed() {
    Message m = cutSend();
    list();
    clock.advance(SETTLED);

    assertThat(org.reconcile()).isEqualTo(new ReconcileReport(0, 1, List.of(), 0));
    assertThat(stored(m.id()).status()).isEqualTo(MessageStatus.FAILED);
  }

  @Test
  @DisplayName(
      "two listed messages in the window leave the send for a person (Bandwidth keeps no text)")
  void ambiguousListIsLeftForAPerson() {
    Message m = cutSend();
    list(
        item(MESSAGE_ID, "OUTBOUND", "SENT", START.plusSeconds(1)),
        item("1589228074636aaaaaaaaaaaaaa", "OUTBOUND", "SENT", START.plusSeconds(40)));
    clock.advance(SETTLED);

    assertThat(org.reconcile()).isEqualTo(new ReconcileReport(0, 0, List.of(m.id()), 0));
    assertThat(stored(m.id()).unconfirmed()).isTrue();
    assertThat(sends()).isEqualTo(1);
  }

  @Test
  @DisplayName("a list with a next page cannot prove absence: the lookup is unanswered")
  void partialListIsUnanswered() {
    Message m = cutSend();
    server.stubFor(
        get(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"totalCount\":2000,\"pageInfo\":{\"nextPage\":\"x\","
                            + "\"nextPageToken\":\"GL83PD3C\"},\"messages\":[]}")));
    clock.advance(SETTLED);

    assertThat(org.reconcile()).isEqualTo(new ReconcileReport(0, 0, List.of(), 1));
    assertThat(stored(m.id()).status()).isEqualTo(MessageStatus.QUEUED);
  }

  @Test
  @DisplayName("a 429 on the list (Bandwidth's lookup rate limit) is unanswered, tried again")
  void rateLimitedLookupIsUnanswered() {
    cutSend();
    server.stubFor(
        get(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "60")
                    .withBody("{\"type\":\"rate_limit_exceeded\",\"description\":\"slow\"}")));
    clock.advance(SETTLED);

    assertThat(org.reconcile()).isEqualTo(new ReconcileReport(0, 0, List.of(), 1));
  }
}
