package dev.p2p.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.store.memory.InMemoryStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A quote that never closes is reported with its row, and nothing is imported. */
class ImportQuotesTest {
  private final Contacts contacts =
      P2P.builder().store(InMemoryStore.create()).build().organization("acme").contacts();

  private ImportReport importCsv(String csv) {
    return contacts.importCsv(
        "Voters",
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
        ImportOptions.defaults(),
        p -> {});
  }

  private Violation refused(String csv) {
    ValidationException e = catchThrowableOfType(() -> importCsv(csv), ValidationException.class);
    assertThat(e).as("the import is refused").isNotNull();
    assertThat(contacts.lists()).as("no list is left behind").isEmpty();
    assertThat(e.violations()).hasSize(1);
    return e.violations().get(0);
  }

  private static String rows(int from, int to) {
    StringBuilder csv = new StringBuilder();
    for (int row = from; row <= to; row++) {
      csv.append(String.format("+1312555%04d,Voter %d%n", row, row));
    }
    return csv.toString();
  }

  @Test
  @DisplayName("a quote still open at the end of the file fails the import, naming its row")
  void quoteOpenAtTheEnd() {
    Violation v =
        refused(
            "phone,first name\n+13125550101,Ana\n+13125550102,\"Bo\n+13125550103,Cy\n"
                + "+13125550104,Di\n");

    assertThat(v.field()).isEqualTo("file");
    assertThat(v.reason())
        .startsWith(
            "row 3: the quote that opens the field in column \"first name\" is never closed")
        .endsWith("nothing was imported");
  }

  @Test
  @DisplayName("a stray quote at row 7,002 of 7,099 fails the import instead of losing 98 rows")
  void strayQuoteNearTheEnd() {
    String csv =
        "phone,first name\n" + rows(2, 7_001) + "+13125557002,\"Stray\n" + rows(7_003, 7_099);

    assertThat(refused(csv).reason()).startsWith("row 7002: the quote that opens the field");
  }

  @Test
  @DisplayName("a quoted field closed further down that swallows rows fails the import")
  void quoteClosedByALaterStrayQuote() {
    String csv =
        "phone,first name\n"
            + rows(2, 40)
            + "+13125550041,\"Stray\n"
            + rows(42, 50)
            + "+13125550051,Di\"\n"
            + rows(52, 60);

    Violation v = refused(csv);

    assertThat(v.reason())
        .startsWith("row 41: the quoted field in column \"first name\" spans lines")
        .contains("with the phone +1******0042")
        .doesNotContain("3125550042");
  }

  @Test
  @DisplayName("a quote at the very start of the header that never closes fails the import")
  void quoteOpenInTheHeader() {
    assertThat(refused("phone,\"first name\n+13125550101,Ana\n").reason())
        .startsWith("row 1: the quote that opens the field in column 2 is never closed");
  }

  @Test
  @DisplayName("a quoted field spanning lines of text still imports, and so do the rows after it")
  void quotedMultiLineFieldsStillImport() {
    ImportReport report =
        importCsv(
            "phone,address,notes\n"
                + "+13125550101,\"12 Main St\nApt 4\",\"Called twice, no answer\n"
                + "Try again, after 5\nNumbers: 555-0199\"\n"
                + "+13125550102,\"1 Elm St\",\"\"\"Quoted\"\", she said\"\n");

    assertThat(report.imported()).isEqualTo(2);
    assertThat(report.errors()).isEmpty();
    Contact first = contacts.findByPhone("+13125550101").get(0);
    assertThat(first.details().fields())
        .containsEntry("address", "12 Main St\nApt 4")
        .containsEntry("notes", "Called twice, no answer\nTry again, after 5\nNumbers: 555-0199");
  }

  @Test
  @DisplayName("a file whose last row ends without a line break still imports it")
  void lastRowWithoutLineBreak() {
    ImportReport report = importCsv("phone,first name\n+13125550101,Ana\n+13125550102,\"Bo\"");

    assertThat(report.imported()).isEqualTo(2);
    assertThat(contacts.findByPhone("+13125550102").get(0).details().firstName()).isEqualTo("Bo");
  }
}
