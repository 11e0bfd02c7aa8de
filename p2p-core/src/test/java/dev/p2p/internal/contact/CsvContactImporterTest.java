package dev.p2p.internal.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ImportOptions;
import dev.p2p.contact.ImportProgress;
import dev.p2p.contact.ImportReport;
import dev.p2p.contact.RowError;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvContactImporterTest {
  private final CsvContactImporter importer = new CsvContactImporter(new ContactNormalizer("US"));
  private final RecordingImport sink = new RecordingImport();
  private final List<ImportProgress> progress = new ArrayList<>();

  private ImportReport run(String csv) {
    return run(csv, ImportOptions.defaults());
  }

  private ImportReport run(String csv, ImportOptions options) {
    return importer.run(stream(csv), options, sink, progress::add);
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A valid New York number, distinct for each i below 8,000,000. */
  static String phone(int i) {
    return "+1212" + (2_000_000 + i);
  }

  @Test
  void importsRowsIntoTheSink() {
    ImportReport report = run("phone,first name,last name\n(415) 555-2671,Ana,Lima\n");

    assertThat(report.listId()).isEqualTo(OptionalLong.of(42));
    assertThat(report.rowsRead()).isEqualTo(1);
    assertThat(report.imported()).isEqualTo(1);
    assertThat(sink.contacts)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.phone()).isEqualTo("+14155552671");
              assertThat(c.firstName()).isEqualTo("Ana");
              assertThat(c.lastName()).isEqualTo("Lima");
            });
  }

  @Test
  @DisplayName("a dry run reads and counts every row but stores nothing and has no list")
  void dryRunStoresNothing() {
    ImportReport report =
        importer.run(stream("phone\n4155552671\nbad\n"), ImportOptions.defaults(), null, p -> {});

    assertThat(report.listId()).isEmpty();
    assertThat(report.imported()).isEqualTo(1);
    assertThat(report.invalid()).isEqualTo(1);
    assertThat(sink.chunkSizes).isEmpty();
  }

  @Test
  void passesContactsInChunksOfFiveThousand() {
    StringBuilder csv = new StringBuilder("phone\n");
    for (int i = 0; i < 12_001; i++) {
      csv.append(phone(i)).append('\n');
    }

    run(csv.toString());

    assertThat(sink.chunkSizes).containsExactly(5_000, 5_000, 2_001);
  }

  @Test
  @DisplayName("a header-only file is a successful import of zero rows, with no chunk written")
  void headerOnlyFileImportsNothing() {
    ImportReport report = run("phone,first name\n");

    assertThat(report.rowsRead()).isZero();
    assertThat(report.imported()).isZero();
    assertThat(report.listId()).isEqualTo(OptionalLong.of(42));
    assertThat(sink.chunkSizes).isEmpty();
  }

  @Test
  void readsQuotesAndNewlinesInsideFields() {
    ImportReport report =
        run("phone,notes\n\"(415) 555-2671\",\"line one\nline \"\"two\"\", three\"\n");

    assertThat(report.imported()).isEqualTo(1);
    assertThat(sink.contacts.get(0).fields())
        .containsEntry("notes", "line one\nline \"two\", three");
  }

  @Test
  @DisplayName("numbers rows as a spreadsheet does: a multi-line field is one row")
  void numbersRowsLikeASpreadsheet() {
    ImportReport report = run("phone,notes\n4155552671,\"a\nb\nc\"\nbad,x\n");

    assertThat(report.errors()).extracting(RowError::row).containsExactly(3L);
  }

  @Test
  void stripsAUtf8ByteOrderMark() {
    ImportReport report = run("\uFEFF\"phone\",first\n4155552671,Ana\n");

    assertThat(report.columns()).containsEntry("phone", "phone");
    assertThat(report.imported()).isEqualTo(1);
  }

  @Test
  void skipsBlankLinesButCountsThemInRowNumbers() {
    ImportReport report = run("phone\n\n4155552671\n  \n,\nbad\n");

    assertThat(report.rowsRead()).isEqualTo(2);
    assertThat(report.errors()).extracting(RowError::row).containsExactly(6L);
  }

  @Test
  void readsMissingTrailingFieldsAsEmpty() {
    ImportReport report = run("phone,first,last\n4155552671,Ana\n");

    assertThat(report.imported()).isEqualTo(1);
    assertThat(sink.contacts.get(0).lastName()).isEmpty();
  }

  @Test
  void rejectsARowWithMoreFieldsThanTheHeader() {
    ImportReport report = run("phone,first\n4155552671,Ana,extra\n");

    assertThat(report.invalid()).isEqualTo(1);
    assertThat(report.errors())
        .containsExactly(new RowError(2, "row", "has 3 fields, the header has 2"));
  }

  @Test
  @DisplayName("accepts extra fields that are all empty, as spreadsheets write them")
  void acceptsEmptyExtraFields() {
    ImportReport report = run("phone,first\n4155552671,Ana,,\n");

    assertThat(report.imported()).isEqualTo(1);
  }

  @Test
  void reportsDuplicatePhonesWithTheirFirstRow() {
    ImportReport report = run("phone\n(415) 555-2671\n2125550100\n+1 415 555 2671\n");

    assertThat(report.imported()).isEqualTo(2);
    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.errors()).containsExactly(new RowError(4, "phone", "duplicates row 2"));
  }

  @Test
  void reportsInvalidPhonesWithoutTheNumber() {
    ImportReport report = run("phone\n415555267\n\n");

    assertThat(report.invalid()).isEqualTo(1);
    assertThat(report.errors())
        .containsExactly(new RowError(2, "phone", "is not a valid phone number for region US"));
  }

  @Test
  void reportsARowWithoutAPhone() {
    ImportReport report = run("phone,first\n,Ana\n");

    assertThat(report.errors()).containsExactly(new RowError(2, "phone", "is empty"));
  }

  @Test
  void reportsEveryProblemOfARowInOneError() {
    ImportReport report = run("phone,time zone\nbad,Mars/Olympus\n");

    assertThat(report.errors())
        .containsExactly(
            new RowError(
                2,
                "phone",
                "is not a phone number; also timeZone is not a known time zone such as"
                    + " America/Chicago"));
  }

  @Test
  void storesOtherColumnsAsCustomFieldsInColumnOrder() {
    ImportReport report = run("Ward #3,phone,Polling Place\n7,4155552671,City Hall\n");

    assertThat(sink.contacts.get(0).fields())
        .containsExactly(Map.entry("ward3", "7"), Map.entry("pollingPlace", "City Hall"));
    assertThat(report.columns())
        .containsOnly(
            Map.entry("Ward #3", "ward3"),
            Map.entry("phone", "phone"),
            Map.entry("Polling Place", "pollingPlace"));
  }

  @Test
  void ignoresAColumnWithABlankHeader() {
    ImportReport report = run("phone,,notes\n4155552671,ignored,kept\n");

    assertThat(sink.contacts.get(0).fields()).containsExactly(Map.entry("notes", "kept"));
    assertThat(report.columns()).hasSize(2);
  }

  @Test
  void readsTheBuiltInColumns() {
    run("Cell Phone,Zip Code,TZ,VAN ID\n4155552671,94103,America/Denver,v-1\n");

    ContactDetails c = sink.contacts.get(0);
    assertThat(c.zip()).contains("94103");
    assertThat(c.zipState()).contains("CA");
    assertThat(c.areaCodeState()).contains("CA");
    assertThat(c.externalId()).contains("v-1");
  }

  @Test
  @DisplayName("takes the time zone from the column, else the ZIP code, else the number")
  void timeZonePrecedence() {
    run(
        "phone,zip,time zone\n"
            + "2125550100,60601,America/Denver\n"
            + "2125550101,60601,\n"
            + "2125550102,,\n");

    assertThat(sink.contacts)
        .extracting(c -> c.timeZone().orElseThrow())
        .containsExactly(
            ZoneId.of("America/Denver"),
            ZoneId.of("America/Chicago"),
            ZoneId.of("America/New_York"));
  }

  @Test
  @DisplayName("a 10 MB field makes its row invalid and the import goes on")
  void survivesATenMegabyteField() {
    byte[] huge = new byte[10 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'x');
    InputStream in =
        new SequenceInputStream(
            Collections.enumeration(
                List.of(
                    stream("phone,notes\n4155552671,\""),
                    new ByteArrayInputStream(huge),
                    stream("\"\n2125550100,short\n"))));

    ImportReport report = importer.run(in, ImportOptions.defaults(), sink, progress::add);

    assertThat(report.imported()).isEqualTo(1);
    assertThat(report.errors())
        .containsExactly(new RowError(2, "fields.notes", "must be at most 1000 characters"));
  }

  @Test
  void rejectsAPhoneLongerThanFortyCharacters() {
    ImportReport report = run("phone\n" + "4".repeat(2_000) + "\n");

    assertThat(report.errors())
        .containsExactly(new RowError(2, "phone", "must be at most 40 characters"));
  }

  @Test
  void keepsTheFirstThousandErrorsAndCountsThemAll() {
    StringBuilder csv = new StringBuilder("phone\n");
    for (int i = 0; i < ImportReport.MAX_ERRORS + 5; i++) {
      csv.append("bad\n");
    }

    ImportReport report = run(csv.toString());

    assertThat(report.invalid()).isEqualTo(ImportReport.MAX_ERRORS + 5);
    assertThat(report.errors()).hasSize(ImportReport.MAX_ERRORS);
    assertThat(report.errors().get(0).row()).isEqualTo(2);
  }

  @Test
  @DisplayName("reports progress every interval of rows read and once at the end, with bytes read")
  void reportsProgress() {
    StringBuilder csv = new StringBuilder("phone\n");
    for (int i = 0; i < 25; i++) {
      csv.append(phone(i)).append('\n');
    }
    ImportOptions options = ImportOptions.builder().progressInterval(10).build();

    run(csv.toString(), options);

    assertThat(progress).extracting(ImportProgress::rowsRead).containsExactly(10L, 20L, 25L);
    assertThat(progress.get(2).imported()).isEqualTo(25);
    assertThat(progress.get(2).bytesRead()).isEqualTo(csv.length());
  }

  @Test
  void readsAnIso88591FileWhenToldTo() {
    byte[] latin1 = "phone,first\n4155552671,José\n".getBytes(StandardCharsets.ISO_8859_1);
    ImportOptions options = ImportOptions.builder().charset(StandardCharsets.ISO_8859_1).build();

    importer.run(new ByteArrayInputStream(latin1), options, sink, p -> {});

    assertThat(sink.contacts.get(0).firstName()).isEqualTo("José");
  }

  @Test
  void usesTheDefaultRegionOfTheOptions() {
    ImportOptions options = ImportOptions.builder().defaultRegion("GB").build();

    run("phone\n020 7946 0958\n", options);

    assertThat(sink.contacts.get(0).phone()).isEqualTo("+442079460958");
  }
}
