package dev.p2p.internal.contact;

import dev.p2p.contact.NewContact;
import java.util.Map;
import java.util.Objects;

/**
 * A contact's text as read from a CSV row or a {@link NewContact}, before normalization. Absent
 * values are empty strings.
 *
 * @param phone the phone as written
 * @param firstName the first name
 * @param lastName the last name
 * @param zip the ZIP or postal code
 * @param timeZone the IANA time zone id as written
 * @param externalId the CRM's id
 * @param fields custom fields by already normalized camelCase name, in column order
 */
record RawContact(
    String phone,
    String firstName,
    String lastName,
    String zip,
    String timeZone,
    String externalId,
    Map<String, String> fields) {
  RawContact {
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(zip, "zip");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(fields, "fields");
  }
}
