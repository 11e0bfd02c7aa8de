package dev.p2p.internal.contact;

import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.NewContact;
import dev.p2p.internal.Validation;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a contact as the CRM or a CSV file has it into {@link ContactDetails}: the phone in E.164,
 * the time zone (the contact's own, else its ZIP code's, else its number's), the ZIP's state, the
 * area code's state and custom fields under camelCase names. Every problem is reported at once.
 *
 * <p>Immutable and thread-safe.
 */
final class ContactNormalizer {
  /** The longest ZIP or postal code accepted: {@value} characters. */
  static final int MAX_ZIP = 20;

  /** The longest time zone id accepted: {@value} characters. */
  static final int MAX_TIME_ZONE = 64;

  /** The longest external id accepted: {@value} characters. */
  static final int MAX_EXTERNAL_ID = 255;

  private static final String TOO_LONG = "must be at most %d characters";

  private final String defaultRegion;

  /**
   * Creates a normalizer.
   *
   * @param defaultRegion the ISO 3166 region for phones written without a country code, such as
   *     {@code US}
   */
  ContactNormalizer(String defaultRegion) {
    this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
  }

  /** This normalizer if it uses {@code region}, else one that does. */
  ContactNormalizer withRegion(String region) {
    return defaultRegion.equalsIgnoreCase(region) ? this : new ContactNormalizer(region);
  }

  /**
   * Normalizes a phone written in any common format to E.164, for look-ups.
   *
   * @throws ValidationException naming {@code phone} if it is not a valid phone number
   */
  String phone(String raw) {
    PhoneNormalizer.Result result = PhoneNormalizer.normalize(raw, defaultRegion);
    if (result.e164() == null) {
      throw ValidationException.of(
          "phone", result.problem() == null ? "is not a valid phone number" : result.problem());
    }
    return result.e164();
  }

  /** Whether the text is a valid phone number in this normalizer's region. */
  boolean isPhone(String raw) {
    return PhoneNormalizer.normalize(raw, defaultRegion).e164() != null;
  }

  /**
   * Validates and normalizes a contact added through the API.
   *
   * @throws ValidationException listing every problem, sorted by field
   */
  ContactDetails normalize(NewContact contact) {
    List<Violation> problems = new ArrayList<>(Validation.violations(contact));
    Set<String> flagged = new HashSet<>();
    problems.forEach(v -> flagged.add(v.field()));
    Map<String, String> fields = fieldsByNormalizedName(contact.fields(), problems);
    Outcome outcome =
        normalize(
            new RawContact(
                contact.phone(),
                contact.firstName(),
                contact.lastName(),
                contact.zip().orElse(""),
                contact.timeZone().orElse(""),
                contact.externalId().orElse(""),
                fields));
    for (Violation v : outcome.violations()) {
      if (!flagged.contains(v.field())) {
        problems.add(v);
      }
    }
    Validation.require(problems);
    if (outcome.details() == null) {
      throw new IllegalStateException("no details and no violations");
    }
    return outcome.details();
  }

  /**
   * Normalizes raw text without throwing for bad input: the importer's per-row path.
   *
   * @return the details, or every problem in column order
   */
  Outcome normalize(RawContact raw) {
    List<Violation> problems = new ArrayList<>(2);
    PhoneNormalizer.Result phone = PhoneNormalizer.normalize(raw.phone(), defaultRegion);
    if (!phone.valid()) {
      problems.add(new Violation(FieldNames.PHONE, String.valueOf(phone.problem())));
    }
    String firstName = text(FieldNames.FIRST_NAME, raw.firstName(), NewContact.MAX_TEXT, problems);
    String lastName = text(FieldNames.LAST_NAME, raw.lastName(), NewContact.MAX_TEXT, problems);
    String zip = text(FieldNames.ZIP, raw.zip(), MAX_ZIP, problems);
    String zoneText = text(FieldNames.TIME_ZONE, raw.timeZone(), MAX_TIME_ZONE, problems);
    ZoneId ownZone = zoneText.isEmpty() ? null : Zones.BY_LOWER_CASE_ID.get(lower(zoneText));
    if (!zoneText.isEmpty() && ownZone == null && zoneText.length() <= MAX_TIME_ZONE) {
      problems.add(
          new Violation(FieldNames.TIME_ZONE, "is not a known time zone such as America/Chicago"));
    }
    String externalId = text(FieldNames.EXTERNAL_ID, raw.externalId(), MAX_EXTERNAL_ID, problems);
    Map<String, String> fields = new LinkedHashMap<>();
    raw.fields()
        .forEach(
            (name, value) ->
                fields.put(name, text("fields." + name, value, NewContact.MAX_TEXT, problems)));
    PhoneNumber number = phone.number();
    if (!problems.isEmpty() || number == null || phone.e164() == null) {
      return new Outcome(null, problems);
    }
    Optional<Place> place = zip.isEmpty() ? Optional.empty() : ZipDirectory.place(zip);
    Optional<ZoneId> zone =
        ownZone != null
            ? Optional.of(ownZone)
            : place.map(Place::zone).or(() -> NumberTimeZones.zoneOf(number));
    String e164 = phone.e164();
    ContactDetails details =
        new ContactDetails(
            e164,
            firstName,
            lastName,
            zip.isEmpty() ? Optional.empty() : Optional.of(zip),
            zone,
            place.map(Place::state),
            AreaCodeStates.stateOf(e164),
            externalId.isEmpty() ? Optional.empty() : Optional.of(externalId),
            fields);
    return new Outcome(details, List.of());
  }

  /** The longest text accepted for a field, built-in or custom ({@code fields.x}). */
  static int maxLength(String field) {
    switch (field) {
      case FieldNames.PHONE:
        return PhoneNormalizer.MAX_LENGTH;
      case FieldNames.ZIP:
        return MAX_ZIP;
      case FieldNames.TIME_ZONE:
        return MAX_TIME_ZONE;
      case FieldNames.EXTERNAL_ID:
        return MAX_EXTERNAL_ID;
      default:
        return NewContact.MAX_TEXT;
    }
  }

  /** Custom fields of the API under their camelCase names; bad names are added to problems. */
  private static Map<String, String> fieldsByNormalizedName(
      Map<String, String> given, List<Violation> problems) {
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, String> givenNameOf = new HashMap<>();
    given.forEach(
        (name, value) -> {
          String normalized = FieldNames.normalize(name);
          String field = "fields." + name;
          if (normalized.isEmpty()) {
            problems.add(new Violation(field, "has no letters or digits to name a field"));
          } else if (FieldNames.BUILT_IN.contains(normalized)) {
            problems.add(
                new Violation(
                    field, "is the name of the built-in field " + normalized + "; rename it"));
          } else if (givenNameOf.containsKey(normalized)) {
            problems.add(
                new Violation(
                    field,
                    "becomes "
                        + normalized
                        + ", like fields."
                        + givenNameOf.get(normalized)
                        + "; rename one"));
          } else {
            givenNameOf.put(normalized, name);
            fields.put(normalized, value);
          }
        });
    return fields;
  }

  private static String text(String field, String value, int max, List<Violation> problems) {
    String stripped = value.strip();
    if (stripped.length() > max) {
      problems.add(new Violation(field, String.format(Locale.ROOT, TOO_LONG, max)));
    }
    return stripped;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * The result of normalizing raw text: details, or the problems found.
   *
   * @param details the normalized contact, when valid
   * @param violations every problem, in column order; empty when valid
   */
  record Outcome(@Nullable ContactDetails details, List<Violation> violations) {}

  private static final class Zones {
    static final Map<String, ZoneId> BY_LOWER_CASE_ID = load();

    private static Map<String, ZoneId> load() {
      Map<String, ZoneId> zones = new HashMap<>();
      for (String id : ZoneId.getAvailableZoneIds()) {
        zones.put(lower(id), ZoneId.of(id));
      }
      return Map.copyOf(zones);
    }
  }
}
