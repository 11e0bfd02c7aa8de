package dev.p2p.contact;

import java.util.Objects;

/**
 * A row an import skipped, and why.
 *
 * @param row the row's number as a spreadsheet shows it: the header is row 1, the first data row 2
 * @param field the column at fault (such as {@code phone}), or {@code row} for the row as a whole
 * @param reason what was wrong, in words a person can act on (phones appear masked)
 */
public record RowError(long row, String field, String reason) {
  /** Checks presence. */
  public RowError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return "row " + row + ": " + field + " " + reason;
  }
}
