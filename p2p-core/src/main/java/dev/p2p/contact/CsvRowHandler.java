package dev.p2p.contact;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;

/**
 * Feeds FastCSV's parser output into one reused {@link CsvRow}, numbering records as a spreadsheet
 * numbers rows: every record counts, empty lines included, and a quoted field spanning several
 * lines is one row. Not thread-safe.
 */
final class CsvRowHandler extends AbstractBaseCsvCallbackHandler<CsvRow> {
  private final CsvRow row = new CsvRow();
  private long rows;

  /** The row being filled or last filled. */
  CsvRow row() {
    return row;
  }

  /** How many records the parser has begun, including empty lines. */
  long rowsBegun() {
    return rows;
  }

  @Override
  protected void handleBegin(long startingLineNumber) {
    rows++;
    row.begin(rows);
  }

  @Override
  protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
    row.add(buf, offset, len);
  }

  @Override
  protected CsvRow buildRecord() {
    return row;
  }
}
