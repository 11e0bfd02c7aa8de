package dev.p2p.internal;

import dev.p2p.action.StateRule;
import dev.p2p.action.StateRule.DayHours;
import dev.p2p.action.StateRules;
import dev.p2p.action.TextingHours;
import dev.p2p.action.TextingSettings;
import dev.p2p.contact.ContactDetails;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Quiet-hour arithmetic: whether a contact may be texted now, in the contact's local time, under an
 * action's texting hours, the federal 08:00–21:00 floor (unless the organization waives it) and
 * (when the organization turns them on) the state rules of the contact's area code and ZIP code.
 * Contacts are described by their <em>window key</em>, {@code zone|areaCodeState|zipState}, which
 * stores keep per conversation. Stateless and thread-safe.
 */
public final class TextingWindows {
  private TextingWindows() {}

  /**
   * Where a contact stands now.
   *
   * @param open whether texting is allowed now
   * @param zone the contact's zone used
   * @param closesAt when the current window closes, if open
   * @param opensAt when the next window opens, if closed (empty: none within a week)
   */
  public record Check(
      boolean open, ZoneId zone, Optional<Instant> closesAt, Optional<ZonedDateTime> opensAt) {}

  /** The window key of a contact. */
  public static String key(ContactDetails contact) {
    return contact.timeZone().map(ZoneId::getId).orElse("")
        + "|"
        + contact.areaCodeState().orElse("")
        + "|"
        + contact.zipState().orElse("");
  }

  /** The keys among these that are inside their window now. */
  public static Set<String> openKeys(
      Set<String> keys, TextingHours hours, TextingSettings settings, Instant now) {
    return openWindows(keys, hours, settings, now).open();
  }

  /**
   * The keys inside their window at {@code from}, and the first instant after it when one of them
   * opens or closes: until then the answer stands. Never later than an hour after {@code from}.
   *
   * @param open the keys inside their window
   * @param from when they were checked
   * @param until when the first of them opens or closes
   */
  public record OpenWindows(Set<String> open, Instant from, Instant until) {
    /** Whether the answer still stands at {@code now}. */
    public boolean standsAt(Instant now) {
      return !now.isBefore(from) && now.isBefore(until);
    }
  }

  /** The keys among these that are inside their window now, and until when that stands. */
  public static OpenWindows openWindows(
      Set<String> keys, TextingHours hours, TextingSettings settings, Instant now) {
    Set<String> open = new HashSet<>();
    Instant until = now.plus(Duration.ofHours(1));
    for (String key : keys) {
      Check check = check(key, hours, settings, now);
      Optional<Instant> change =
          check.open() ? check.closesAt() : check.opensAt().map(ZonedDateTime::toInstant);
      if (change.isPresent() && change.get().isBefore(until)) {
        until = change.get();
      }
      if (check.open()) {
        open.add(key);
      }
    }
    return new OpenWindows(Set.copyOf(open), now, until);
  }

  /** Where the contact with this window key stands now. */
  public static Check check(String key, TextingHours hours, TextingSettings settings, Instant now) {
    String[] parts = key.split("\\|", -1);
    ZoneId zone = zone(parts[0], hours.defaultZone());
    List<StateRule> rules = new ArrayList<>();
    if (!settings.waiveFederalQuietHours()) {
      rules.add(StateRules.FEDERAL);
    }
    if (settings.stateRules()) {
      for (int i = 1; i < parts.length; i++) {
        StateRule rule = settings.stateWindows().get(parts[i]);
        if (rule != null) {
          rules.add(rule);
        }
      }
    }
    ZonedDateTime local = now.atZone(zone);
    for (int day = 0; day <= 7; day++) {
      LocalDate date = local.toLocalDate().plusDays(day);
      Optional<DayHours> window = window(date, hours, rules);
      if (window.isEmpty()) {
        continue;
      }
      ZonedDateTime start = date.atTime(window.get().start()).atZone(zone);
      ZonedDateTime end = date.atTime(window.get().end()).atZone(zone);
      if (local.isBefore(start)) {
        return new Check(false, zone, Optional.empty(), Optional.of(start));
      }
      if (local.isBefore(end)) {
        return new Check(true, zone, Optional.of(end.toInstant()), Optional.empty());
      }
    }
    return new Check(false, zone, Optional.empty(), Optional.empty());
  }

  private static Optional<DayHours> window(
      LocalDate date, TextingHours hours, List<StateRule> rules) {
    LocalTime start = hours.start();
    LocalTime end = hours.end();
    for (StateRule rule : rules) {
      Optional<DayHours> day = rule.hours(date.getDayOfWeek());
      if (day.isEmpty()) {
        return Optional.empty();
      }
      start = later(start, day.get().start());
      end = earlier(end, day.get().end());
    }
    return end.isAfter(start) ? Optional.of(new DayHours(start, end)) : Optional.empty();
  }

  private static ZoneId zone(String id, ZoneId fallback) {
    if (id.isEmpty()) {
      return fallback;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return fallback;
    }
  }

  private static LocalTime later(LocalTime a, LocalTime b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalTime earlier(LocalTime a, LocalTime b) {
    return a.isBefore(b) ? a : b;
  }
}
