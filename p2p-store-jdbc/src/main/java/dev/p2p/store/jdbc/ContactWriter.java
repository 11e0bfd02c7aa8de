package dev.p2p.store.jdbc;

import dev.p2p.contact.ContactDetails;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Writes a chunk of imported contacts on the caller's connection and transaction. */
interface ContactWriter {

  /** Inserts every contact of the chunk into the list. */
  void write(Connection c, String orgId, long listId, List<ContactDetails> chunk)
      throws SQLException;

  /** The portable writer: one JDBC batch of inserts per chunk. */
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
