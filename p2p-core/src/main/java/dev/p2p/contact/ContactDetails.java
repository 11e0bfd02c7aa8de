package dev.p2p.contact;

import dev.p2p.internal.Inputs;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What p2p knows of a contact, already normalized: an E.164 phone, names, the place data that
 * quiet-hour rules need, the CRM's external id and custom fields. Text holds no NUL and no lone
 * surrogate: the constructor replaces each by U+FFFD, the same on every store.
 *
 * @param phone the phone in E.164 form, such as {@code +14155552671}
 * @param firstName the first name, empty when unknown
 * @param lastName the last name, empty when unknown
 * @param zip the ZIP or postal code as given
 * @param timeZone the contact's time zone: from the list, else the ZIP code, else the number
 * @param zipState the two-letter state of the ZIP code, when known
 * @param areaCodeState the two-letter state of the number's area code, when known
 * @param externalId the CRM's id for this contact
 * @param fields custom fields by normalized camelCase name ({@code pollingPlace}), in column order
 */
public record ContactDetails(
    String phone,
    String firstName,
    String lastName,
    Optional<String> zip,
    Optional<ZoneId> timeZone,
    Optional<String> zipState,
    Optional<String> areaCodeState,
    Optional<String> externalId,
    Map<String, String> fields) {

  /** Checks presence, copies the fields and replaces each NUL and lone surrogate by U+FFFD. */
  public ContactDetails {
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(zip, "zip");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(zipState, "zipState");
    Objects.requireNonNull(areaCodeState, "areaCodeState");
    Objects.requireNonNull(externalId, "externalId");
    firstName = Inputs.text(firstName);
    lastName = Inputs.text(lastName);
    zip = zip.map(Inputs::text);
    externalId = externalId.map(Inputs::text);
    Map<String, String> copy = new LinkedHashMap<>();
    fields.forEach((name, value) -> copy.put(Inputs.text(name), Inputs.text(value)));
    fields = Collections.unmodifiableMap(copy);
  }

  /** A contact with only a phone, for tests and simple callers. */
  public static ContactDetails ofPhone(String e164) {
    return new ContactDetails(
        e164,
        "",
        "",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of());
  }

  @Override
  public String toString() {
    return "ContactDetails[phone=" + Phones.mask(phone) + ", externalId=" + externalId + "]";
  }
}
