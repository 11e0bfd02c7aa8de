package dev.p2p.action;

import dev.p2p.ValidationException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When initial messages may go out, in each contact's local time (their time zone, else their
 * number's, else {@code defaultZone}). Never outside the federal floor, 08:00 to 21:00 local time
 * ({@link StateRules#FEDERAL}), whatever these hours say, unless the organization waives it ({@code
 * TextingSettings.waiveFederalQuietHours()}).
 *
 * @param start the first minute messages may go out, inclusive
 * @param end the time sending stops, exclusive; after {@code start} on the same day
 * @param defaultZone the zone assumed for a contact whose zone is unknown
 */
public record TextingHours(LocalTime start, LocalTime end, ZoneId defaultZone) {
  /**
   * The default: 09:00 to 20:00, New York time for unknown zones. Inside the federal 08:00–21:00
   * window and the stricter 08:00–20:00 and 09:00–20:00 windows of several states.
   */
  public static final TextingHours DEFAULT =
      new TextingHours(LocalTime.of(9, 0), LocalTime.of(20, 0), ZoneId.of("America/New_York"));

  /**
   * Checks presence, that both times are whole minutes and that the window is not empty.
   *
   * @throws ValidationException naming {@code textingHours} if a time has seconds or if {@code end}
   *     is not after {@code start}
   */
  public TextingHours {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(defaultZone, "defaultZone");
    if (!isWholeMinute(start) || !isWholeMinute(end)) {
      throw ValidationException.of("textingHours", "must start and end on whole minutes (09:00)");
    }
    if (!end.isAfter(start)) {
      throw ValidationException.of("textingHours", "must end after they start");
    }
  }

  private static boolean isWholeMinute(LocalTime time) {
    return time.getSecond() == 0 && time.getNano() == 0;
  }

  /** Whether a local time falls inside the window. */
  public boolean contains(LocalTime time) {
    return !time.isBefore(start) && time.isBefore(end);
  }
}
