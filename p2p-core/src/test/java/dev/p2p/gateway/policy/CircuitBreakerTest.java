package dev.p2p.gateway.policy;

import static dev.p2p.gateway.policy.Harness.T0;
import static dev.p2p.gateway.policy.Harness.carrierFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.SendReceipt;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The circuit breaker stops calling a carrier that keeps failing")
class CircuitBreakerTest {
  private final Harness h = new Harness();

  /** Opens at 50% failures of the last 4 sends; 30 s open; 1 trial send. */
  private final ResilientGateway gateway =
      h.wrap(
          Harness.isolated()
              .slidingWindowSize(4)
              .minimumCalls(4)
              .failureRateThreshold(50)
              .waitInOpenState(Duration.ofSeconds(30))
              .halfOpenCalls(1)
              .build());

  private static GatewayException outage() {
    return carrierFailure(GatewayError.retryable(), false); // a 503 or a timeout
  }

  private void sendAll(int count) {
    for (int i = 0; i < count; i++) {
      gateway.send(h.fromNewSender());
    }
  }

  private void open() {
    h.carrier.failing(4, CircuitBreakerTest::outage);
    sendAll(4);
  }

  @Test
  @DisplayName("it stays closed below the failure-rate threshold")
  void staysClosedBelowThreshold() {
    h.carrier.failing(outage());
    sendAll(4); // one failure in four: 25%

    CompletableFuture<SendReceipt> next = gateway.send(h.fromNewSender());

    assertThat(next).isCompleted();
    assertThat(h.carrier.calls()).hasSize(5);
  }

  @Test
  @DisplayName("at the threshold it opens and fails fast, retry-safe, without calling the carrier")
  void opensAtThreshold() {
    sendAll(2);
    h.carrier.failing(2, CircuitBreakerTest::outage);
    sendAll(2); // two failures in four: 50%

    GatewayException failure = Harness.failure(gateway.send(h.fromNewSender()));

    assertThat(h.carrier.calls()).hasSize(4);
    assertThat(failure.error()).isEqualTo(GatewayError.retryable());
    assertThat(failure.retrySafe()).isTrue();
    assertThat(failure.getMessage())
        .contains("circuit open")
        .contains(T0.plus(Duration.ofSeconds(30)).toString());
  }

  @Test
  @DisplayName("authentication failures count against the carrier too")
  void authenticationCounts() {
    h.carrier.failing(4, () -> carrierFailure(GatewayError.authentication(), true));
    sendAll(4);

    Harness.failure(gateway.send(h.fromNewSender()));

    assertThat(h.carrier.calls()).hasSize(4);
  }

  static Stream<GatewayError> contactOrMessageErrors() {
    return Stream.of(
        GatewayError.optedOut(),
        GatewayError.invalidNumber(),
        GatewayError.permanent(),
        GatewayError.rateLimited(Optional.of(Duration.ofSeconds(1))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contactOrMessageErrors")
  @DisplayName("opted-out, invalid-number, permanent and rate-limited failures never open it")
  void contactFailuresNeverOpen(GatewayError error) {
    h.carrier.failing(10, () -> carrierFailure(error, true));
    sendAll(10);

    CompletableFuture<SendReceipt> next = gateway.send(h.fromNewSender());

    assertThat(next).isCompleted();
    assertThat(h.carrier.calls()).hasSize(11);
  }

  @Test
  @DisplayName("after the wait on the clock it lets one trial send through, then closes on success")
  void halfOpensThenCloses() {
    open();
    h.clock.advance(Duration.ofSeconds(30).plusMillis(1));

    CompletableFuture<SendReceipt> trial = gateway.send(h.fromNewSender());
    assertThat(trial).isCompleted();
    CompletableFuture<SendReceipt> first = h.carrier.holding();
    CompletableFuture<SendReceipt> second = h.carrier.holding();
    gateway.send(h.fromNewSender());
    gateway.send(h.fromNewSender()); // half-open would refuse this one while the other is in flight

    assertThat(h.carrier.calls()).hasSize(7);
    first.complete(SendReceipt.queued("SM-a"));
    second.complete(SendReceipt.queued("SM-b"));
  }

  @Test
  @DisplayName("before the wait has passed it still fails fast")
  void staysOpenDuringTheWait() {
    open();
    h.clock.advance(Duration.ofSeconds(29));

    Harness.failure(gateway.send(h.fromNewSender()));

    assertThat(h.carrier.calls()).hasSize(4);
  }

  @Test
  @DisplayName("while the trial send is in flight, other sends fail fast")
  void halfOpenAdmitsOnlyTrials() {
    open();
    h.clock.advance(Duration.ofSeconds(31));
    CompletableFuture<SendReceipt> trial = h.carrier.holding();
    gateway.send(h.fromNewSender());

    GatewayException failure = Harness.failure(gateway.send(h.fromNewSender()));

    assertThat(failure.getMessage()).contains("half-open");
    assertThat(h.carrier.calls()).hasSize(5);
    trial.complete(SendReceipt.queued("SM-trial"));
  }

  @Test
  @DisplayName("a failed trial send opens it again for another wait")
  void failedTrialReopens() {
    open();
    h.clock.advance(Duration.ofSeconds(31));
    h.carrier.failing(outage());
    gateway.send(h.fromNewSender());

    GatewayException failure = Harness.failure(gateway.send(h.fromNewSender()));

    assertThat(failure.getMessage()).contains(T0.plusSeconds(61).toString());
    assertThat(h.carrier.calls()).hasSize(5);
  }

  @Test
  @DisplayName("a trial send the carrier answers with opted-out frees its place for another trial")
  void ignoredTrialFreesItsPlace() {
    open();
    h.clock.advance(Duration.ofSeconds(31));
    h.carrier.failing(carrierFailure(GatewayError.optedOut(), true));
    gateway.send(h.fromNewSender());

    CompletableFuture<SendReceipt> nextTrial = gateway.send(h.fromNewSender());

    assertThat(nextTrial).isCompleted();
    assertThat(h.carrier.calls()).hasSize(6);
  }
}
