package dev.p2p.examples.webapp;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The example's clock. p2p refuses to text a contact outside their texting window (and never
 * outside 08:00-21:00 local time); so that someone trying the example at night still can, {@code
 * noon-new-york} runs a clock that ticks in real time but reads midday in New York.
 */
final class ExampleClock {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private ExampleClock() {}

  static Clock of(String mode) {
    Clock system = Clock.systemUTC();
    return switch (mode) {
      case "system" -> system;
      case "noon-new-york" ->
          Clock.offset(system, toNoon(ZonedDateTime.now(system.withZone(NEW_YORK))));
      default ->
          throw new IllegalArgumentException(
              "p2p.example.clock must be system or noon-new-york, was " + mode);
    };
  }

  private static Duration toNoon(ZonedDateTime now) {
    return Duration.between(now, now.with(LocalTime.NOON));
  }
}
