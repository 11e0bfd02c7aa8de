package dev.p2p.gateway.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.p2p.contact.Phones;
import dev.p2p.gateway.Sender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Spaces each sender's sends at its rate: every send reserves the sender's next free slot, one
 * interval ({@code 1 s / rate}) after the slot before it, and waits for it, or is refused when the
 * slot is further away than the policy's max wait (then nothing is reserved).
 *
 * <p>Why not Resilience4j's {@code RateLimiter}: in 2.3.0 its {@code AtomicRateLimiter} reads
 * {@code System.nanoTime()}, so tests cannot drive it with a clock and would have to sleep; it also
 * needs one instance per sender, with no eviction. This limiter reads the injected {@link Clock}
 * and keeps one instant per sender in a Caffeine cache (on the same clock) that drops the sender
 * once its next slot has passed: an absent sender and an idle one are the same thing.
 *
 * <p>Thread-safe: a reservation is one atomic {@code compute} on the sender's entry.
 */
final class SenderRateLimiter {
  /** Kept a little past the next slot, in case the clock and the cache's view of it disagree. */
  private static final long GRACE_NANOS = Duration.ofSeconds(1).toNanos();

  private final GatewayPolicy policy;
  private final Clock clock;
  private final Cache<String, Instant> nextSlot;

  SenderRateLimiter(GatewayPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
    this.nextSlot =
        Caffeine.newBuilder()
            .ticker(() -> nanos(clock.instant()))
            .executor(Runnable::run)
            .expireAfter(new UntilSlotPassed())
            .build();
  }

  /** What a reservation got: a slot after {@code delay}, or a refusal {@code delay} short of it. */
  record Reservation(boolean granted, Duration delay) {}

  /** Reserves the sender's next slot, unless it is further away than the policy's max wait. */
  Reservation reserve(Sender sender) {
    Instant now = clock.instant();
    Duration interval = interval(policy.messagesPerSecond(sender));
    AtomicReference<Reservation> outcome = new AtomicReference<>();
    nextSlot
        .asMap()
        .compute(
            sender.address(),
            (address, free) -> {
              Instant slot = free == null || free.isBefore(now) ? now : free;
              Duration wait = Duration.between(now, slot);
              if (wait.compareTo(policy.maxRateWait()) > 0) {
                outcome.set(new Reservation(false, wait));
                return free;
              }
              outcome.set(new Reservation(true, wait));
              return slot.plus(interval);
            });
    return Objects.requireNonNull(outcome.get(), "compute always decides");
  }

  /** How many senders the limiter remembers: those whose next slot has not passed. */
  long trackedSenders() {
    nextSlot.cleanUp();
    return nextSlot.estimatedSize();
  }

  /** The time between two sends at a rate. */
  static Duration interval(double messagesPerSecond) {
    return Duration.ofNanos(Math.round(1_000_000_000d / messagesPerSecond));
  }

  /** A sender's address safe to log: E.164 numbers masked; short codes and services as they are. */
  static String mask(String address) {
    return Phones.maskSender(address);
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static final class UntilSlotPassed implements Expiry<String, Instant> {
    @Override
    public long expireAfterCreate(String address, Instant slot, long currentTime) {
      return Math.max(0, nanos(slot) - currentTime) + GRACE_NANOS;
    }

    @Override
    public long expireAfterUpdate(
        String address, Instant slot, long currentTime, long currentDuration) {
      return expireAfterCreate(address, slot, currentTime);
    }

    @Override
    public long expireAfterRead(
        String address, Instant slot, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
