package dev.p2p.testkit;

import dev.p2p.contact.Phones;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One data row of a {@link ContactCsvGenerator} file, with what an importer should make of it.
 *
 * @param number the row number, 1 for the first row after the header
 * @param kind whether the row is valid, repeats an earlier phone, or has an invalid phone
 * @param phone the phone as written in the file
 * @param e164 the phone in E.164; empty for an invalid row
 * @param firstName the first name
 * @param lastName the last name
 * @param zip a five-digit ZIP code
 * @param externalId the CRM's id, unique per row
 * @param fields the custom-field values, in the generator's column order
 */
public record GeneratedRow(
    long number,
    Kind kind,
    String phone,
    Optional<String> e164,
    String firstName,
    String lastName,
    String zip,
    String externalId,
    List<String> fields) {

  /** Checks presence and copies the fields. */
  public GeneratedRow {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(e164, "e164");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(zip, "zip");
    Objects.requireNonNull(externalId, "externalId");
    fields = List.copyOf(fields);
  }

  /** Masks the phone and leaves the names out, so the row is safe to log. */
  @Override
  public String toString() {
    return "GeneratedRow[number="
        + number
        + ", kind="
        + kind
        + ", phone="
        + (phone.length() >= 7 ? Phones.mask(phone) : phone.length() + " chars")
        + ", externalId="
        + externalId
        + "]";
  }

  /** What an importer should do with a row. */
  public enum Kind {
    /** The first row with a valid phone: imported. */
    VALID,
    /** A valid phone that an earlier row has, written in another format: skipped as duplicate. */
    DUPLICATE,
    /** A phone that is not a valid number: skipped as invalid. */
    INVALID
  }
}
