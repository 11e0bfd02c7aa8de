package dev.p2p.gateway.bandwidth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.p2p.P2P;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.ReconcileReport;
import dev.p2p.gateway.GatewayPolicy;
import dev.p2p.gateway.NumberType;
import dev.p2p.store.InMemoryStore;
import dev.p2p.testkit.MutableClock;
import dev.p2p.testkit.SendCampaign;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reliability suite, carrier faults (issue 17, item 2) and reconciliation (item 3) on Bandwidth: a
 * campaign of 300 first messages through p2p's public API against a Bandwidth on WireMock that
 * answers 30% 500s, 10% 429s with Retry-After, 5% reset connections and 5% answers past the
 * timeout, then recovers; then {@code reconcile()} settles every send of unknown fate from
 * Bandwidth's message list.
 */
class BandwidthFaultCampaignTest {
  private static final Logger log = LoggerFactory.getLogger(BandwidthFaultCampaignTest.class);
  private static final String OUR_NUMBER = "+13125550199";
  private static final int STORM_ROUNDS = 6;
  private static final int ROUND = 40;
  private static final int RECOVERY = 60;
  private static final Duration OPEN_WAIT = Duration.ofSeconds(30);

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-03T15:00:00Z"));
  private final FaultyBandwidth carrier = new FaultyBandwidth(17, clock);
  private final WireMockServer server =
      new WireMockServer(options().dynamicPort().extensions(carrier));
  private final P2P p2p;

