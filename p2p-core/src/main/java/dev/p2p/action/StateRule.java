package dev.p2p.action;

import dev.p2p.ValidationException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A state's legal texting window by day of week, in the contact's local time. A day without hours
 * allows no texting at all (Sundays in Mississippi, say). Build one with {@link #daily} and refine
 * it with {@link #on} and {@link #closedOn}.
 *
 * @param days the hours for each day that allows texting
 */
public record StateRule(Map<DayOfWeek, DayHours> days) {

  /**
   * One day's window: texting allowed from {@code start} (inclusive) to {@code end} (exclusive).
   *
   * @param start when it opens
   * @param end when it closes, after {@code start}
   */
  public record DayHours(LocalTime start, LocalTime end) {
    /**
     * Checks the order.
     *
     * @throws ValidationException naming {@code hours} if the window does not end after it starts
     */
    public DayHours {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (!end.isAfter(start)) {
        throw ValidationException.of(
            "hours", "must end after they start (" + start + "-" + end + ")");
      }
    }
  }

  /** Copies the days. */
  public StateRule {
    EnumMap<DayOfWeek, DayHours> copy = new EnumMap<>(DayOfWeek.class);
    copy.putAll(days);
    days = Collections.unmodifiableMap(copy);
  }

  /** The same window every day of the week. */
  public static StateRule daily(LocalTime start, LocalTime end) {
    EnumMap<DayOfWeek, DayHours> days = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      days.put(day, new DayHours(start, end));
    }
    return new StateRule(days);
  }

  /** This rule with other hours on some days. */
  public StateRule on(LocalTime start, LocalTime end, DayOfWeek... on) {
    EnumMap<DayOfWeek, DayHours> copy = new EnumMap<>(DayOfWeek.class);
    copy.putAll(days);
    for (DayOfWeek day : on) {
      copy.put(day, new DayHours(start, end));
    }
    return new StateRule(copy);
  }

  /** This rule with no texting at all on some days. */
  public StateRule closedOn(DayOfWeek... closed) {
    EnumMap<DayOfWeek, DayHours> copy = new EnumMap<>(DayOfWeek.class);
    copy.putAll(days);
    for (DayOfWeek day : closed) {
      copy.remove(day);
    }
    return new StateRule(copy);
  }

  /** The hours on a day; empty if the day allows no texting. */
  public Optional<DayHours> hours(DayOfWeek day) {
    return Optional.ofNullable(days.get(day));
  }
}
