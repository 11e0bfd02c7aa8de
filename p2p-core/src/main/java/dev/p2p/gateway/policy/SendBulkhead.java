package dev.p2p.gateway.policy;

import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the sends in flight at one carrier. Permits are counted by a Resilience4j {@link Bulkhead}
 * that never blocks; a send over the limit waits in a queue, without holding a thread, until a
 * permit is released or the policy's max wait has passed on the scheduler. Resilience4j's own wait
 * would block the caller's thread in {@code Semaphore.tryAcquire} on the wall clock, which tests
 * cannot drive.
 *
 * <p>Thread-safe. A released permit goes straight to the oldest waiter, if any.
 */
final class SendBulkhead {
  private final String carrier;
  private final Bulkhead permits;
  private final int maxConcurrent;
  private final Duration maxWait;
  private final ScheduledExecutorService scheduler;
  private final Deque<CompletableFuture<Void>> waiters = new ArrayDeque<>();

  SendBulkhead(String carrier, GatewayPolicy policy, ScheduledExecutorService scheduler) {
    this.carrier = carrier;
    this.maxConcurrent = policy.maxConcurrentSends();
    this.maxWait = policy.maxBulkheadWait();
    this.scheduler = scheduler;
    this.permits =
        Bulkhead.of(
            carrier + "-sends",
            BulkheadConfig.custom()
                .maxConcurrentCalls(maxConcurrent)
                .maxWaitDuration(Duration.ZERO)
                .build());
  }

  /**
   * A permit: completed at once when one is free, later when one is handed over, or exceptionally
   * with a {@link GatewayException} once the max wait has passed. Each success needs one {@link
   * #release()}.
   */
  CompletableFuture<Void> acquire() {
    CompletableFuture<Void> waiter = new CompletableFuture<>();
    synchronized (this) {
      if (waiters.isEmpty() && permits.tryAcquirePermission()) {
        return CompletableFuture.completedFuture(null);
      }
      if (maxWait.isZero()) {
        return CompletableFuture.failedFuture(full());
      }
      waiters.addLast(waiter);
    }
    try {
      ScheduledFuture<?> timeout =
          scheduler.schedule(() -> expire(waiter), maxWait.toNanos(), TimeUnit.NANOSECONDS);
      waiter.whenComplete((ok, failed) -> timeout.cancel(false));
    } catch (RejectedExecutionException e) {
      expire(waiter);
    }
    return waiter;
  }

  /** Gives a permit back, to the oldest waiter if there is one. */
  void release() {
    CompletableFuture<Void> next;
    synchronized (this) {
      next = waiters.pollFirst();
      if (next == null) {
        permits.releasePermission();
        return;
      }
    }
    next.complete(null);
  }

  private void expire(CompletableFuture<Void> waiter) {
    synchronized (this) {
      if (!waiters.remove(waiter)) {
        return; // a permit was handed over first
      }
    }
    waiter.completeExceptionally(full());
  }

  private GatewayException full() {
    return GatewayException.builder(carrier, GatewayError.retryable())
        .retrySafe(true)
        .build(
            "too many concurrent sends: "
                + maxConcurrent
                + " already in flight"
                + (maxWait.isZero() ? "" : " after waiting " + maxWait)
                + "; nothing was sent, try again shortly");
  }
}
