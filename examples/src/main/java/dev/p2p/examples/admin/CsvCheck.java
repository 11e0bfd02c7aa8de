package dev.p2p.examples.admin;

import dev.p2p.ValidationException;
import dev.p2p.contact.ImportReport;
import dev.p2p.contact.RowError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The {@code check-csv} command's JSON: what an import of the file would do.
 *
 * @param file the file checked
 * @param importable false when the file cannot be imported at all (see {@code problems})
 * @param problems why the file cannot be imported; empty when it can
 * @param rowsRead data rows read, the header not counted
 * @param wouldImport rows that would become contacts
 * @param duplicates rows whose phone appeared on an earlier row
 * @param invalid rows with a problem (such as a phone that is no number)
 * @param columns how each header is read, built-in fields first in p2p's order, then custom fields
 * @param errors the rejected rows p2p's report keeps (up to {@value ImportReport#MAX_ERRORS})
 * @param rejectedNotListed rejected rows beyond {@code errors}
 */
record CsvCheck(
    String file,
    boolean importable,
    List<Output.Problem> problems,
    long rowsRead,
    long wouldImport,
    long duplicates,
    long invalid,
    List<Column> columns,
    List<Row> errors,
    long rejectedNotListed) {

  /** The built-in fields an import fills, in p2p's order; any other field is a custom one. */
  static final List<String> BUILT_IN =
      List.of("phone", "firstName", "lastName", "zip", "timeZone", "externalId");

  /**
   * One column of the header.
   *
   * @param header the header as written
   * @param field the contact field it fills
   * @param custom whether that is a custom field (usable in templates as {@code {field}})
   */
  record Column(String header, String field, boolean custom) {}

  /**
   * A rejected row.
   *
   * @param row the row's number as a spreadsheet shows it (the header is row 1)
   * @param field the field at fault, or {@code row}
   * @param reason what is wrong
   */
  record Row(long row, String field, String reason) {}

  static CsvCheck of(String file, ImportReport report) {
    List<Row> errors = new ArrayList<>();
    for (RowError e : report.errors()) {
      errors.add(new Row(e.row(), e.field(), e.reason()));
    }
    return new CsvCheck(
        file,
        true,
        List.of(),
        report.rowsRead(),
        report.imported(),
        report.duplicates(),
        report.invalid(),
        columns(report.columns()),
        errors,
        report.duplicates() + report.invalid() - errors.size());
  }

  static CsvCheck notImportable(String file, ValidationException e) {
    return new CsvCheck(
        file, false, Output.Problem.of(e.violations()), 0, 0, 0, 0, List.of(), List.of(), 0);
  }

  /** Rows that would not be imported. */
  long rejected() {
    return duplicates + invalid;
  }

  private static List<Column> columns(Map<String, String> byHeader) {
    Comparator<Column> order =
        Comparator.comparing(Column::custom)
            .thenComparingInt(c -> BUILT_IN.indexOf(c.field()))
            .thenComparing(Column::header);
    return byHeader.entrySet().stream()
        .map(e -> new Column(e.getKey(), e.getValue(), !BUILT_IN.contains(e.getValue())))
        .sorted(order)
        .toList();
  }
}
