package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.P2P;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.ReconcileReport;
import dev.p2p.gateway.NumberType;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.policy.GatewayPolicy;
import dev.p2p.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reliability under carrier faults, then reconciliation, for one adapter: a {@link SendCampaign} of
 * 300 first messages through p2p's public API against the adapter's carrier on a stub server that
 * fails a share of sends (500s, 429s with Retry-After, reset connections, answers past the
 * timeout), then recovers; then {@code reconcile()} settles every send of unknown fate from the
 * carrier's message list. Checked: every message ends sent, failed with a reason, or unconfirmed;
 * no phone is taken twice and only a 429 is ever retried; the breaker opens and closes; reconcile
 * settles the rest without sending.
 *
 * <p>An adapter subclasses it with its stub server's request type ({@code ServeEvent} for WireMock)
 * and a faulty carrier side that fails sends while not healthy:
 *
 * <pre>{@code
 * class AcmeFaultCampaignTest extends FaultCampaignContract<ServeEvent> {
 *   private final FaultyAcme carrier = new FaultyAcme(17, clock());
 *   private final WireMockServer server =
 *       new WireMockServer(options().dynamicPort().extensions(carrier));
 *
 *   protected SmsGateway startCarrier(MutableClock clock, Duration requestTimeout) {
 *     server.start();
 *     return AcmeGateway.builder().baseUrl(server.baseUrl()).senderNumbers(SENDER)
 *         .requestTimeout(requestTimeout).clock(clock).build();
 *   }
 *   protected void stopCarrier() { server.stop(); }
 *   protected List<ServeEvent> journal() { ... } // oldest first
 *   ...
 * }
 * }</pre>
 *
 * @param <R> a request in the stub server's journal
 */
public abstract class FaultCampaignContract<R> {
  /** The number the campaign sends from: the gateway must own it. */
  protected static final String SENDER = "+13125550199";

  /** How long the gateway waits for the carrier's answer before giving up on a send. */
  protected static final Duration REQUEST_TIMEOUT = Duration.ofMillis(1_000);

  private static final int CONTACTS = 300;
  private static final int STORM_ROUNDS = 5;
  private static final int ROUND = 40;

  /** At most this many sends, one at a time, to see the circuit open after the storm. */
  private static final int PROBES = 40;

  /** Sends left for the recovery, trials included, whatever the probe took. */
  private static final int MIN_RECOVERY = CONTACTS - STORM_ROUNDS * ROUND - PROBES - 3;

  private static final Duration OPEN_WAIT = Duration.ofSeconds(30);

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-03T15:00:00Z"));
  // Retry-After and backoff waits pass in real time here, on a scheduler of the test's own: were
  // they to move the clock (as the clock's own scheduler would), a storm round's retries could
  // run out the breaker's open wait in the middle of the round.
  private final ScheduledExecutorService waits = Executors.newSingleThreadScheduledExecutor();
  private P2P p2p;

  /** The clock p2p, the gateway and the carrier side share; usable in field initializers. */
  protected final MutableClock clock() {
    return clock;
  }

  /** The id the gateway is registered under, as in {@code P2P.builder().gateway(id, ...)}. */
  protected abstract String gatewayId();

  /** The carrier's name for the figures log line ({@code "Twilio"}). */
  protected abstract String carrierName();

  /**
   * Starts the stub server, unhealthy, before the test and returns the gateway pointed at it, built
   * with this {@code clock} and {@code requestTimeout} and owning {@link #SENDER}.
   */
  protected abstract SmsGateway startCarrier(MutableClock clock, Duration requestTimeout);

  /** Stops the stub server after the test. */
  protected abstract void stopCarrier();

  /** Every request the stub server has received so far, oldest first. */
  protected abstract List<R> journal();

  /** Whether the request asks the carrier to send a message (not a token fetch, a list, ...). */
  protected abstract boolean isCreate(R request);

  /** The contact phone a create request was for. */
  protected abstract String phone(R create);

  /** The HTTP status the stub server answered the request with. */
  protected abstract int status(R request);

  /** Whether the carrier took the message: an answer without fault and 2xx, even a late one. */
  protected abstract boolean taken(R create);

  /** Makes the carrier side accept every send from now on. */
  protected abstract void makeHealthy();

  /**
   * The messages the carrier side took, as contact phone to carrier message id; a phone taken twice
   * must fail (as {@code Collectors.toMap} does).
   */
  protected abstract Map<String, String> takenMessages();

  @BeforeEach
  void startCampaignCarrier() {
    GatewayPolicy policy =
        GatewayPolicy.builder()
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
    SmsGateway gateway = startCarrier(clock, REQUEST_TIMEOUT);
    p2p =
        P2P.builder()
            .store(InMemoryStore.create())
            .clock(clock)
            .scheduler(waits)
            .gateway(gatewayId(), gateway, policy)
            .build();
  }

  @AfterEach
  void stopCampaignCarrier() {
    try {
      p2p.close();
    } finally {
      waits.shutdownNow();
      stopCarrier();
    }
  }

  /** The phones of the create requests the stub server received. */
  private Set<String> reached() {
    return creates().stream().map(this::phone).collect(Collectors.toSet());
  }

  /** The create requests the stub server received, oldest first. */
  private List<R> creates() {
    return journal().stream().filter(this::isCreate).toList();
  }

