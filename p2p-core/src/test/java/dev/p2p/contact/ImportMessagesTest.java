package dev.p2p.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.store.memory.InMemoryStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** However wide a bad file, what an import says about it stays short. */
class ImportMessagesTest {
  private final Contacts contacts =
      P2P.builder().store(InMemoryStore.create()).build().organization("acme").contacts();

  private ImportReport importCsv(String csv) {
    return contacts.importCsv(
        "Voters",
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
        ImportOptions.defaults(),
        p -> {});
  }

  private ValidationException refused(String csv) {
    ValidationException e = catchThrowableOfType(() -> importCsv(csv), ValidationException.class);
    assertThat(e).isNotNull();
    assertThat(contacts.lists()).isEmpty();
    return e;
  }

  private static String columns(String header, int count) {
    return String.join(",", Collections.nCopies(count, header));
  }

  @Test
  @DisplayName("a header of 10,000 nameless columns names five of them, then how many more")
  void tenThousandNamelessColumns() {
    ValidationException e = refused("phone," + columns("!!!", 10_000) + "\n+13125550101\n");

    assertThat(e.getMessage()).hasSizeLessThan(1_000);
    assertThat(e.violations()).hasSize(6);
    assertThat(e.violations().get(0))
        .isEqualTo(new Violation("header", "\"!!!\" has no letters or digits to name a field"));
    assertThat(e.violations().get(5))
        .isEqualTo(new Violation("header", "and 9995 more columns like these"));
  }

  @Test
  @DisplayName("a header of 10,000 clashing columns without a phone stays short and says both")
  void tenThousandClashingColumnsWithoutPhone() {
    ValidationException e = refused(columns("Polling Place", 10_000) + "\n");

    assertThat(e.getMessage()).hasSizeLessThan(2_000);
    assertThat(e.violations()).hasSize(7);
    assertThat(e.violations().get(5).reason()).isEqualTo("and 9994 more columns like these");
    assertThat(e.violations().get(6).reason()).startsWith("has no phone column");
  }

  @Test
  @DisplayName("a header of 10,000 columns over the length limit stays short")
  void tenThousandOverlongHeaders() {
    ValidationException e = refused("phone," + columns("h".repeat(1_001), 10_000) + "\n");

    assertThat(e.getMessage()).hasSizeLessThan(1_000);
    assertThat(e.violations().get(0).reason()).isEqualTo("column 2 is over 1000 characters");
  }

  @Test
  @DisplayName("a row with 10,000 values over the limit gets one short row error")
  void rowWithTenThousandOverlongValues() {
    String header = "phone";
    StringBuilder csv = new StringBuilder(header);
    for (int i = 0; i < 10_000; i++) {
      csv.append(",f").append(i);
    }
    csv.append("\n+13125550101");
    String tooLong = "v".repeat(1_001);
    for (int i = 0; i < 10_000; i++) {
      csv.append(',').append(tooLong);
    }
    csv.append('\n');

    ImportReport report = importCsv(csv.toString());

    assertThat(report.invalid()).isEqualTo(1);
    RowError error = report.errors().get(0);
    assertThat(error.reason()).hasSizeLessThan(500).endsWith("and 9995 more");
  }
}
