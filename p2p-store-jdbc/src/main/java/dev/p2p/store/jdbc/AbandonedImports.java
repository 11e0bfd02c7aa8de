package dev.p2p.store.jdbc;

import dev.p2p.store.support.ImportRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and removes the imports that {@link ImportRule} calls abandoned: lists still {@code
 * IMPORTING} whose last chunk (kept in {@code created_at} while importing) is too old. Each is
 * first claimed, its {@code created_at} set to {@link #CLAIMED} in a transaction that re-checks its
 * age under the row lock, so a writer that comes back to life is refused from then on; then its
 * contacts go in windows of {@link JdbcContactImport#DELETE_WINDOW} ids, and last the list row. A
 * removal cut short is finished by the next one, since a claimed list stays abandoned. Safe on many
 * nodes at once: each step is idempotent.
 */
final class AbandonedImports {
  /** The {@code created_at} of a list being removed as abandoned. */
  static final LocalDateTime CLAIMED = Times.toColumn(Instant.EPOCH);

  private static final Logger log = LoggerFactory.getLogger(AbandonedImports.class);

  private final Tx tx;

  AbandonedImports(Tx tx) {
    this.tx = tx;
  }

  /**
   * Adds a chunk's count to an import's list and renews its last write, unless it was claimed.
   *
   * @return false if the list is gone or claimed: the import was abandoned
   */
  static boolean renew(Connection c, String orgId, long listId, long added, Instant written)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE contact_lists SET contact_count = contact_count + ?, created_at = ?"
                + " WHERE org_id = ? AND id = ? AND status = 'IMPORTING' AND created_at > ?")) {
      ps.setLong(1, added);
      ps.setObject(2, Times.toColumn(written));
      ps.setString(3, orgId);
      ps.setLong(4, listId);
      ps.setObject(5, CLAIMED);
      return ps.executeUpdate() > 0;
    }
  }

  /** Removes every import abandoned as of {@code now}, in any organization; returns how many. */
  int removeAll(Instant now) {
    LocalDateTime before = Times.toColumn(ImportRule.abandonedBefore(now));
    List<Object[]> found =
        tx.run(
            "find abandoned imports",
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT org_id, id FROM contact_lists"
                          + " WHERE status = 'IMPORTING' AND created_at < ?")) {
                ps.setObject(1, before);
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    rows.add(new Object[] {rs.getString(1), rs.getLong(2)});
                  }
                }
                return rows;
              }
            });
    int removed = 0;
    for (Object[] row : found) {
      String orgId = (String) row[0];
      long listId = (Long) row[1];
      if (tx.run("claim an abandoned import", c -> claim(c, orgId, listId, before))) {
        long contacts = remove(orgId, listId);
        log.info(
            "Removed the abandoned import of list {} for org {} ({} contacts)",
            listId,
            orgId,
            contacts);
        removed++;
      }
    }
    return removed;
  }

  private static boolean claim(Connection c, String orgId, long listId, LocalDateTime before)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE contact_lists SET created_at = ?"
                + " WHERE org_id = ? AND id = ? AND status = 'IMPORTING' AND created_at < ?")) {
      ps.setObject(1, CLAIMED);
      ps.setString(2, orgId);
      ps.setLong(3, listId);
      ps.setObject(4, before);
      return ps.executeUpdate() > 0;
    }
  }

  private long remove(String orgId, long listId) {
    long[] range = tx.run("remove an abandoned import", c -> idRange(c, orgId, listId));
    long deleted = 0;
    for (long from = range[0]; from <= range[1]; from += JdbcContactImport.DELETE_WINDOW) {
      long start = from;
      deleted +=
          tx.run(
              "remove an abandoned import",
              c ->
                  ListSql.deleteContacts(
                      c, orgId, listId, start, start + JdbcContactImport.DELETE_WINDOW));
    }
    tx.run(
        "remove an abandoned import", c -> ListSql.deleteList(c, orgId, listId, ListSql.IMPORTING));
    return deleted;
  }

  /** The lowest and highest contact id of the list; an empty range when it has none. */
  static long[] idRange(Connection c, String orgId, long listId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT MIN(id), MAX(id) FROM contacts WHERE org_id = ? AND list_id = ?")) {
      ps.setString(1, orgId);
      ps.setLong(2, listId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long min = rs.getLong(1);
        return rs.wasNull() ? new long[] {0, -1} : new long[] {min, rs.getLong(2)};
      }
    }
  }
}
