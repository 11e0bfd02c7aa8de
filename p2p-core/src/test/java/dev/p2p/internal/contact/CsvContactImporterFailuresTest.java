package dev.p2p.internal.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.p2p.P2PException;
import dev.p2p.StoreException;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.ImportOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The problems that stop an import as a whole: the caller then aborts the list. */
class CsvContactImporterFailuresTest {
  private final CsvContactImporter importer = new CsvContactImporter(new ContactNormalizer("US"));
  private final RecordingImport sink = new RecordingImport();

  private ValidationException rejected(byte[] csv) {
    return catchThrowableOfType(
        () -> importer.run(new ByteArrayInputStream(csv), ImportOptions.defaults(), sink, p -> {}),
        ValidationException.class);
  }

  private ValidationException rejected(String csv) {
    return rejected(csv.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void rejectsAnEmptyFile() {
    assertThat(rejected("").violations())
        .containsExactly(
            new Violation("file", "is empty: expected a header row with a phone column"));
  }

  @Test
  void rejectsAFileOfBlankLines() {
    assertThat(rejected("\n\n  \n").violations())
        .extracting(Violation::field)
        .containsExactly("file");
  }

  @Test
  @DisplayName("rejects a header without a phone column, naming what it expected and found")
  void rejectsAHeaderWithoutAPhoneColumn() {
    Violation violation = rejected("name,zip\nAna,10001\n").violations().get(0);

    assertThat(violation.field()).isEqualTo("header");
    assertThat(violation.reason())
        .startsWith("has no phone column; expected one of: phone, phone number, cell")
        .contains("found: \"name\", \"zip\"");
  }

  @Test
  @DisplayName("masks a phone number read as a header when the header row is missing")
  void masksPhonesInTheHeadersItQuotes() {
    String reason = rejected("4155552671,Ana\n").violations().get(0).reason();

    assertThat(reason).contains("\"4*****2671\"").doesNotContain("4155552671");
  }

  @Test
  void rejectsTwoHeadersThatBecomeTheSameField() {
    assertThat(rejected("phone,Polling Place,polling_place\n").violations())
        .containsExactly(
            new Violation(
                "header",
                "\"Polling Place\" and \"polling_place\" both become pollingPlace; rename one"));
  }

  @Test
  void rejectsTwoPhoneColumns() {
    assertThat(rejected("phone,cell\n").violations())
        .containsExactly(
            new Violation("header", "\"phone\" and \"cell\" both become phone; rename one"));
  }

  @Test
  void rejectsBytesThatAreNotUtf8() {
    byte[] latin1 = "phone,first\n4155552671,José\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(rejected(latin1).violations())
        .containsExactly(
            new Violation(
                "file",
                "is not valid UTF-8 near row 2; save it as UTF-8 or pass ImportOptions.charset(...)"));
  }

  @Test
  @DisplayName("fails with the cause when the stream breaks midway, saying the import rolled back")
  void failsWhenTheStreamBreaks() {
    InputStream broken =
        new InputStream() {
          private final InputStream head =
              new ByteArrayInputStream("phone\n4155552671\n".getBytes(StandardCharsets.UTF_8));

          @Override
          public int read() throws IOException {
            int b = head.read();
            if (b < 0) {
              throw new IOException("disk gone");
            }
            return b;
          }
        };

    P2PException e =
        catchThrowableOfType(
            () -> importer.run(broken, ImportOptions.defaults(), sink, p -> {}),
            P2PException.class);

    assertThat(e).isNotInstanceOf(ValidationException.class).hasRootCauseMessage("disk gone");
    assertThat(e)
        .isInstanceOfSatisfying(StoreException.class, s -> assertThat(s.retryable()).isTrue());
    assertThat(e.getMessage()).contains("the import was rolled back");
  }
}
