package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.Contacts;
import dev.p2p.contact.ImportReport;
import dev.p2p.store.memory.InMemoryStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactCsvGeneratorTest {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private static final ContactCsvGenerator TWENTY_THOUSAND =
      ContactCsvGenerator.builder()
          .rows(20_000)
          .seed(7)
          .invalidShare(0.04)
          .duplicateShare(0.05)
          .customFields("polling_place", "ward")
          .build();

  @Nested
  class Determinism {
    @Test
    @DisplayName("the same settings and seed give the same bytes")
    void sameSeedSameBytes() {
      assertThat(csv(TWENTY_THOUSAND)).isEqualTo(csv(TWENTY_THOUSAND));
    }

    @Test
    @DisplayName("another seed gives other rows but the same counts")
    void otherSeedOtherRows() {
      ContactCsvGenerator other =
          ContactCsvGenerator.builder()
              .rows(20_000)
              .seed(8)
              .invalidShare(0.04)
              .duplicateShare(0.05)
              .customFields("polling_place", "ward")
              .build();
      assertThat(csv(other)).isNotEqualTo(csv(TWENTY_THOUSAND));
      assertThat(other.expected()).isEqualTo(TWENTY_THOUSAND.expected());
    }

    @Test
    @DisplayName("a Path, a Writer and an OutputStream receive the same file")
    void everySinkGetsTheSameFile(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("contacts.csv");
      TWENTY_THOUSAND.writeTo(file);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      TWENTY_THOUSAND.writeTo(bytes);

      String expected = csv(TWENTY_THOUSAND);
      assertThat(Files.readString(file)).isEqualTo(expected);
      assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    }
  }

  @Nested
  class Counts {
    @Test
    @DisplayName("the expected counts add up to the rows and honour the shares")
    void countsMatchTheShares() {
      ContactCsvGenerator.Counts counts = TWENTY_THOUSAND.expected();
      assertThat(counts.rowsRead()).isEqualTo(20_000);
      assertThat(counts.invalid()).isEqualTo(800);
      assertThat(counts.duplicates()).isEqualTo(1_000);
      assertThat(counts.imported()).isEqualTo(18_200);
    }

    @Test
    @DisplayName("an independent reading of the file finds exactly the expected counts")
    void fileHasTheExpectedCounts() {
      assertThat(readBack(csv(TWENTY_THOUSAND))).isEqualTo(TWENTY_THOUSAND.expected());
    }

    @Test
    @DisplayName("counts are exact for odd sizes and shares too")
    void oddSizes() {
      for (long rows : new long[] {1, 2, 3, 97, 1_001}) {
        ContactCsvGenerator g =
            ContactCsvGenerator.builder()
                .rows(rows)
                .seed(rows)
                .invalidShare(0.13)
                .duplicateShare(0.29)
                .build();
        assertThat(readBack(csv(g))).as("%d rows", rows).isEqualTo(g.expected());
      }
    }

    @Test
    @DisplayName("with no invalid or duplicate share, every row is a new valid phone")
    void allValid() {
      ContactCsvGenerator g =
          ContactCsvGenerator.builder().rows(5_000).invalidShare(0).duplicateShare(0).build();
      assertThat(g.expected()).isEqualTo(new ContactCsvGenerator.Counts(5_000, 5_000, 0, 0));
      assertThat(readBack(csv(g))).isEqualTo(g.expected());
    }
  }

  @Nested
  class ImportedThroughP2P {
    @Test
    @DisplayName("an import of the file reports exactly the expected counts and stores every row")
    void importReportsTheExpectedCounts(@TempDir Path dir) {
      Path file = dir.resolve("contacts.csv");
      TWENTY_THOUSAND.writeTo(file);
      try (P2P p2p = P2P.builder().store(InMemoryStore.create()).build()) {
        Contacts contacts = p2p.organization("acme").contacts();

        ImportReport report = contacts.importCsv("generated", file);

        assertThat(
                new ContactCsvGenerator.Counts(
                    report.rowsRead(), report.imported(), report.duplicates(), report.invalid()))
            .isEqualTo(TWENTY_THOUSAND.expected());
        assertThat(contacts.list(report.listId().orElseThrow()))
            .hasValueSatisfying(list -> assertThat(list.size()).isEqualTo(18_200));
      }
    }
  }

  @Nested
  class Phones {
    @Test
    @DisplayName("every valid or duplicate row's phone is a valid US number with the stated E.164")
    void validPhonesAreValid() {
      TWENTY_THOUSAND.forEachRow(
          row -> {
            Optional<String> parsed = e164(row.phone());
            if (row.kind() == GeneratedRow.Kind.INVALID) {
              assertThat(parsed).as("row %d: %s", row.number(), row.phone()).isEmpty();
              assertThat(row.e164()).isEmpty();
            } else {
              assertThat(parsed).as("row %d: %s", row.number(), row.phone()).isPresent();
              assertThat(parsed).isEqualTo(row.e164());
            }
          });
    }

    @Test
    @DisplayName("every area code and exchange the generator uses makes valid numbers")
    void wholeNumberingPlanIsValid() {
      List<String> rejected = new ArrayList<>();
      int line = 0;
      for (short area : SyntheticPhones.AREA_CODES) {
        for (short exchange : SyntheticPhones.EXCHANGES) {
          line = (line + 7_919) % 10_000;
          long national = area * 10_000_000L + exchange * 10_000L + line;
          if (e164("+1" + national).isEmpty()) {
            rejected.add(Long.toString(national));
          }
        }
      }
      assertThat(rejected).isEmpty();
    }

    @Test
    @DisplayName("phones come in all five formats, and a duplicate is written unlike its original")
    void formats() {
      Set<String> shapes = new HashSet<>();
      Map<String, String> firstWritten = new HashMap<>();
      TWENTY_THOUSAND.forEachRow(
          row -> {
            if (row.kind() == GeneratedRow.Kind.INVALID) {
              return;
            }
            shapes.add(row.phone().replaceAll("[0-9]", "9"));
            String e164 = row.e164().orElseThrow();
            if (row.kind() == GeneratedRow.Kind.VALID) {
              assertThat(firstWritten.put(e164, row.phone())).isNull();
            } else {
              assertThat(firstWritten).containsKey(e164);
              assertThat(row.phone()).isNotEqualTo(firstWritten.get(e164));
            }
          });
      assertThat(shapes)
          .containsExactlyInAnyOrder(
              "(999) 999-9999", "999.999.9999", "+9 999-999-9999", "9999999999", "9-999-999-9999");
    }
  }

  @Test
  @DisplayName(
      "the header names the fixed columns, then the custom fields, whose values are filled")
  void headerAndCustomFields() {
    List<CsvRecord> records = records(csv(TWENTY_THOUSAND));
    assertThat(records.get(0).getFields())
        .containsExactly(
            "phone", "first_name", "last_name", "zip", "external_id", "polling_place", "ward");
    assertThat(records.subList(1, records.size()))
        .allSatisfy(
            r -> {
              assertThat(r.getFieldCount()).isEqualTo(7);
              assertThat(r.getField(3)).matches("[0-9]{5}");
              assertThat(r.getField(5)).startsWith("Polling Place ");
              assertThat(r.getField(6)).startsWith("Ward ");
            });
    assertThat(records).anySatisfy(r -> assertThat(r.getField(5)).contains(", Room "));
  }

  @Test
  @DisplayName("bad settings are rejected at build, every problem listed")
  void rejectsBadSettings() {
    assertThatThrownBy(
            () ->
                ContactCsvGenerator.builder()
                    .rows(0)
                    .invalidShare(-0.1)
                    .duplicateShare(1.5)
                    .customFields("ward", "Ward", "a,b", "phone")
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly(
                        "rows",
                        "invalidShare",
                        "duplicateShare",
                        "duplicateShare",
                        "customFields.Ward",
                        "customFields.a,b",
                        "customFields.phone"));
  }

  @Test
  @DisplayName("the numbering plan holds more numbers than the largest file has rows")
  void capacity() {
    assertThat(SyntheticPhones.CAPACITY).isGreaterThan(1_000_000_000L);
  }

  private static String csv(ContactCsvGenerator generator) {
    StringWriter out = new StringWriter();
    generator.writeTo(out);
    return out.toString();
  }

  private static List<CsvRecord> records(String csv) {
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(new StringReader(csv))) {
      return reader.stream().toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Reads a file as an importer would: libphonenumber, then dedupe by E.164. */
  private static ContactCsvGenerator.Counts readBack(String csv) {
    List<CsvRecord> records = records(csv);
    Set<String> seen = new HashSet<>();
    long invalid = 0;
    long duplicates = 0;
    for (CsvRecord r : records.subList(1, records.size())) {
      Optional<String> e164 = e164(r.getField(0));
      if (e164.isEmpty()) {
        invalid++;
      } else if (!seen.add(e164.get())) {
        duplicates++;
      }
    }
    return new ContactCsvGenerator.Counts(records.size() - 1, seen.size(), duplicates, invalid);
  }

  private static Optional<String> e164(String phone) {
    try {
      PhoneNumber number = PHONES.parse(phone, "US");
      return PHONES.isValidNumber(number) && !number.hasExtension()
          ? Optional.of(PHONES.format(number, PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
