package dev.p2p.testkit;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes synthetic contact CSV files of any size, the same bytes for the same settings, with a set
 * share of invalid and duplicate rows whose exact counts are known in advance:
 *
 * <pre>{@code
 * ContactCsvGenerator csv = ContactCsvGenerator.builder().rows(1_000_000).seed(7)
 *     .invalidShare(0.02).duplicateShare(0.03).customFields("polling_place", "ward").build();
 * csv.writeTo(path);
 * assertThat(report.imported()).isEqualTo(csv.expected().imported());
 * }</pre>
 *
 * <p>The header is {@code phone,first_name,last_name,zip,external_id} and the custom fields. Valid
 * phones are US numbers that libphonenumber accepts, written as {@code (415) 555-2671}, {@code
 * 415.555.2671}, {@code +1 415-555-2671}, {@code 4155552671} or {@code 1-415-555-2671}; a duplicate
 * row repeats an earlier row's phone in another format; an invalid row has a phone that is no
 * number ({@code 12345}, {@code not a phone}, a digit short, ...) and is otherwise fine.
 *
 * <p>Rows are made one at a time from the seed and the row number, so any size streams in constant
 * memory. Immutable and thread-safe; build with {@link #builder()} or take {@link #ofDefaults()}.
 */
public final class ContactCsvGenerator {
  /** Rows written by default: {@value}. */
  public static final long DEFAULT_ROWS = 1_000;

  /** The default seed: {@value}. */
  public static final long DEFAULT_SEED = 42;

  /** The default share of rows with an invalid phone: {@value}. */
  public static final double DEFAULT_INVALID_SHARE = 0.02;

  /** The default share of rows repeating an earlier phone: {@value}. */
  public static final double DEFAULT_DUPLICATE_SHARE = 0.03;

  /** The fixed columns, in order; custom fields follow. */
  public static final List<String> COLUMNS =
      List.of("phone", "first_name", "last_name", "zip", "external_id");

  private final long rows;
  private final long seed;
  private final double invalidShare;
  private final double duplicateShare;
  private final List<String> customFields;
  private final RowPlan plan;
  private final RowMaker maker;

  private ContactCsvGenerator(Builder b) {
    this.rows = b.rows;
    this.seed = b.seed;
    this.invalidShare = b.invalidShare;
    this.duplicateShare = b.duplicateShare;
    this.customFields = List.copyOf(b.customFields);
    this.plan =
        new RowPlan(
            rows, Math.round(invalidShare * RowPlan.PPM), Math.round(duplicateShare * RowPlan.PPM));
    this.maker = new RowMaker(seed, plan, customFields);
  }

  /** {@value #DEFAULT_ROWS} rows, seed {@value #DEFAULT_SEED}, 2% invalid, 3% duplicates. */
  public static ContactCsvGenerator ofDefaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** What an import of the file must report. */
  public Counts expected() {
    return new Counts(rows, plan.unique(), plan.duplicates(), plan.invalid());
  }

  /** The header row's columns. */
  public List<String> header() {
    List<String> header = new ArrayList<>(COLUMNS);
    header.addAll(customFields);
    return List.copyOf(header);
  }

  /** Makes every row in file order and hands it to {@code action}, one at a time. */
  public void forEachRow(Consumer<? super GeneratedRow> action) {
    for (long i = 0; i < rows; i++) {
      action.accept(maker.row(i));
    }
  }

  /** Writes the file, replacing any file at {@code path}, as UTF-8. */
  public Counts writeTo(Path path) {
    try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      return writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /** Writes the file as UTF-8; flushes the stream but leaves it open. */
  public Counts writeTo(OutputStream out) {
    return writeTo(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  /** Writes the file; flushes the writer but leaves it open. */
  public Counts writeTo(Writer out) {
    try {
      new CsvRowWriter(out).write(header(), maker, rows);
      return expected();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the CSV", e);
    }
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "ContactCsvGenerator[rows=%d, seed=%d, invalidShare=%s, duplicateShare=%s, fields=%s]",
        rows,
        seed,
        invalidShare,
        duplicateShare,
        customFields);
  }

  /**
   * The counts an import of the file reports.
   *
   * @param rowsRead data rows, the header not counted
   * @param imported rows with a valid phone not seen before
   * @param duplicates rows whose phone an earlier row has
   * @param invalid rows whose phone is not a valid number
   */
  public record Counts(long rowsRead, long imported, long duplicates, long invalid) {}

  /** Builds a {@link ContactCsvGenerator}; {@link #build()} rejects bad values, listing each. */
  public static final class Builder {
    private long rows = DEFAULT_ROWS;
    private long seed = DEFAULT_SEED;
    private double invalidShare = DEFAULT_INVALID_SHARE;
    private double duplicateShare = DEFAULT_DUPLICATE_SHARE;
    private List<String> customFields = List.of();

    private Builder() {}

    /** Data rows to write, from 1 to 1,000,000,000. */
    public Builder rows(long rows) {
      this.rows = rows;
      return this;
    }

    /** The seed; the same settings and seed give the same bytes. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The share of rows with an invalid phone, from 0 to 1. */
    public Builder invalidShare(double share) {
      this.invalidShare = share;
      return this;
    }

    /**
     * The share of rows repeating an earlier row's phone, from 0 to 1; with the invalid share,
     * below 1.
     */
    public Builder duplicateShare(double share) {
      this.duplicateShare = share;
      return this;
    }

    /**
     * Custom-field columns after the fixed ones, such as {@code polling_place}: letters, digits,
     * underscores and spaces, distinct, and none of {@link #COLUMNS}.
     */
    public Builder customFields(String... names) {
      this.customFields = List.of(names);
      return this;
    }

    /** Checks every setting and builds the generator. */
    public ContactCsvGenerator build() {
      List<Violation> problems = new ArrayList<>();
      if (rows < 1 || rows > 1_000_000_000L) {
        problems.add(new Violation("rows", "must be between 1 and 1000000000"));
      }
      checkShare("invalidShare", invalidShare, problems);
      checkShare("duplicateShare", duplicateShare, problems);
      if (duplicateShare > 0 && invalidShare + duplicateShare >= 1) {
        problems.add(
            new Violation(
                "duplicateShare", "plus invalidShare must be below 1, to leave rows to duplicate"));
      }
      Set<String> seen = new HashSet<>(COLUMNS);
      for (String name : customFields) {
        String field = "customFields." + name;
        if (!name.matches("[A-Za-z0-9_ ]+") || name.isBlank()) {
          problems.add(new Violation(field, "must be letters, digits, underscores and spaces"));
        } else if (!seen.add(name.toLowerCase(Locale.ROOT))) {
          problems.add(new Violation(field, "repeats a column name"));
        }
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return new ContactCsvGenerator(this);
    }

    private static void checkShare(String field, double share, List<Violation> problems) {
      if (!(share >= 0 && share <= 1)) {
        problems.add(new Violation(field, "must be between 0 and 1, such as 0.02 for 2%"));
      }
    }
  }
}
