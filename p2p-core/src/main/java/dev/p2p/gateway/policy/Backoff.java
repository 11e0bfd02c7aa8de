package dev.p2p.gateway.policy;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The wait before a retry: exponential from the policy's initial backoff, capped at its max
 * backoff, varied at random by its jitter factor, and never shorter than the carrier's retry-after.
 * Thread-safe when its random source is.
 */
final class Backoff {
  private final GatewayPolicy policy;
  private final DoubleSupplier random;

  /**
   * @param random uniform numbers in [0, 1)
   */
  Backoff(GatewayPolicy policy, DoubleSupplier random) {
    this.policy = policy;
    this.random = random;
  }

  /**
   * The wait after the given failed attempt.
   *
   * @param attempt the attempt that just failed, from 1
   * @param retryAfter the carrier's requested delay, if it gave one
   */
  Duration delay(int attempt, Optional<Duration> retryAfter) {
    double base =
        policy.initialBackoff().toNanos() * Math.pow(policy.backoffMultiplier(), attempt - 1);
    double jitter = policy.jitterFactor() * (2 * random.getAsDouble() - 1);
    double nanos = Math.min(base * (1 + jitter), policy.maxBackoff().toNanos());
    Duration chosen = Duration.ofNanos(Math.max(1, Math.round(nanos)));
    return retryAfter.filter(after -> after.compareTo(chosen) > 0).orElse(chosen);
  }
}
