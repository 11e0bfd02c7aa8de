package dev.p2p.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.action.TextingHours;
import dev.p2p.action.TextingSettings;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The open window keys at an instant, and until when that answer stands. */
class TextingWindowsTest {
  private static final String NEW_YORK = "America/New_York|NY|NY";
  private static final String LOS_ANGELES = "America/Los_Angeles|CA|CA";
  private static final Set<String> KEYS = Set.of(NEW_YORK, LOS_ANGELES);
  private static final TextingHours HOURS =
      new TextingHours(LocalTime.of(9, 0), LocalTime.of(21, 0), ZoneId.of("America/New_York"));

  @Test
  @DisplayName("before any window opens, nothing is open until the first one opens")
  void early() {
    // Tuesday 3 Nov 2026, 08:30 in New York.
    TextingWindows.OpenWindows w =
        TextingWindows.openWindows(
            KEYS, HOURS, TextingSettings.DEFAULTS, Instant.parse("2026-11-03T13:30:00Z"));
    assertThat(w.open()).isEmpty();
    assertThat(w.until()).isEqualTo(Instant.parse("2026-11-03T14:00:00Z"));
  }

  @Test
  @DisplayName(
      "the answer stands until the next window opens or closes, and not before it was given")
  void standsUntilTheNextChange() {
    Instant tenInNewYork = Instant.parse("2026-11-03T15:00:00Z");
    TextingWindows.OpenWindows w =
        TextingWindows.openWindows(KEYS, HOURS, TextingSettings.DEFAULTS, tenInNewYork);
    assertThat(w.open()).containsExactly(NEW_YORK);
    // Within the hour cap: Los Angeles opens at 17:00Z, two hours on.
    assertThat(w.until()).isEqualTo(tenInNewYork.plusSeconds(3_600));
    assertThat(w.standsAt(tenInNewYork.plusSeconds(3_599))).isTrue();
    assertThat(w.standsAt(tenInNewYork.plusSeconds(3_600))).isFalse();
    assertThat(w.standsAt(tenInNewYork.minusSeconds(1))).isFalse();

    Instant quarterToNoon = Instant.parse("2026-11-03T16:45:00Z");
    assertThat(
            TextingWindows.openWindows(KEYS, HOURS, TextingSettings.DEFAULTS, quarterToNoon)
                .until())
        .isEqualTo(Instant.parse("2026-11-03T17:00:00Z"));
    assertThat(
            TextingWindows.openWindows(
                    KEYS, HOURS, TextingSettings.DEFAULTS, Instant.parse("2026-11-03T17:00:00Z"))
                .open())
        .containsExactlyInAnyOrder(NEW_YORK, LOS_ANGELES);
  }
}
