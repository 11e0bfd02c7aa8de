package dev.p2p.internal.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The time zone of a phone number by its prefix, from libphonenumber's {@link
 * PhoneNumberToTimeZonesMapper}. A zone is given only when the mapper names exactly one known zone:
 * a prefix spanning several zones (a split area code, a toll-free number, a whole country) gives
 * none, and the caller falls back to a conservative window.
 *
 * <p>Note the mapper places a mobile number where its area code is, not where its owner lives now.
 * Thread-safe.
 */
final class NumberTimeZones {
  private static final ConcurrentHashMap<String, Optional<ZoneId>> ZONES =
      new ConcurrentHashMap<>();

  private NumberTimeZones() {}

  /**
   * The single zone of an E.164 number such as {@code +14155552671}; empty if it cannot be read.
   */
  static Optional<ZoneId> zoneOf(String e164) {
    try {
      return zoneOf(PhoneNumberUtil.getInstance().parse(e164, "ZZ"));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /** The single zone of a parsed number (validity is not checked again). */
  static Optional<ZoneId> zoneOf(PhoneNumber validNumber) {
    List<String> zones =
        PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForGeographicalNumber(validNumber);
    if (zones.size() != 1) {
      return Optional.empty();
    }
    return ZONES.computeIfAbsent(zones.get(0), NumberTimeZones::zone);
  }

  private static Optional<ZoneId> zone(String id) {
    if (id.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(id));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
