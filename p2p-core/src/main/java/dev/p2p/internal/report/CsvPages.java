package dev.p2p.internal.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.p2p.report.Reports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;

/** Writes a header and then store pages read by keyset, one CSV row per item, in bounded memory. */
final class CsvPages {
  private CsvPages() {}

  /**
   * @param verbatim whether cells go out as they are, without {@link FormulaGuard}
   * @param first the cursor before the first row
   * @param page reads the page after a cursor
   * @param cursor the cursor of an item, for the next page
   * @param row an item's cells
   * @return the rows written, header excluded
   */
  static <T, C> long write(
      Writer out,
      boolean verbatim,
      String what,
      List<String> header,
      C first,
      Function<C, List<T>> page,
      Function<T, C> cursor,
      Function<T, List<String>> row) {
    CsvWriter csv =
        verbatim
            ? CsvWriter.builder().build(out)
            : CsvWriter.builder().quoteStrategy(FormulaGuard.QUOTE_GUARDED).build(out);
    Function<List<String>, List<String>> cells =
        verbatim ? r -> r : r -> r.stream().map(FormulaGuard::cell).toList();
    try {
      csv.writeRecord(cells.apply(header));
      long rows = 0;
      C after = first;
      while (true) {
        List<T> items = page.apply(after);
        for (T item : items) {
          csv.writeRecord(cells.apply(row.apply(item)));
          after = cursor.apply(item);
          rows++;
        }
        if (items.size() < Reports.EXPORT_PAGE) {
          break;
        }
      }
      csv.flush();
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the " + what + " export", e);
    }
  }
}
