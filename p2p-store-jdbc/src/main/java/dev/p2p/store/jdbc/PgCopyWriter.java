package dev.p2p.store.jdbc;

import dev.p2p.contact.ContactDetails;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Writes imported contacts with PostgreSQL's {@code COPY ... FROM STDIN}, several times faster than
 * batched inserts. The only class that touches the PostgreSQL driver: it is loaded only for a
 * PostgreSQL database, and only used when the connections unwrap to the driver's own.
 */
final class PgCopyWriter implements ContactWriter {
  private static final String COPY =
      "COPY contacts (" + ContactRows.INSERT_COLUMNS + ") FROM STDIN WITH (FORMAT csv)";

  private PgCopyWriter() {}

  /** The COPY writer if the data source hands out PostgreSQL driver connections, else batches. */
  static ContactWriter forDataSource(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return c.isWrapperFor(BaseConnection.class) ? new PgCopyWriter() : ContactWriter.batch();
    }
  }

  /** COPY takes a whole chunk per transaction. */
  @Override
  public int sliceSize() {
    return Integer.MAX_VALUE;
  }

  @Override
  public void write(Connection c, String orgId, long listId, List<ContactDetails> chunk)
      throws SQLException {
    StringBuilder csv = new StringBuilder(chunk.size() * 160);
    for (ContactDetails contact : chunk) {
      field(csv, orgId).append(',').append(listId);
      for (String value : ContactRows.values(contact)) {
        field(csv.append(','), value);
      }
      csv.append('\n');
    }
    try {
      new CopyManager(c.unwrap(BaseConnection.class))
          .copyIn(COPY, new StringReader(csv.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY of imported contacts failed", e);
    }
  }

  /** Appends a CSV field: quoted text, or nothing for NULL. */
  private static StringBuilder field(StringBuilder csv, @Nullable String value) {
    if (value != null) {
      csv.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
    return csv;
  }
}
