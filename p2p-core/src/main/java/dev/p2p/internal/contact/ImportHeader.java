package dev.p2p.internal.contact;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.NewContact;
import dev.p2p.contact.Phones;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a CSV header row maps columns to fields: built-in headers are recognized ({@code Cell Phone}
 * fills {@code phone}), every other column becomes a custom field with its camelCase name, and a
 * column with a blank header is ignored.
 */
final class ImportHeader {
  private static final int MAX_FOUND_SHOWN = 20;

  /** How many column problems a refusal names before it counts the rest. */
  static final int MAX_PROBLEMS_SHOWN = 5;

  private static final List<String> BUILT_IN_ORDER =
      List.of(
          FieldNames.PHONE,
          FieldNames.FIRST_NAME,
          FieldNames.LAST_NAME,
          FieldNames.ZIP,
          FieldNames.TIME_ZONE,
          FieldNames.EXTERNAL_ID);

  private final int width;
  private final int[] builtInColumns;
  private final int[] customColumns;
  private final String[] customNames;
  private final Map<String, String> columns;
  private final String[] headers;

  private ImportHeader(
      int width,
      Map<String, Integer> builtIn,
      List<Integer> customColumns,
      List<String> customNames,
      Map<String, String> columns,
      String[] headers) {
    this.width = width;
    this.headers = headers;
    this.builtInColumns =
        BUILT_IN_ORDER.stream().mapToInt(f -> builtIn.getOrDefault(f, -1)).toArray();
    this.customColumns = customColumns.stream().mapToInt(Integer::intValue).toArray();
    this.customNames = customNames.toArray(new String[0]);
    this.columns = columns;
  }

  /**
   * Reads the header row.
   *
   * @throws ValidationException naming {@code header}: no phone column, a header too long to be a
   *     name, a header with no letters or digits, or two headers that become the same field
   */
  static ImportHeader read(CsvRow row) {
    List<Violation> problems = new ArrayList<>();
    Map<String, Integer> builtIn = new HashMap<>();
    Map<String, String> headerOfField = new HashMap<>();
    Map<String, String> columns = new LinkedHashMap<>();
    List<Integer> custom = new ArrayList<>();
    List<String> customNames = new ArrayList<>();
    String[] headers = row.values();
    for (int i = 0; i < headers.length; i++) {
      if (row.tooLong(i)) {
        problems.add(
            new Violation(
                "header", "column " + (i + 1) + " is over " + NewContact.MAX_TEXT + " characters"));
        continue;
      }
      String header = headers[i].strip();
      if (header.isEmpty()) {
        continue;
      }
      String field = FieldNames.builtIn(header).orElseGet(() -> FieldNames.normalize(header));
      if (field.isEmpty()) {
        problems.add(
            new Violation("header", quote(header) + " has no letters or digits to name a field"));
        continue;
      }
      String earlier = headerOfField.putIfAbsent(field, header);
      if (earlier != null) {
        problems.add(
            new Violation(
                "header",
                quote(earlier)
                    + " and "
                    + quote(header)
                    + " both become "
                    + field
                    + "; rename one"));
        continue;
      }
      columns.put(header, field);
      if (FieldNames.BUILT_IN.contains(field)) {
        builtIn.put(field, i);
      } else {
        custom.add(i);
        customNames.add(field);
      }
    }
    if (problems.size() > MAX_PROBLEMS_SHOWN) {
      int more = problems.size() - MAX_PROBLEMS_SHOWN;
      problems = new ArrayList<>(problems.subList(0, MAX_PROBLEMS_SHOWN));
      problems.add(
          new Violation(
              "header", "and " + more + " more column" + (more == 1 ? "" : "s") + " like these"));
    }
    if (!builtIn.containsKey(FieldNames.PHONE)) {
      problems.add(new Violation("header", noPhone(row, headers)));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new ImportHeader(headers.length, builtIn, custom, customNames, columns, headers);
  }

  /** How many columns the header has, blank ones included. */
  int width() {
    return width;
  }

  /** The index of the phone column. */
  int phoneColumn() {
    return builtInColumns[0];
  }

  /** A column as messages name it: its header, quoted (masked if it looks like a phone). */
  String describeColumn(int index) {
    String header = index < headers.length && headers[index] != null ? headers[index].strip() : "";
    return header.isEmpty() ? "column " + (index + 1) : "column " + quote(header);
  }

  /** Header text to the field it fills, in column order. */
  Map<String, String> columns() {
    return columns;
  }

  /** The row's fields that are too long to keep, each as a violation naming its field. */
  List<Violation> tooLong(CsvRow row) {
    List<Violation> problems = List.of();
    for (int i = 0; i < builtInColumns.length; i++) {
      if (builtInColumns[i] >= 0 && row.tooLong(builtInColumns[i])) {
        String field = BUILT_IN_ORDER.get(i);
        problems = add(problems, field, ContactNormalizer.maxLength(field));
      }
    }
    for (int i = 0; i < customColumns.length; i++) {
      if (row.tooLong(customColumns[i])) {
        problems = add(problems, "fields." + customNames[i], NewContact.MAX_TEXT);
      }
    }
    return problems;
  }

  /** The row's text by field; a missing field is empty. */
  RawContact raw(CsvRow row) {
    Map<String, String> fields = new LinkedHashMap<>(customColumns.length * 2);
    for (int i = 0; i < customColumns.length; i++) {
      fields.put(customNames[i], row.value(customColumns[i]));
    }
    return new RawContact(
        value(row, FieldNames.PHONE),
        value(row, FieldNames.FIRST_NAME),
        value(row, FieldNames.LAST_NAME),
        value(row, FieldNames.ZIP),
        value(row, FieldNames.TIME_ZONE),
        value(row, FieldNames.EXTERNAL_ID),
        fields);
  }

  private String value(CsvRow row, String field) {
    return row.value(builtInColumns[BUILT_IN_ORDER.indexOf(field)]);
  }

  private static List<Violation> add(List<Violation> list, String field, int max) {
    List<Violation> out = new ArrayList<>(list);
    out.add(new Violation(field, "must be at most " + max + " characters"));
    return out;
  }

  private static String noPhone(CsvRow row, String[] headers) {
    StringBuilder found = new StringBuilder();
    for (int i = 0; i < Math.min(headers.length, MAX_FOUND_SHOWN); i++) {
      found.append(i == 0 ? "" : ", ").append(quote(row.value(i)));
    }
    if (headers.length > MAX_FOUND_SHOWN) {
      found.append(", ...");
    }
    return "has no phone column; expected one of: "
        + String.join(", ", FieldNames.PHONE_HEADERS)
        + "; found: "
        + found
        + " (if the first row is data, add a header row)";
  }

  /** Quotes a header for a message, masking it when it looks like a phone number. */
  private static String quote(String header) {
    String shown = header.length() > 40 ? header.substring(0, 40) + "..." : header;
    int digits = 0;
    for (int i = 0; i < shown.length(); i++) {
      digits += Character.isDigit(shown.charAt(i)) ? 1 : 0;
    }
    return "\"" + (digits >= 7 ? Phones.mask(shown) : shown) + "\"";
  }
}
