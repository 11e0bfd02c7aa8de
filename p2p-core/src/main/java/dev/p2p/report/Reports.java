package dev.p2p.report;

import dev.p2p.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * An organization's reporting: {@link #action(long)} computes an action's {@link ActionReport}; the
 * exports write CSV with a header row, page by page, so that an export of any size runs in bounded
 * memory. Obtained from {@code Organization.reports()}; thread-safe.
 *
 * <p>An export reads page after page rather than one snapshot: a conversation that changes while
 * the export runs appears once, as it was when its page was read.
 *
 * <p>Exports are safe to open in a spreadsheet: a cell that begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return (a contact's name, an inbound body...) is
 * written quoted with a single quote in front, so that it shows as text instead of running as a
 * formula (OWASP's CSV-injection advice). A plain number is left as is, E.164 phones such as {@code
 * +13125550101} included: it runs nothing. Programs that read the files and want every cell as
 * stored use {@link #verbatim()}.
 */
public interface Reports {
  /** How many rows an export reads from the store at a time. */
  int EXPORT_PAGE = 2_000;

  /**
   * This organization's reporting with exports that write every cell exactly as stored, for
   * programs that read the files: no cell gets the single quote that keeps a spreadsheet from
   * running it as a formula. Do not open such a file in a spreadsheet.
   *
   * <pre>{@code
   * org.reports().verbatim().exportMessages(actionId, out); // =HYPERLINK(..) stays =HYPERLINK(..)
   * }</pre>
   */
  Reports verbatim();

  /**
   * The action's report now: totals, per texter, per tag, per report question, per variant, cost
   * and the hourly timeline.
   *
   * @throws NotFoundException if the action does not exist
   */
  ActionReport action(long actionId);

  /**
   * Writes the action's conversations as CSV: one row per conversation with its contact, texter,
   * status, tags, custom-field values, report answers and last message time (the README's
   * "Reporting" section lists the columns). Does not close the writer.
   *
   * @return the rows written, header excluded
   * @throws NotFoundException if the action does not exist
   * @throws UncheckedIOException if the writer fails
   */
  long exportConversations(long actionId, Writer out);

  /**
   * Writes the action's messages, both directions, as CSV, oldest first. Does not close the writer.
   *
   * @return the rows written, header excluded
   * @throws NotFoundException if the action does not exist
   * @throws UncheckedIOException if the writer fails
   */
  long exportMessages(long actionId, Writer out);

  /**
   * Writes the organization's opt-out list as CSV ({@code phone,source,opted_out_at}), by phone.
   * Does not close the writer.
   *
   * @return the rows written, header excluded
   * @throws UncheckedIOException if the writer fails
   */
  long exportOptOuts(Writer out);

  /**
   * Writes one of the exports to a UTF-8 file, replacing it; on failure no partial file is left.
   *
   * @param export for instance {@code out -> reports.exportConversations(id, out)}
   * @return the rows written
   */
  static long toFile(Path file, Export export) {
    Path absolute = file.toAbsolutePath();
    Path dir = Objects.requireNonNull(absolute.getParent(), "file has no parent folder");
    Path partial = dir.resolve(absolute.getFileName() + ".partial");
    try {
      long rows;
      try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        rows = export.write(out);
      }
      Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
      return rows;
    } catch (IOException e) {
      deleteQuietly(partial);
      throw new UncheckedIOException("Could not write the export to " + absolute, e);
    } catch (RuntimeException e) {
      deleteQuietly(partial);
      throw e;
    }
  }

  /** One export, writing to the given writer and returning its row count. */
  @FunctionalInterface
  interface Export {
    /** Writes the export. */
    long write(Writer out);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Nothing more to do: the failure being reported matters more.
    }
  }
}
