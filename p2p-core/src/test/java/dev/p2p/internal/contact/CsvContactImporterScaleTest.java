package dev.p2p.internal.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.contact.ImportOptions;
import dev.p2p.contact.ImportReport;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvContactImporterScaleTest {
  private static final int ROWS = 1_000_000;

  /** Writes a header and then {@code rows} rows on demand, never holding the file in memory. */
  static final class GeneratedCsv extends InputStream {
    private final int rows;
    private int next = -1;
    private byte[] line = new byte[0];
    private int pos;

    GeneratedCsv(int rows) {
      this.rows = rows;
    }

    @Override
    public int read() {
      if (pos == line.length) {
        if (next == rows) {
          return -1;
        }
        line = nextLine().getBytes(StandardCharsets.UTF_8);
        pos = 0;
      }
      return line[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int n = 0;
      while (n < len) {
        int c = read();
        if (c < 0) {
          return n == 0 ? -1 : n;
        }
        b[off + n++] = (byte) c;
      }
      return n;
    }

    private String nextLine() {
      int i = next++;
      if (i < 0) {
        return "phone,first name,last name,zip,polling place\n";
      }
      int phone = i % 10 == 9 ? i - 1 : i;
      return CsvContactImporterTest.phone(phone)
          + ",Ana"
          + i
          + ",Lima,10001,\"School, Room "
          + i
          + "\"\n";
    }
  }

  @Test
  @DisplayName("streams a million rows through the sink, deduplicating them, in bounded memory")
  void importsAMillionRows() {
    RecordingImport sink = new RecordingImport(false);
    CsvContactImporter importer = new CsvContactImporter(new ContactNormalizer("US"));

    ImportReport report =
        importer.run(new GeneratedCsv(ROWS), ImportOptions.defaults(), sink, p -> {});

    assertThat(report.rowsRead()).isEqualTo(ROWS);
    assertThat(report.duplicates()).isEqualTo(ROWS / 10);
    assertThat(report.imported()).isEqualTo(ROWS - ROWS / 10);
    assertThat(sink.chunkSizes.stream().mapToLong(Integer::longValue).sum())
        .isEqualTo(report.imported());
  }
}
