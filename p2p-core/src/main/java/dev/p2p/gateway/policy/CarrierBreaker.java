package dev.p2p.gateway.policy;

import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One carrier's circuit breaker: Resilience4j's {@link CircuitBreaker} on the injected clock, with
 * a count-based window and no automatic open-to-half-open timer (the move happens on the first send
 * after the wait, so that it follows the clock and needs no thread of its own).
 *
 * <p>Only failures that say something about the carrier's health are recorded: {@link
 * GatewayError.Retryable} (5xx, timeouts, refused connections, an adapter's own bug) and {@link
 * GatewayError.Authentication} (no send can succeed until the credentials are fixed). The others
 * are ignored, neither failure nor success: {@link GatewayError.OptedOut}, {@link
 * GatewayError.InvalidNumber} and {@link GatewayError.Permanent} are about the contact or the
 * message, and {@link GatewayError.RateLimited} is about our pace, often one sender's, which the
 * retry's backoff and the rate limiter already handle; opening the circuit for it would stop every
 * sender of the carrier.
 *
 * <p>Thread-safe. Logs a WARN when the circuit opens.
 */
final class CarrierBreaker {
  private static final Logger log = LoggerFactory.getLogger(ResilientGateway.class);

  private final String carrier;
  private final Clock clock;
  private final GatewayPolicy policy;
  private final CircuitBreaker breaker;
  private volatile Instant openUntil = Instant.EPOCH;

  CarrierBreaker(String name, String carrier, GatewayPolicy policy, Clock clock) {
    this.carrier = carrier;
    this.clock = clock;
    this.policy = policy;
    CircuitBreakerConfig config =
        CircuitBreakerConfig.custom()
            .clock(clock)
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(policy.slidingWindowSize())
            .minimumNumberOfCalls(policy.minimumCalls())
            .failureRateThreshold(policy.failureRateThreshold())
            .waitDurationInOpenState(policy.waitInOpenState())
            .permittedNumberOfCallsInHalfOpenState(policy.halfOpenCalls())
            .automaticTransitionFromOpenToHalfOpenEnabled(false)
            .recordException(CarrierBreaker::isCarrierFailure)
            .ignoreException(failure -> !isCarrierFailure(failure))
            .writableStackTraceEnabled(false)
            .build();
    this.breaker = CircuitBreaker.of(name, config);
    breaker.getEventPublisher().onStateTransition(this::onTransition);
  }

  /** Whether a failure counts against the carrier's health. */
  static boolean isCarrierFailure(Throwable failure) {
    return failure instanceof GatewayException e
        && (e.error() instanceof GatewayError.Retryable
            || e.error() instanceof GatewayError.Authentication);
  }

  /**
   * Where the circuit stands. An open circuit whose wait has passed reads as half-open: the next
   * send moves it there (no timer does).
   */
  CircuitState state() {
    return switch (breaker.getState()) {
      case OPEN, FORCED_OPEN ->
          clock.instant().isBefore(openUntil) ? CircuitState.OPEN : CircuitState.HALF_OPEN;
      case HALF_OPEN -> CircuitState.HALF_OPEN;
      default -> CircuitState.CLOSED;
    };
  }

  /** The Resilience4j breaker itself, for binding its metrics. */
  CircuitBreaker resilience4j() {
    return breaker;
  }

  /** Takes a permit to call the carrier; false when the circuit refuses. */
  boolean tryAcquire() {
    return breaker.tryAcquirePermission();
  }

  /** Gives back a permit that was not used to call the carrier. */
  void release() {
    breaker.releasePermission();
  }

  /** Records a call the carrier accepted. */
  void onSuccess() {
    breaker.onSuccess(0, TimeUnit.NANOSECONDS); // durations unused: no slow-call detection
  }

  /** Records a failed call; the failure's kind decides whether it counts. */
  void onFailure(GatewayException failure) {
    breaker.onError(0, TimeUnit.NANOSECONDS, failure);
  }

  /** The failure for a send the circuit refused. */
  GatewayException refusal() {
    Instant until = openUntil;
    Instant now = clock.instant();
    if (until.isBefore(now)) { // refused before the transition listener set the time
      until = now.plus(policy.waitInOpenState());
    }
    String why =
        breaker.getState() == CircuitBreaker.State.HALF_OPEN
            ? "circuit half-open: its "
                + policy.halfOpenCalls()
                + " trial sends are in flight; nothing was sent, try again shortly"
            : "circuit open after repeated carrier failures: not calling the carrier until "
                + until
                + "; nothing was sent, try again after that";
    return GatewayException.builder(carrier, GatewayError.retryable()).retrySafe(true).build(why);
  }

  private void onTransition(CircuitBreakerOnStateTransitionEvent event) {
    CircuitBreaker.State to = event.getStateTransition().getToState();
    if (to == CircuitBreaker.State.OPEN) {
      openUntil = clock.instant().plus(policy.waitInOpenState());
      CircuitBreaker.Metrics metrics = breaker.getMetrics();
      log.warn(
          "{}: circuit opened ({} of the last {} recorded sends failed at the carrier);"
              + " sends fail fast until {}",
          carrier,
          metrics.getNumberOfFailedCalls(),
          metrics.getNumberOfBufferedCalls(),
          openUntil);
    } else if (to == CircuitBreaker.State.HALF_OPEN) {
      log.info(
          "{}: circuit half-open, letting {} trial sends through", carrier, policy.halfOpenCalls());
    } else if (to == CircuitBreaker.State.CLOSED) {
      log.info("{}: circuit closed, the carrier answers again", carrier);
    }
  }
}
