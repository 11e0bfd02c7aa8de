package dev.p2p.gateway.policy;

import static dev.p2p.gateway.policy.Harness.LONG_CODE;
import static dev.p2p.gateway.policy.Harness.T0;
import static dev.p2p.gateway.policy.Harness.carrierFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.NumberType;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Retry repeats only what is safe to repeat")
class RetryTest {
  private final Harness h = new Harness();

  /** Retries on a fixed exponential; the circuit never opens (it would need 10,000 sends). */
  private static GatewayPolicy.Builder retrying() {
    return Harness.isolated()
        .slidingWindowSize(10_000)
        .minimumCalls(10_000)
        .maxAttempts(4)
        .initialBackoff(Duration.ofSeconds(1))
        .backoffMultiplier(2)
        .maxBackoff(Duration.ofMinutes(1))
        .jitterFactor(0);
  }

  private static GatewayException transientFailure() {
    return carrierFailure(GatewayError.retryable(), true);
  }

  @Test
  @DisplayName("a retry-safe transient failure is retried, each backoff twice the one before")
  void backoffGrows() {
    ResilientGateway gateway = h.wrap(retrying().build());
    h.carrier.failing(3, RetryTest::transientFailure);

    CompletableFuture<SendReceipt> sent = gateway.send(h.from(LONG_CODE));
    h.scheduler.advance(Duration.ofMinutes(1));

    assertThat(sent).isCompleted();
    assertThat(h.carrier.callTimes())
        .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(3), T0.plusSeconds(7));
  }

  @Test
  @DisplayName("with jitter, each backoff stays within its factor either side of the exponential")
  void jitterStaysWithinBounds() {
    ResilientGateway gateway = h.wrap(retrying().jitterFactor(0.5).build());
    List<Duration> first = new ArrayList<>();
    List<Duration> second = new ArrayList<>();
    List<Duration> third = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      h.carrier.calls().clear();
      h.carrier.failing(3, RetryTest::transientFailure);
      gateway.send(h.from(Sender.number("+1555123" + String.format("%04d", i))));
      h.scheduler.advance(Duration.ofMinutes(1));
      List<Instant> at = h.carrier.callTimes();
      assertThat(at).hasSize(4);
      first.add(Duration.between(at.get(0), at.get(1)));
      second.add(Duration.between(at.get(1), at.get(2)));
      third.add(Duration.between(at.get(2), at.get(3)));
    }

    assertThat(first).allSatisfy(d -> assertBetween(d, 500, 1_500));
    assertThat(second).allSatisfy(d -> assertBetween(d, 1_000, 3_000));
    assertThat(third).allSatisfy(d -> assertBetween(d, 2_000, 6_000));
    assertThat(new HashSet<>(first)).as("jitter varies the waits").hasSizeGreaterThan(1);
  }

  private static void assertBetween(Duration d, long minMillis, long maxMillis) {
    assertThat(d).isBetween(Duration.ofMillis(minMillis), Duration.ofMillis(maxMillis));
  }

  @Test
  @DisplayName("no backoff exceeds the max backoff")
  void backoffIsCapped() {
    ResilientGateway gateway =
        h.wrap(retrying().backoffMultiplier(10).maxBackoff(Duration.ofSeconds(5)).build());
    h.carrier.failing(3, RetryTest::transientFailure);

    gateway.send(h.from(LONG_CODE));
    h.scheduler.advance(Duration.ofMinutes(1));

    assertThat(h.carrier.callTimes())
        .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(6), T0.plusSeconds(11));
  }

  @Test
  @DisplayName("a rate-limited failure is retried no sooner than the carrier's retry-after")
  void rateLimitedWaitsRetryAfter() {
    ResilientGateway gateway = h.wrap(retrying().jitterFactor(0.5).build());
    h.carrier.failing(
        GatewayException.builder(
                "scripted", GatewayError.rateLimited(Optional.of(Duration.ofSeconds(20))))
            .httpStatus(429)
            .build("too many requests"));

    CompletableFuture<SendReceipt> sent = gateway.send(h.from(LONG_CODE));
    h.scheduler.advance(Duration.ofSeconds(19));
    assertThat(h.carrier.calls()).hasSize(1);
    h.scheduler.advance(Duration.ofSeconds(1));

    assertThat(sent).isCompleted();
    assertThat(h.carrier.callTimes()).containsExactly(T0, T0.plusSeconds(20));
  }

  @Test
  @DisplayName("a rate-limited failure without a retry-after waits the policy's backoff")
  void rateLimitedWithoutRetryAfter() {
    ResilientGateway gateway = h.wrap(retrying().build());
    h.carrier.failing(carrierFailure(GatewayError.rateLimited(Optional.empty()), true));

    gateway.send(h.from(LONG_CODE));
    h.scheduler.advance(Duration.ofMinutes(1));

    assertThat(h.carrier.callTimes()).containsExactly(T0, T0.plusSeconds(1));
  }

  @Test
  @DisplayName("a failure that may have reached the carrier is returned as it is, never retried")
  void notRetrySafeIsNotRetried() {
    ResilientGateway gateway = h.wrap(retrying().build());
    GatewayException timeout = carrierFailure(GatewayError.retryable(), false);
    h.carrier.failing(timeout);

    CompletableFuture<SendReceipt> sent = gateway.send(h.from(LONG_CODE));
    h.scheduler.advance(Duration.ofMinutes(5));

    assertThat(Harness.failure(sent)).isSameAs(timeout);
    assertThat(h.carrier.calls()).hasSize(1);
  }

  static Stream<GatewayError> finalErrors() {
    return Stream.of(
        GatewayError.optedOut(),
        GatewayError.invalidNumber(),
        GatewayError.permanent(),
        GatewayError.authentication());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("finalErrors")
  @DisplayName("opted-out, invalid-number, permanent and authentication failures are not retried")
  void finalErrorsAreNotRetried(GatewayError error) {
    ResilientGateway gateway = h.wrap(retrying().build());
    GatewayException refused = carrierFailure(error, true);
    h.carrier.failing(refused);

    CompletableFuture<SendReceipt> sent = gateway.send(h.from(LONG_CODE));
    h.scheduler.advance(Duration.ofMinutes(5));

    assertThat(Harness.failure(sent)).isSameAs(refused);
    assertThat(h.carrier.calls()).hasSize(1);
  }

  @Test
  @DisplayName("attempts stop at the max; the last failure is returned")
  void attemptsAreCapped() {
    ResilientGateway gateway = h.wrap(retrying().maxAttempts(3).build());
    GatewayException last = transientFailure();
    h.carrier
        .failing(2, RetryTest::transientFailure)
        .failing(last)
        .failing(3, RetryTest::transientFailure);

    CompletableFuture<SendReceipt> sent = gateway.send(h.from(LONG_CODE));
    h.scheduler.advance(Duration.ofMinutes(5));

    assertThat(Harness.failure(sent)).isSameAs(last);
    assertThat(h.carrier.calls()).hasSize(3);
  }

  @Test
  @DisplayName("an exception thrown by the adapter is a transient failure that is not retry-safe")
  void thrownExceptionIsWrappedAndNotRetried() {
    ResilientGateway gateway = h.wrap(retrying().build());
    IllegalStateException bug = new IllegalStateException("adapter bug");
    h.carrier.throwing(bug);

    CompletableFuture<SendReceipt> sent = gateway.send(h.from(LONG_CODE));
    h.scheduler.advance(Duration.ofMinutes(5));

    GatewayException failure = Harness.failure(sent);
    assertThat(failure.error()).isEqualTo(GatewayError.retryable());
    assertThat(failure.retrySafe()).isFalse();
    assertThat(failure.gateway()).isEqualTo("scripted");
    assertThat(failure).hasCause(bug);
    assertThat(h.carrier.calls()).hasSize(1);
  }

  @Test
  @DisplayName("a stage failed with a non-gateway exception is wrapped the same way")
  void failedStageIsWrappedAndNotRetried() {
    ResilientGateway gateway = h.wrap(retrying().build());
    UncheckedIOException io = new UncheckedIOException(new java.io.IOException("reset"));
    h.carrier.failing(io);

    CompletableFuture<SendReceipt> sent = gateway.send(h.from(LONG_CODE));
    h.scheduler.advance(Duration.ofMinutes(5));

    GatewayException failure = Harness.failure(sent);
    assertThat(failure.retrySafe()).isFalse();
    assertThat(failure).hasCause(io);
    assertThat(h.carrier.calls()).hasSize(1);
  }

  @Test
  @DisplayName("a retry waits for its sender's rate slot too")
  void retryRespectsTheRate() {
    ResilientGateway gateway =
        h.wrap(
            retrying()
                .initialBackoff(Duration.ofMillis(100))
                .messagesPerSecond(NumberType.LONG_CODE, 1)
                .build());
    h.carrier.failing(transientFailure());

    gateway.send(h.from(LONG_CODE));
    h.scheduler.advance(Duration.ofMinutes(1));

    assertThat(h.carrier.callTimes()).containsExactly(T0, T0.plusSeconds(1));
  }

  @Test
  @DisplayName("the rate limiter's refusal is returned at once, not retried")
  void rateRefusalIsNotRetried() {
    ResilientGateway gateway =
        h.wrap(
            retrying()
                .messagesPerSecond(NumberType.LONG_CODE, 1)
                .maxRateWait(Duration.ZERO)
                .build());
    gateway.send(h.from(LONG_CODE));

    CompletableFuture<SendReceipt> refused = gateway.send(h.from(LONG_CODE));

    assertThat(Harness.failure(refused).error()).isInstanceOf(GatewayError.RateLimited.class);
    assertThat(h.scheduler.pending()).isZero();
    assertThat(h.carrier.calls()).hasSize(1);
  }

  @Test
  @DisplayName("the open circuit's refusal is returned at once, not retried")
  void circuitRefusalIsNotRetried() {
    ResilientGateway gateway =
        h.wrap(retrying().maxAttempts(2).slidingWindowSize(2).minimumCalls(2).build());
    h.carrier.failing(2, () -> carrierFailure(GatewayError.retryable(), false));
    gateway.send(h.fromNewSender());
    gateway.send(h.fromNewSender());

    CompletableFuture<SendReceipt> refused = gateway.send(h.fromNewSender());

    assertThat(Harness.failure(refused).getMessage()).contains("circuit open");
    assertThat(h.scheduler.pending()).isZero();
    assertThat(h.carrier.calls()).hasSize(2);
  }
}
