package dev.p2p.internal.contact;

import dev.p2p.ValidationException;
import dev.p2p.contact.Phones;

/**
 * Tells a stray quote from a quoted field that legitimately spans lines, and words the refusal of
 * each. A quoted field may hold line breaks; it is a stray quote when it is still open at the end
 * of the file, or when one of the lines it spans reads as a record of the file (see {@link
 * #looksLikeRecord}). Either fails the import as a whole, naming the row and the column, so that no
 * row is ever swallowed silently.
 */
final class StrayQuotes {
  private StrayQuotes() {}

  /**
   * Whether a line found inside a quoted field reads as a record of the file: it has the header's
   * separators up to the phone column, and a valid phone there.
   */
  static boolean looksLikeRecord(String line, ImportHeader header, ContactNormalizer phones) {
    int column = header.phoneColumn();
    String[] parts = line.split(",", column + 2);
    if (column >= parts.length || header.width() > 1 && parts.length < 2) {
      return false;
    }
    String phone = parts[column].strip();
    if (phone.length() >= 2 && phone.startsWith("\"") && phone.endsWith("\"")) {
      phone = phone.substring(1, phone.length() - 1);
    }
    return !phone.isEmpty() && phones.isPhone(phone);
  }

  static ValidationException unclosed(CsvRow row, String column) {
    return ValidationException.of(
        "file",
        "row "
            + row.number()
            + ": the quote that opens the field in "
            + column
            + " is never closed, so it would swallow every line after it. Close the quote (write"
            + " a quote inside a quoted field as two quotes) and import again; nothing was"
            + " imported");
  }

  static ValidationException swallowing(CsvRow row, ImportHeader header) {
    String[] parts = row.swallowedLine().split(",", header.phoneColumn() + 2);
    String phone = parts[header.phoneColumn()].strip().replace("\"", "");
    return ValidationException.of(
        "file",
        "row "
            + row.number()
            + ": the quoted field in "
            + header.describeColumn(row.swallowingField())
            + " spans lines, and one of them reads as a row of its own (with the phone "
            + Phones.mask(phone)
            + "), so a quote is probably not closed. Close the quote (write a quote inside a"
            + " quoted field as two quotes) and import again; nothing was imported");
  }
}