  BandwidthFaultCampaignTest() {
    server.start();
    server.stubFor(post(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH)).willReturn(aResponse()));
    server.stubFor(get(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH)).willReturn(aResponse()));
    new BandwidthStubs(server);
    BandwidthGateway bandwidth =
        BandwidthStubs.gateway(server, OUR_NUMBER)
            .requestTimeout(Duration.ofMillis(1_000))
            .clock(clock)
            .build();
    GatewayPolicy policy =
        GatewayPolicy.custom()
            .messagesPerSecond(NumberType.LONG_CODE, 10_000)
            .maxAttempts(3)
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(10))
            .failureRateThreshold(30)
            .slidingWindowSize(20)
            .minimumCalls(20)
            .waitInOpenState(OPEN_WAIT)
            .halfOpenCalls(3)
            .maxConcurrentSends(1_000)
            .build();
    p2p =
        P2P.builder()
            .store(InMemoryStore.create())
            .clock(clock)
            .gateway("bandwidth", bandwidth, policy)
            .build();
  }

  @AfterEach
  void close() {
    try {
      p2p.close();
    } finally {
      server.stop();
    }
  }

  /** The create requests WireMock served, oldest first. */
  private List<ServeEvent> creates() {
    return server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getMethod().getName().equals("POST"))
        .filter(e -> e.getRequest().getUrl().equals(BandwidthStubs.MESSAGES_PATH))
        .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
        .toList();
  }

  private static String to(ServeEvent e) {
    return BandwidthStubs.read(e.getRequest().getBody()).path("to").path(0).asText();
  }

  /** Whether WireMock answered the request with a 2xx (late or not): Bandwidth took the message. */
  private static boolean accepted(ServeEvent e) {
    ResponseDefinition answer = e.getResponseDefinition();
    return answer.getFault() == null && answer.getStatus() / 100 == 2;
  }

  @Test
  @DisplayName(
      "under 500s, 429s, resets and timeouts every message ends sent, failed with a reason, or"
          + " unconfirmed; none is accepted twice; the breaker opens and closes; reconcile settles"
          + " the rest")
  void campaignUnderFaults() {
    long started = System.nanoTime();
    SendCampaign campaign = SendCampaign.start(p2p, "acme", "bandwidth", OUR_NUMBER, 300);
    int lastStormFailFast = 0;
    for (int round = 0; round < STORM_ROUNDS; round++) {
      List<Message> sent = campaign.sendRound(ROUND);
      Set<String> reached = creates().stream().map(BandwidthFaultCampaignTest::to).collect(toSet());
      lastStormFailFast =
          (int) sent.stream().filter(m -> !reached.contains(m.contactPhone())).count();
      clock.advance(OPEN_WAIT.plusSeconds(1));
    }
    carrier.healthy = true;
    List<Message> trials = campaign.sendRound(3);
    List<Message> recovered = campaign.sendRound(RECOVERY - 3);

    List<Message> messages = campaign.messages();
    assertThat(messages).hasSize(300);
    List<Message> sent = messages.stream().filter(m -> m.carrierMessageId().isPresent()).toList();
    List<Message> failed =
        messages.stream().filter(m -> m.status() == MessageStatus.FAILED).toList();
    List<Message> unconfirmed =
        messages.stream()
            .filter(m -> m.status() == MessageStatus.QUEUED && m.carrierMessageId().isEmpty())
            .toList();
    assertThat(sent.size() + failed.size() + unconfirmed.size()).isEqualTo(300);
    assertThat(failed).allSatisfy(m -> assertThat(m.failure()).isPresent());
    assertThat(unconfirmed)
        .allSatisfy(
            m -> {
              assertThat(m.unconfirmed()).isTrue();
              assertThat(m.failure()).contains(FailureKind.RETRYABLE);
            });

    // WireMock's journal: no phone was accepted twice, and only a 429 was ever followed by
    // another attempt at the same message.
    List<ServeEvent> creates = creates();
    Map<String, List<ServeEvent>> byPhone =
        creates.stream().collect(Collectors.groupingBy(BandwidthFaultCampaignTest::to));
    assertThat(byPhone.values())
        .allSatisfy(
            attempts -> {
              assertThat(attempts.stream().filter(BandwidthFaultCampaignTest::accepted).count())
                  .isLessThanOrEqualTo(1);
              assertThat(attempts.subList(0, attempts.size() - 1))
                  .allSatisfy(
                      e -> assertThat(e.getResponseDefinition().getStatus()).isEqualTo(429));
            });
    Set<String> acceptedPhones =
        creates.stream()
            .filter(BandwidthFaultCampaignTest::accepted)
            .map(BandwidthFaultCampaignTest::to)
            .collect(toSet());
    assertThat(sent).allSatisfy(m -> assertThat(acceptedPhones).contains(m.contactPhone()));

    // The breaker: open, sends failed fast without reaching Bandwidth; closed again once Bandwidth
    // recovered, every send reached it and was taken.
    List<Message> failedFast =
        failed.stream().filter(m -> !byPhone.containsKey(m.contactPhone())).toList();
    assertThat(failedFast).isNotEmpty();
    assertThat(failedFast).allSatisfy(m -> assertThat(m.failure()).contains(FailureKind.RETRYABLE));
    assertThat(lastStormFailFast).as("open at the end of the storm").isPositive();
    assertThat(trials).allSatisfy(m -> assertThat(m.carrierMessageId()).isPresent());
    assertThat(recovered)
        .as("closed after the trials")
        .hasSize(RECOVERY - 3)
        .allSatisfy(m -> assertThat(m.carrierMessageId()).isPresent());

    // Reconciliation: each unconfirmed send is found in Bandwidth's list, or shown never taken.
    long unconfirmedTaken =
        unconfirmed.stream().filter(m -> acceptedPhones.contains(m.contactPhone())).count();
    clock.advance(Duration.ofMinutes(11));
    ReconcileReport report = campaign.organization().reconcile();
    assertThat(report)
        .isEqualTo(
            new ReconcileReport(
                (int) unconfirmedTaken, unconfirmed.size() - (int) unconfirmedTaken, List.of(), 0));
    assertThat(creates()).as("reconcile sends nothing").hasSize(creates.size());
    Map<String, String> sidByPhone =
        carrier.taken().values().stream()
            .collect(Collectors.toMap(FaultyBandwidth.Taken::to, FaultyBandwidth.Taken::id));
    assertThat(campaign.messages())
        .allSatisfy(
            m -> {
              if (sidByPhone.containsKey(m.contactPhone())) {
                assertThat(m.carrierMessageId()).contains(sidByPhone.get(m.contactPhone()));
              } else {
                assertThat(m.status()).isEqualTo(MessageStatus.FAILED);
              }
            });
    log.info(
        "Bandwidth fault campaign: 300 sends, {} requests; {} sent, {} failed ({} fast, breaker"
            + " open), {} unconfirmed; reconcile: {}; {} ms",
        creates.size(),
        sent.size(),
        failed.size(),
        failedFast.size(),
        unconfirmed.size(),
        report,
        (System.nanoTime() - started) / 1_000_000);
  }

  private static <T> java.util.stream.Collector<T, ?, Set<T>> toSet() {
    return Collectors.toSet();
  }
}
