package dev.p2p.internal.contact;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Where a ZIP code lies: its state and time zone.
 *
 * @param state the USPS two-letter state or territory code, such as {@code NY}
 * @param zone the IANA time zone of the ZIP prefix's main city
 */
record Place(String state, ZoneId zone) {
  Place {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(zone, "zone");
  }
}
