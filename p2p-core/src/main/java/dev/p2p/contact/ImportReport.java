package dev.p2p.contact;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The outcome of a CSV import (or of a dry run, which stores nothing).
 *
 * @param listId the new list's id; empty for a dry run
 * @param rowsRead data rows read (the header is not counted)
 * @param imported rows stored as contacts
 * @param duplicates rows skipped because their phone appeared earlier in the file
 * @param invalid rows skipped because of a problem with the row
 * @param errors the first {@value #MAX_ERRORS} skipped rows (invalid and duplicate), in file order
 * @param columns how each header was read: header text to the field it fills ({@code phone}, {@code
 *     firstName}, ..., or a custom field's normalized name)
 */
public record ImportReport(
    OptionalLong listId,
    long rowsRead,
    long imported,
    long duplicates,
    long invalid,
    List<RowError> errors,
    Map<String, String> columns) {

  /** How many row errors a report keeps. */
  public static final int MAX_ERRORS = 1_000;

  /** Copies the collections. */
  public ImportReport {
    Objects.requireNonNull(listId, "listId");
    errors = List.copyOf(errors);
    columns = Map.copyOf(columns);
  }
}
