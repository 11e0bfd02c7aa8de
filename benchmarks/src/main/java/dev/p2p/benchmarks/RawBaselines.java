package dev.p2p.benchmarks;

import dev.p2p.store.Store;
import dev.p2p.testkit.ContactCsvGenerator;
import dev.p2p.testkit.GeneratedRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * The raw baselines: the generator's unique valid rows, already normalized (E.164 phones, custom
 * fields as JSON, fixed place values), written straight into the {@code contacts} table of a
 * database that {@code JdbcStore} migrated, so the table, its indexes and its constraints are the
 * store's own. Only the writing is timed.
 */
final class RawBaselines {
  static final String ORG = "bench";

  private static final String COLUMNS =
      "org_id, list_id, phone, first_name, last_name, zip, time_zone, zip_state, area_code_state,"
          + " external_id, fields";
  private static final String INSERT =
      "INSERT INTO contacts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String COPY = "COPY contacts (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)";
  private static final String ZONE = "America/New_York";
  private static final String STATE = "NY";
  private static final int COPY_CHUNK_CHARS = 1 << 16;

  private RawBaselines() {}

  /** Creates the organization and an empty list through the store, and returns the list's id. */
  static long prepareList(Store store) {
    Instant now = Instant.now();
    store.ensureOrganization(ORG, now);
    return store.createList(ORG, "raw baseline", now).id();
  }

  /** Plain JDBC batches of {@code batchSize} inserts, one transaction per batch. */
  static Measurement jdbcBatches(
      String name, ContactCsvGenerator csv, DataSource db, long listId, int batchSize)
      throws SQLException {
    List<String> fieldNames = JsonFields.names(csv);
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(INSERT);
        HeapWatch heap = HeapWatch.start()) {
      c.setAutoCommit(false);
      long start = System.nanoTime();
      long[] pending = {0, 0};
      forEachUnique(
          csv,
          row -> {
            try {
              ps.setString(1, ORG);
              ps.setLong(2, listId);
              ps.setString(3, row.e164().orElseThrow());
              ps.setString(4, row.firstName());
              ps.setString(5, row.lastName());
              ps.setString(6, row.zip());
              ps.setString(7, ZONE);
              ps.setString(8, STATE);
              ps.setString(9, STATE);
              ps.setString(10, row.externalId());
              ps.setString(11, JsonFields.json(fieldNames, row.fields()));
              ps.addBatch();
              pending[1]++;
              if (++pending[0] == batchSize) {
                ps.executeBatch();
                c.commit();
                pending[0] = 0;
              }
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          });
      if (pending[0] > 0) {
        ps.executeBatch();
        c.commit();
      }
      return new Measurement(
          name,
          pending[1],
          System.nanoTime() - start,
          heap.sampledPeakBytes(),
          heap.poolPeaksBytes());
    }
  }

  /** One PostgreSQL {@code COPY ... FROM STDIN (FORMAT csv)}, streamed in 64 KB pieces. */
  static Measurement postgresCopy(String name, ContactCsvGenerator csv, DataSource db, long listId)
      throws SQLException {
    List<String> fieldNames = JsonFields.names(csv);
    try (Connection c = db.getConnection();
        HeapWatch heap = HeapWatch.start()) {
      c.setAutoCommit(false);
      long start = System.nanoTime();
      CopyIn copy = new CopyManager(c.unwrap(BaseConnection.class)).copyIn(COPY);
      StringBuilder text = new StringBuilder(COPY_CHUNK_CHARS + 4096);
      try {
        forEachUnique(
            csv,
            row -> {
              text.append(ORG).append(',').append(listId).append(',');
              text.append(row.e164().orElseThrow()).append(',');
              quoted(text, row.firstName()).append(',');
              quoted(text, row.lastName()).append(',');
              text.append(row.zip()).append(',').append(ZONE).append(',');
              text.append(STATE).append(',').append(STATE).append(',');
              quoted(text, row.externalId()).append(',');
              quoted(text, JsonFields.json(fieldNames, row.fields())).append('\n');
              if (text.length() >= COPY_CHUNK_CHARS) {
                send(copy, text);
              }
            });
        send(copy, text);
        long rows = copy.endCopy();
        c.commit();
        return new Measurement(
            name, rows, System.nanoTime() - start, heap.sampledPeakBytes(), heap.poolPeaksBytes());
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
    }
  }

  private static void forEachUnique(ContactCsvGenerator csv, Consumer<GeneratedRow> action) {
    csv.forEachRow(
        row -> {
          if (row.kind() == GeneratedRow.Kind.VALID) {
            action.accept(row);
          }
        });
  }

  private static void send(CopyIn copy, StringBuilder text) {
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    try {
      copy.writeToCopy(bytes, 0, bytes.length);
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("COPY failed", e));
    }
    text.setLength(0);
  }

  private static StringBuilder quoted(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      out.append(ch);
      if (ch == '"') {
        out.append('"');
      }
    }
    return out.append('"');
  }
}
