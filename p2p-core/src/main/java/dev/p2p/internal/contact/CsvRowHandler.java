package dev.p2p.internal.contact;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Feeds FastCSV's parser output into one reused {@link CsvRow}, numbering records as a spreadsheet
 * numbers rows: every record counts, empty lines included, and a quoted field spanning several
 * lines is one row.
 *
 * <p>Reading text from an {@link EndMarkReader}, it marks the record that is the end mark, a field
 * whose quote is still open at the end of the file, and (once {@link #watchSwallowedRows} is set) a
 * quoted field spanning lines one of which reads as a record of its own. Not thread-safe.
 */
final class CsvRowHandler extends AbstractBaseCsvCallbackHandler<CsvRow> {
  /** How much of a swallowed line is read to tell whether it is a record. */
  private static final int MAX_LINE_CHECKED = 4_096;

  private final CsvRow row = new CsvRow();
  private long rows;
  private @Nullable Predicate<String> looksLikeRecord;

  /** From now on, checks each line after the first of a quoted multi-line field with the test. */
  void watchSwallowedRows(Predicate<String> looksLikeRecord) {
    this.looksLikeRecord = looksLikeRecord;
  }

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
    if (len > 0 && buf[offset + len - 1] == EndMarkReader.MARK) {
      if (fieldIdx == 0 && len == 1) {
        row.markEndOfFile();
        return;
      }
      row.markUnclosed(fieldIdx);
    } else if (quoted && looksLikeRecord != null) {
      checkLines(fieldIdx, buf, offset, len, looksLikeRecord);
    }
    row.add(buf, offset, len);
  }

  private void checkLines(
      int fieldIdx, char[] buf, int offset, int len, Predicate<String> looksLikeRecord) {
    int end = offset + len;
    int start = nextLine(buf, offset, end);
    while (start < end) {
      int stop = start;
      while (stop < end && buf[stop] != '\n' && buf[stop] != '\r') {
        stop++;
      }
      if (stop > start) {
        String line = new String(buf, start, Math.min(stop - start, MAX_LINE_CHECKED));
        if (looksLikeRecord.test(line)) {
          row.markSwallowing(fieldIdx, line);
          return;
        }
      }
      start = nextLine(buf, stop, end);
    }
  }

  /** The index after the next line break at or after {@code from}; {@code end} if none. */
  private static int nextLine(char[] buf, int from, int end) {
    int i = from;
    while (i < end && buf[i] != '\n' && buf[i] != '\r') {
      i++;
    }
    while (i < end && (buf[i] == '\n' || buf[i] == '\r')) {
      i++;
    }
    return i;
  }

  @Override
  protected CsvRow buildRecord() {
    return row;
  }
}
