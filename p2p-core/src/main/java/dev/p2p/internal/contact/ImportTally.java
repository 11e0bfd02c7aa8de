package dev.p2p.internal.contact;

import dev.p2p.contact.ImportProgress;
import dev.p2p.contact.ImportReport;
import dev.p2p.contact.RowError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The running counts of one import and the first row errors. Not thread-safe. */
final class ImportTally {
  private final List<RowError> errors = new ArrayList<>();
  private long rowsRead;
  private long imported;
  private long duplicates;
  private long invalid;

  void rowRead() {
    rowsRead++;
  }

  long rowsRead() {
    return rowsRead;
  }

  void imported() {
    imported++;
  }

  void duplicate(long row, long firstRow) {
    duplicates++;
    keep(
        row,
        FieldNames.PHONE,
        firstRow > 0 ? "duplicates row " + firstRow : "appears earlier in the file");
  }

  void invalid(long row, String field, String reason) {
    invalid++;
    keep(row, field, reason);
  }

  ImportProgress progress(long bytesRead) {
    return new ImportProgress(rowsRead, imported, duplicates, invalid, bytesRead);
  }

  ImportReport report(OptionalLong listId, Map<String, String> columns) {
    return new ImportReport(listId, rowsRead, imported, duplicates, invalid, errors, columns);
  }

  private void keep(long row, String field, String reason) {
    if (errors.size() < ImportReport.MAX_ERRORS) {
      errors.add(new RowError(row, field, reason));
    }
  }
}
