package dev.p2p.testkit;

import dev.p2p.gateway.SchedulingClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * A clock a test sets and moves forward, so that texting hours, lock windows and token expiry are
 * tested without sleeping. Pass it to {@code P2P.builder().clock(..)} and to {@link FakeGateway}.
 * Its {@link #scheduler()} is a {@link VirtualScheduler} on it, which {@code P2P} waits on unless
 * given a scheduler of the test's own: a sender's rate slots and retry backoffs then move this
 * clock forward instead of sleeping. Thread-safe.
 */
public final class MutableClock extends Clock implements SchedulingClock {
  /** The shared time, so that {@link #withZone} views move together. */
  private static final class Now {
    private Instant value;
    private @Nullable VirtualScheduler scheduler;

    Now(Instant value) {
      this.value = value;
    }
  }

  private final Now now;
  private final ZoneId zone;

  private MutableClock(Now now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock in UTC standing at {@code start}. */
  public static MutableClock at(Instant start) {
    return new MutableClock(new Now(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  /** A clock standing at an ISO-8601 instant such as {@code 2026-11-03T14:30:00Z}. */
  public static MutableClock at(String start) {
    return at(Instant.parse(start));
  }

  /**
   * Moves the clock to a later instant.
   *
   * @throws IllegalArgumentException if it is earlier than now
   */
  public MutableClock set(Instant instant) {
    synchronized (now) {
      if (instant.isBefore(now.value)) {
        throw new IllegalArgumentException(
            "a clock moves forward only: " + instant + " < " + now.value);
      }
      now.value = instant;
    }
    return this;
  }

  /** Moves the clock forward. */
  public MutableClock advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a clock moves forward only: " + duration);
    }
    synchronized (now) {
      now.value = now.value.plus(duration);
    }
    return this;
  }

  @Override
  public Instant instant() {
    synchronized (now) {
      return now.value;
    }
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /**
   * The scheduler on this clock's time that {@code P2P} waits on: each delay moves the clock
   * forward by that much and runs the task at once. The same one for every zone's view.
   */
  @Override
  public ScheduledExecutorService scheduler() {
    synchronized (now) {
      if (now.scheduler == null) {
        now.scheduler = VirtualScheduler.on(this);
      }
      return now.scheduler;
    }
  }

  /** The same instant source seen in another zone. */
  @Override
  public Clock withZone(ZoneId other) {
    return new MutableClock(now, other);
  }
}
