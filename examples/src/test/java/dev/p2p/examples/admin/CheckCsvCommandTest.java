package dev.p2p.examples.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.p2p.testkit.ContactCsvGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCsvCommandTest {
  private static final String BAD_ROWS =
      """
      phone,first_name,last_name,polling_place
      (415) 555-2671,Ana,Lopez,Main St Library
      12345,Bob,Smith,Town Hall
      415.555.2671,Ana,Again,Main St Library
      +1 312 555 0100,Jose,Nunez,City Hall
      not a phone,Eve,,Fire Station
      """;

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("a clean file exits 0 with its counts and the columns recognized")
  void clean() throws IOException {
    Path csv = write("ok.csv", "Cell Phone,First Name,Ward\n(415) 555-2671,Ana,3\n");

    Run run = Run.of("check-csv", csv.toString());

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("Rows read:      1")
        .contains("Would import:   1")
        .contains("Invalid:        0")
        .contains("Columns:        Cell Phone -> phone, First Name -> firstName")
        .contains("Custom fields:  Ward -> ward")
        .doesNotContain("Rejected rows");
  }

  @Test
  @DisplayName("rejected rows exit 1 and are listed with row number, field and reason")
  void badRowsText() throws IOException {
    Run run = Run.of("check-csv", write("bad.csv", BAD_ROWS).toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out())
        .contains("Rows read:      5")
        .contains("Would import:   2")
        .contains("Duplicates:     1")
        .contains("Invalid:        2")
        .contains("Custom fields:  polling_place -> pollingPlace")
        .containsPattern("row 3 +phone +is not")
        .containsPattern("row 4 +phone +duplicates row 2")
        .containsPattern("row 6 +phone +is not")
        .doesNotContain("more (--json");
  }

  @Test
  @DisplayName("--json gives the counts, the columns and every rejected row")
  void badRowsJson() throws IOException {
    JsonNode json = Run.of("check-csv", "--json", write("bad.csv", BAD_ROWS).toString()).json();

    assertThat(json.get("importable").asBoolean()).isTrue();
    assertThat(json.get("problems")).isEmpty();
    assertThat(json.get("rowsRead").asLong()).isEqualTo(5);
    assertThat(json.get("wouldImport").asLong()).isEqualTo(2);
    assertThat(json.get("duplicates").asLong()).isEqualTo(1);
    assertThat(json.get("invalid").asLong()).isEqualTo(2);
    assertThat(json.at("/columns/0/field").asText()).isEqualTo("phone");
    assertThat(json.at("/columns/3/header").asText()).isEqualTo("polling_place");
    assertThat(json.at("/columns/3/field").asText()).isEqualTo("pollingPlace");
    assertThat(json.at("/columns/3/custom").asBoolean()).isTrue();
    assertThat(json.get("errors")).hasSize(3);
    assertThat(json.at("/errors/1/row").asLong()).isEqualTo(4);
    assertThat(json.at("/errors/1/field").asText()).isEqualTo("phone");
    assertThat(json.at("/errors/1/reason").asText()).contains("duplicates row 2");
    assertThat(json.get("rejectedNotListed").asLong()).isZero();
  }

  @Test
  @DisplayName("a generated list: counts as the generator expects, 20 rows in text, all in JSON")
  void generated() throws IOException {
    ContactCsvGenerator generator =
        ContactCsvGenerator.builder()
            .rows(2_000)
            .seed(7)
            .invalidShare(0.05)
            .duplicateShare(0.05)
            .customFields("ward")
            .build();
    Path csv = dir.resolve("big.csv");
    ContactCsvGenerator.Counts expected = generator.writeTo(csv);
    long rejected = expected.invalid() + expected.duplicates();

    Run text = Run.of("check-csv", csv.toString());
    JsonNode json = Run.of("check-csv", "--json", csv.toString()).json();

    assertThat(rejected).isGreaterThan(20);
    assertThat(text.code()).isEqualTo(1);
    assertThat(text.out())
        .containsPattern("(?m)^  row ")
        .contains("Would import:   " + expected.imported());
    assertThat(text.out().lines().filter(l -> l.startsWith("  row "))).hasSize(20);
    assertThat(text.out())
        .contains("... and " + (rejected - 20) + " more (--json lists the first " + rejected);
    assertThat(json.get("rowsRead").asLong()).isEqualTo(expected.rowsRead());
    assertThat(json.get("wouldImport").asLong()).isEqualTo(expected.imported());
    assertThat(json.get("duplicates").asLong()).isEqualTo(expected.duplicates());
    assertThat(json.get("invalid").asLong()).isEqualTo(expected.invalid());
    assertThat(json.get("errors")).hasSize((int) rejected);
  }

  @Test
  @DisplayName("a file without a phone column cannot be imported: exit 1, the reason on stderr")
  void noPhoneColumn() throws IOException {
    Path csv = write("nophone.csv", "name,zip\nAna,60601\n");

    Run text = Run.of("check-csv", csv.toString());
    Run json = Run.of("check-csv", "--json", csv.toString());

    assertThat(text.code()).isEqualTo(1);
    assertThat(text.err()).contains("cannot be imported").contains("header has no phone column");
    assertThat(json.code()).isEqualTo(1);
    assertThat(json.json().get("importable").asBoolean()).isFalse();
    assertThat(json.json().at("/problems/0/field").asText()).isEqualTo("header");
  }

  @Test
  @DisplayName("bytes that are not UTF-8 cannot be imported: exit 1, no stack trace")
  void badUtf8() throws IOException {
    Path csv = dir.resolve("latin1.csv");
    Files.write(
        csv, "phone,first_name\n4155552671,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    Run run = Run.of("check-csv", csv.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("cannot be imported").contains("file").doesNotContain("\tat ");
  }

  @Test
  @DisplayName("bad usage exits 2: missing file, a directory, unknown option, no FILE, bad region")
  void badUsage() throws IOException {
    Path csv = write("ok.csv", "phone\n4155552671\n");

    Run missing = Run.of("check-csv", dir.resolve("nope.csv").toString());
    Run directory = Run.of("check-csv", dir.toString());
    Run unknown = Run.of("check-csv", "--bogus", csv.toString());
    Run noFile = Run.of("check-csv");
    Run region = Run.of("check-csv", "--region", "XX", csv.toString());

    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("FILE " + dir.resolve("nope.csv") + " does not exist");
    assertThat(directory.code()).isEqualTo(2);
    assertThat(directory.err()).contains("is not a regular file");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(noFile.code()).isEqualTo(2);
    assertThat(noFile.err()).contains("Missing required parameter: 'FILE'");
    assertThat(region.code()).isEqualTo(2);
    assertThat(region.err()).contains("--region XX");
  }

  @Test
  @DisplayName("--region reads phones without a country code in that region")
  void region() throws IOException {
    Path csv = write("uk.csv", "phone\n07400 123456\n");

    assertThat(Run.of("check-csv", csv.toString()).code()).isEqualTo(1);
    assertThat(Run.of("check-csv", "--region", "GB", csv.toString()).code()).isZero();
  }
}
