package dev.p2p.store.jdbc;

import dev.p2p.contact.ContactDetails;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Writes a chunk of imported contacts on the caller's connection and transaction. */
interface ContactWriter {

  /** Inserts every contact of the chunk into the list. */
  void write(Connection c, String orgId, long listId, List<ContactDetails> chunk)
      throws SQLException;

  /**
   * How many contacts to write per transaction. Batched inserts go in slices of {@value
   * #BATCH_SLICE}: measured on H2, 1,000-row transactions imported twice as fast as 5,000-row ones
   * (its undo log grows with the transaction).
   */
  default int sliceSize() {
    return BATCH_SLICE;
  }

  /** The slice of the batch writer. */
  int BATCH_SLICE = 1_000;

  /**
   * The fastest writer for the database: {@code COPY} on PostgreSQL when its driver is the
   * PostgreSQL one, the portable batch writer otherwise.
   */
  static ContactWriter forDatabase(Dialect dialect, DataSource dataSource) {
    if (dialect != Dialect.POSTGRESQL) {
      return batch();
    }
    try {
      return PgCopyWriter.forDataSource(dataSource);
    } catch (LinkageError e) {
      return batch(); // a PostgreSQL server behind another driver
    } catch (SQLException e) {
      throw Tx.unreachable("connect to the database", e);
    }
  }

  /** The portable writer: one JDBC batch of inserts per slice. */
  static ContactWriter batch() {
    return (c, orgId, listId, chunk) -> {
      try (PreparedStatement ps = c.prepareStatement(ContactRows.INSERT)) {
        for (ContactDetails contact : chunk) {
          ContactRows.bind(ps, orgId, listId, contact);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    };
  }
}
