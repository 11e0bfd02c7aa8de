package dev.p2p.internal.contact;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import dev.p2p.StoreException;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ImportOptions;
import dev.p2p.contact.ImportProgress;
import dev.p2p.contact.ImportReport;
import dev.p2p.contact.NewContact;
import dev.p2p.contact.RowError;
import dev.p2p.store.ContactImport;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Streams a CSV file of contacts into a {@link ContactImport} in chunks of {@value #CHUNK_SIZE}, or
 * checks it without storing anything (a dry run). Memory stays bounded whatever the file's size:
 * rows are read one at a time and only the phones seen (about 12 to 24 bytes each) are kept.
 *
 * <p>How input is read:
 *
 * <ul>
 *   <li>The first non-blank row is the header; rows are numbered as a spreadsheet does (header row
 *       1), counting blank lines, and a quoted field spanning lines is one row. Headers are matched
 *       as {@link FieldNames} describes; a column with a blank header is ignored.
 *   <li>Blank lines, and rows whose fields are all empty, are skipped and not counted as read.
 *   <li>A row with fewer fields than the header reads the missing ones as empty. A row with more is
 *       invalid ({@code row}: "has N fields, the header has M") unless the extra fields are all
 *       empty, as spreadsheets often write them.
 *   <li>A field over its limit ({@link NewContact#MAX_TEXT} characters, 40 for the phone) makes its
 *       row invalid; a field of any length up to {@value #MAX_FIELD_CHARS} characters is skipped
 *       over without being kept in memory.
 *   <li>Invalid rows and repeated phones are skipped and counted; the first {@link
 *       ImportReport#MAX_ERRORS} are kept in the report, one {@link RowError} per row.
 *   <li>A header-only file gives a report of zero rows; with a sink, no chunk is written and the
 *       caller completes an empty list.
 *   <li>A quoted field may span lines (an address, a note). A stray quote is fatal, naming its row
 *       and column, so that it never swallows the rows after it: a quote still open at the end of
 *       the file, or a quoted field spanning lines one of which reads as a row of its own (its
 *       phone column holds a valid phone).
 * </ul>
 *
 * <p>Fatal problems throw, and the caller must then abort the sink: an empty file, a header without
 * a phone column or with clashing names ({@link ValidationException} naming {@code file} or {@code
 * header}), bytes that are not valid in {@link ImportOptions#charset()}, a field over {@value
 * #MAX_FIELD_CHARS} characters or a stray quote ({@code file}), and a failure to read the stream (a
 * retryable {@link StoreException} with the cause). The caller's stream is not closed.
 *
 * <p>Progress is reported every {@link ImportOptions#progressInterval()} rows read and once at the
 * end; an exception from the callback stops the import and propagates. Not thread-safe per call;
 * one instance may serve concurrent calls.
 */
final class CsvContactImporter {
  /** Contacts handed to the sink per call: {@value}. */
  static final int CHUNK_SIZE = 5_000;

  /** The longest field the parser can hold: {@value} characters (32 MB of memory at most). */
  static final int MAX_FIELD_CHARS = 16 * 1024 * 1024;

  private final ContactNormalizer normalizer;

  /** Creates an importer; rows are normalized in the region of each call's options. */
  CsvContactImporter(ContactNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  /**
   * Reads the whole stream and reports what was imported or, for a dry run, would be.
   *
   * @param in the CSV bytes; read to the end, not closed
   * @param options the charset, default region and progress interval
   * @param sink where contacts go in chunks, or null for a dry run
   * @param progress called every {@link ImportOptions#progressInterval()} rows and at the end
   * @throws ValidationException for a file that cannot be imported at all (see the class comment)
   * @throws StoreException (retryable) if reading the stream fails midway
   */
  ImportReport run(
      InputStream in,
      ImportOptions options,
      @Nullable ContactImport sink,
      Consumer<ImportProgress> progress) {
    CountingInputStream counting = new CountingInputStream(in);
    CsvRowHandler handler = new CsvRowHandler();
    Iterator<CsvRow> rows =
        CsvReader.builder()
            .skipEmptyLines(false)
            .allowMissingFields(true)
            .allowExtraFields(true)
            .allowExtraCharsAfterClosingQuote(true)
            .maxBufferSize(MAX_FIELD_CHARS)
            .build(handler, new EndMarkReader(new DecodingReader(counting, options.charset())))
            .iterator();
    Batch batch = new Batch(normalizer.withRegion(options.defaultRegion()), sink);
    long lastRow = 0;
    try {
      CsvRow first = nextNonBlank(rows);
      if (first == null) {
        throw ValidationException.of("file", "is empty: expected a header row with a phone column");
      }
      lastRow = first.number();
      if (first.unclosedField() >= 0) {
        throw StrayQuotes.unclosed(first, "column " + (first.unclosedField() + 1));
      }
      ImportHeader header = ImportHeader.read(first);
      batch.header = header;
      handler.row().limitWidth(header.width());
      ContactNormalizer phones = batch.normalizer;
      handler.watchSwallowedRows(line -> StrayQuotes.looksLikeRecord(line, header, phones));
      while (rows.hasNext()) {
        CsvRow row = rows.next();
        lastRow = row.number();
        if (row.endOfFile()) {
          break;
        }
        if (row.unclosedField() >= 0) {
          throw StrayQuotes.unclosed(row, header.describeColumn(row.unclosedField()));
        }
        if (row.swallowingField() >= 0) {
          throw StrayQuotes.swallowing(row, header);
        }
        if (row.blank()) {
          continue;
        }
        batch.accept(row);
        if (batch.tally.rowsRead() % options.progressInterval() == 0) {
          progress.accept(batch.tally.progress(counting.count()));
        }
      }
    } catch (UncheckedIOException e) {
      throw readFailure(
          Objects.requireNonNullElse(e.getCause(), e),
          lastRow + 1,
          options.charset(),
          sink == null);
    } catch (CsvParseException e) {
      throw ValidationException.of(
          "file",
          "could not be read near row "
              + (lastRow + 1)
              + ": a quoted field is never closed, or a field is over "
              + MAX_FIELD_CHARS
              + " characters");
    }
    batch.flush();
    progress.accept(batch.tally.progress(counting.count()));
    return batch.tally.report(
        sink == null ? OptionalLong.empty() : OptionalLong.of(sink.listId()),
        batch.header == null ? Map.of() : batch.header.columns());
  }

  private static @Nullable CsvRow nextNonBlank(Iterator<CsvRow> rows) {
    while (rows.hasNext()) {
      CsvRow row = rows.next();
      if (row.endOfFile()) {
        return null;
      }
      if (!row.blank()) {
        return row;
      }
    }
    return null;
  }

  private static RuntimeException readFailure(
      Throwable cause, long nearRow, Charset charset, boolean dryRun) {
    if (cause instanceof CharacterCodingException) {
      String name = charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : charset.name();
      return ValidationException.of(
          "file",
          "is not valid "
              + name
              + " near row "
              + nearRow
              + "; save it as UTF-8 or pass ImportOptions.charset(...)");
    }
    // The input may be fine: reading it again may work.
    return new StoreException(
        "Could not read the CSV file near row "
            + nearRow
            + " ("
            + cause
            + ")"
            + (dryRun ? "; nothing was stored" : "; the import was rolled back, try again"),
        true,
        cause);
  }

  /** The state of one call: counts, phones seen and the chunk being filled. */
  private static final class Batch {
    final ImportTally tally = new ImportTally();
    final PhoneSet phones = new PhoneSet();
    final ContactNormalizer normalizer;
    final @Nullable ContactImport sink;
    @Nullable ImportHeader header;
    List<ContactDetails> chunk = new ArrayList<>();

    Batch(ContactNormalizer normalizer, @Nullable ContactImport sink) {
      this.normalizer = normalizer;
      this.sink = sink;
    }

    void accept(CsvRow row) {
      ImportHeader header = this.header;
      if (header == null) {
        throw new IllegalStateException("header not read");
      }
      tally.rowRead();
      long number = row.number();
      if (row.extraValues()) {
        String reason = "has " + row.fieldCount() + " fields, the header has " + header.width();
        tally.invalid(number, "row", reason);
        return;
      }
      List<Violation> problems = header.tooLong(row);
      ContactDetails details = null;
      if (problems.isEmpty()) {
        ContactNormalizer.Outcome outcome = normalizer.normalize(header.raw(row));
        problems = outcome.violations();
        details = outcome.details();
      }
      if (details == null) {
        tally.invalid(number, problems.get(0).field(), describe(problems));
        return;
      }
      long firstRow = phones.add(PhoneSet.key(details.phone()), number);
      if (firstRow != 0) {
        tally.duplicate(number, firstRow);
        return;
      }
      tally.imported();
      if (sink != null) {
        chunk.add(details);
        if (chunk.size() == CHUNK_SIZE) {
          flush();
        }
      }
    }

    void flush() {
      if (sink != null && !chunk.isEmpty()) {
        List<ContactDetails> full = chunk;
        chunk = new ArrayList<>();
        sink.add(full);
      }
    }

    /** The first problem's reason, then a few others with their fields, then how many more. */
    private static String describe(List<Violation> problems) {
      StringBuilder reason = new StringBuilder(problems.get(0).reason());
      int shown = Math.min(problems.size(), ImportHeader.MAX_PROBLEMS_SHOWN);
      for (int i = 1; i < shown; i++) {
        reason.append(i == 1 ? "; also " : ", ").append(problems.get(i));
      }
      if (problems.size() > shown) {
        reason.append(" and ").append(problems.size() - shown).append(" more");
      }
      return reason.toString();
    }
  }
}
