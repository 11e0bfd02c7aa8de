package dev.p2p.action;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.time.LocalTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state quiet-hour rules p2p ships, from the compliance charts summarized in p2p's domain notes
 * (docs/domain.md §1.2, read November 2026). Laws change: an organization keeps its own copy in
 * {@code TextingSettings.stateRules()} and updates it there. Holidays are not modelled.
 */
public final class StateRules {
  /**
   * The federal baseline (47 CFR § 64.1200(c)(1)): 08:00 to 21:00 at the contact's location.
   * Applies to every initial message, state rules on or off, unless the organization waives it
   * ({@code TextingSettings.waiveFederalQuietHours()}).
   */
  public static final StateRule FEDERAL = daily(8, 21);

  private StateRules() {}

  /** The stricter states' rules by USPS code, as shipped. */
  public static Map<String, StateRule> defaults() {
    Map<String, StateRule> rules = new TreeMap<>();
    for (String state : new String[] {"FL", "OK", "WA", "MD", "MA", "NJ"}) {
      rules.put(state, daily(8, 20));
    }
    rules.put("MS", daily(8, 20).closedOn(SUNDAY));
    rules.put("AL", daily(8, 20).closedOn(SUNDAY));
    rules.put("LA", daily(8, 20).closedOn(SUNDAY));
    rules.put("CT", daily(9, 20));
    rules.put("TX", daily(9, 21).on(LocalTime.of(12, 0), LocalTime.of(21, 0), SUNDAY));
    rules.put(
        "RI",
        daily(9, 18)
            .on(LocalTime.of(10, 0), LocalTime.of(17, 0), SATURDAY, SUNDAY)
            .on(
                LocalTime.of(9, 0),
                LocalTime.of(18, 0),
                MONDAY,
                TUESDAY,
                WEDNESDAY,
                THURSDAY,
                FRIDAY));
    rules.put("KY", daily(10, 21));
    for (String state : new String[] {"MI", "MN", "NM"}) {
      rules.put(state, daily(9, 21));
    }
    rules.put("NV", daily(9, 20));
    return rules;
  }

  private static StateRule daily(int startHour, int endHour) {
    return StateRule.daily(LocalTime.of(startHour, 0), LocalTime.of(endHour, 0));
  }
}
