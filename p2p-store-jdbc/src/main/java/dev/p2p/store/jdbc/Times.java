package dev.p2p.store.jdbc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants in timestamp columns: stored as UTC without a zone, to the microsecond, which every
 * supported database keeps exactly.
 */
final class Times {
  private Times() {}

  /** The instant as the databases store it: truncated to the microsecond. */
  static Instant stored(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** The value to bind to a timestamp column. */
  static LocalDateTime toColumn(Instant instant) {
    return LocalDateTime.ofInstant(stored(instant), ZoneOffset.UTC);
  }

  /** The instant read from a timestamp column. */
  static Instant fromColumn(LocalDateTime value) {
    return value.toInstant(ZoneOffset.UTC);
  }
}
