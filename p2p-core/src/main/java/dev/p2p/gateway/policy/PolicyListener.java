package dev.p2p.gateway.policy;

import dev.p2p.conversation.FailureKind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.Optional;

/**
 * Hears what a {@link ResilientGateway}'s policy does, for metrics: the waits for rate slots, each
 * call at the carrier, and the circuit breaker once it exists. Calls come on the sending threads
 * and the scheduler's, so an implementation must be thread-safe and quick. Every method does
 * nothing by default.
 */
public interface PolicyListener {
  /** The listener that does nothing. */
  PolicyListener NONE = new PolicyListener() {};

  /**
   * A send got its sender's rate slot and waits this long for it (zero when it was free).
   *
   * @param wait the time until the slot, on the policy's clock
   */
  default void rateWaited(Duration wait) {}

  /**
   * One call at the carrier ended.
   *
   * @param took the call's real time, from the adapter's call to its answer
   * @param failure the kind of its failure; empty when the carrier accepted the message
   */
  default void carrierCalled(Duration took, Optional<FailureKind> failure) {}

  /**
   * The gateway's circuit breaker was built; called once, before any send. For binding the
   * breaker's own metrics (Resilience4j's Micrometer binding, say); the listener must not change
   * the breaker's state.
   *
   * @param breaker the breaker, named by the gateway's id
   */
  default void circuitBreaker(CircuitBreaker breaker) {}
}