  @Test
  @DisplayName(
      "under 500s, 429s, resets and timeouts every message ends sent, failed with a reason, or"
          + " unconfirmed; none is accepted twice; the breaker opens and closes; reconcile settles"
          + " the rest")
  void campaignUnderFaults() {
    long started = System.nanoTime();
    SendCampaign campaign = SendCampaign.start(p2p, "acme", gatewayId(), SENDER, CONTACTS);
    for (int round = 0; round < STORM_ROUNDS; round++) {
      campaign.sendRound(ROUND);
      clock.advance(OPEN_WAIT.plusSeconds(1));
    }
    // A round's sends all take the breaker's permit before the carrier answers any of them, so
    // whether the circuit is open when a round ends shows only in the next send. One at a time,
    // without moving the clock, until a send fails fast: each answer is counted before the next
    // send asks, so a carrier this faulty opens the circuit within a few sends if it was closed.
    boolean openAtEnd = false;
    for (int probe = 0; probe < PROBES && !openAtEnd; probe++) {
      Message sent = campaign.sendRound(1).get(0);
      openAtEnd = !reached().contains(sent.contactPhone());
    }
    clock.advance(OPEN_WAIT.plusSeconds(1));
    makeHealthy();
    List<Message> trials = campaign.sendRound(3);
    // The rest a few at a time, as texters send: a burst of new connections could outlast the
    // request timeout on a loaded machine, and fail sends the carrier never saw.
    List<Message> recovered = new ArrayList<>();
    for (List<Message> few = campaign.sendRound(3); !few.isEmpty(); few = campaign.sendRound(3)) {
      recovered.addAll(few);
    }

    List<Message> messages = campaign.messages();
    assertThat(messages).hasSize(CONTACTS);
    List<Message> sent = messages.stream().filter(m -> m.carrierMessageId().isPresent()).toList();
    List<Message> failed =
        messages.stream().filter(m -> m.status() == MessageStatus.FAILED).toList();
    List<Message> unconfirmed =
        messages.stream()
            .filter(m -> m.status() == MessageStatus.QUEUED && m.carrierMessageId().isEmpty())
            .toList();
    assertThat(sent.size() + failed.size() + unconfirmed.size()).isEqualTo(CONTACTS);
    assertThat(failed).allSatisfy(m -> assertThat(m.failure()).isPresent());
    assertThat(unconfirmed)
        .allSatisfy(
            m -> {
              assertThat(m.unconfirmed()).isTrue();
              assertThat(m.failure()).contains(FailureKind.RETRYABLE);
            });

    // The journal: no phone was accepted twice, and only a 429 was ever followed by another
    // attempt at the same message.
    List<R> creates = creates();
    Map<String, List<R>> byPhone = creates.stream().collect(Collectors.groupingBy(this::phone));
    assertThat(byPhone.values())
        .allSatisfy(
            attempts -> {
              assertThat(attempts.stream().filter(this::taken).count()).isLessThanOrEqualTo(1);
              assertThat(attempts.subList(0, attempts.size() - 1))
                  .allSatisfy(e -> assertThat(status(e)).isEqualTo(429));
            });
    Set<String> acceptedPhones =
        creates.stream().filter(this::taken).map(this::phone).collect(Collectors.toSet());
    assertThat(sent).allSatisfy(m -> assertThat(acceptedPhones).contains(m.contactPhone()));

    // The breaker: open, sends failed fast without reaching the carrier; closed again once the
    // carrier recovered, every send reached it and was taken.
    List<Message> failedFast =
        failed.stream().filter(m -> !byPhone.containsKey(m.contactPhone())).toList();
    assertThat(failedFast).isNotEmpty();
    assertThat(failedFast).allSatisfy(m -> assertThat(m.failure()).contains(FailureKind.RETRYABLE));
    assertThat(openAtEnd).as("open at the end of the storm").isTrue();
    assertThat(trials).allSatisfy(m -> assertThat(m.carrierMessageId()).isPresent());
    assertThat(recovered)
        .as("closed after the trials")
        .hasSizeGreaterThanOrEqualTo(MIN_RECOVERY)
        .allSatisfy(m -> assertThat(m.carrierMessageId()).isPresent());

    // Reconciliation: each unconfirmed send is found in the carrier's list, or shown never taken.
    long unconfirmedTaken =
        unconfirmed.stream().filter(m -> acceptedPhones.contains(m.contactPhone())).count();
    clock.advance(Duration.ofMinutes(11));
    ReconcileReport report = campaign.organization().reconcile();
    assertThat(report)
        .isEqualTo(
            new ReconcileReport(
                (int) unconfirmedTaken, unconfirmed.size() - (int) unconfirmedTaken, List.of(), 0));
    assertThat(creates()).as("reconcile sends nothing").hasSize(creates.size());
    Map<String, String> sidByPhone = takenMessages();
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
        "{} fault campaign: {} sends, {} requests; {} sent, {} failed ({} fast, breaker"
            + " open), {} unconfirmed; reconcile: {}; {} ms",
        carrierName(),
        CONTACTS,
        creates.size(),
        sent.size(),
        failed.size(),
        failedFast.size(),
        unconfirmed.size(),
        report,
        (System.nanoTime() - started) / 1_000_000);
  }
}
