package dev.p2p.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock a test sets and moves forward, so that texting hours, lock windows and token expiry are
 * tested without sleeping. Pass it to {@code P2P.builder().clock(..)} and to {@link FakeGateway}.
 * Thread-safe.
 */
public final class MutableClock extends Clock {
  /** The shared time, so that {@link #withZone} views move together. */
  private static final class Now {
    private Instant value;

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

  /** The same instant source seen in another zone. */
  @Override
  public Clock withZone(ZoneId other) {
    return new MutableClock(now, other);
  }
}
