package dev.p2p.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * {@code EXPLAIN (ANALYZE, BUFFERS)} of the claim's statements on PostgreSQL, as {@code ClaimSql}
 * writes them for an action without Keep Assignments, on a pool whose first half is assigned: the
 * slot lock, the free rows read from a slot in the middle of the pool and from the lowest id, and
 * the assignment. Runs in a transaction rolled back at the end, so the pool is left as it was.
 */
final class ClaimExplain {
  private static final String FREE =
      "SELECT v.id FROM conversations v WHERE v.action_id = ? AND v.texter_id IS NULL"
          + " AND v.id >= ? AND v.status = 'NEEDS_FIRST_MESSAGE' AND v.window_key IN (?) AND"
          + " NOT EXISTS (SELECT 1 FROM opt_outs o WHERE o.org_id = v.org_id"
          + " AND o.phone = v.contact_phone) AND NOT EXISTS (SELECT 1 FROM invalid_phones i"
          + " WHERE i.org_id = v.org_id AND i.phone = v.contact_phone)"
          + " ORDER BY v.action_id, v.texter_id, v.status, v.id LIMIT 50 FOR UPDATE SKIP LOCKED";

  private ClaimExplain() {}

  static void print(DataSource db, long actionId) throws SQLException {
    try (Connection c = db.getConnection()) {
      long min;
      long max;
      String key;
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT MIN(id), MAX(id), MIN(window_key) FROM conversations WHERE action_id = "
                      + actionId)) {
        rs.next();
        min = rs.getLong(1);
        max = rs.getLong(2);
        key = rs.getString(3);
      }
      long mid = (min + max) / 2;
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "UPDATE conversations SET texter_id = 'done' WHERE action_id = "
                + actionId
                + " AND id < "
                + mid);
        s.execute("VACUUM ANALYZE conversations");
      }
      c.setAutoCommit(false);
      explain(
          c,
          "SELECT start_id FROM claim_slots WHERE action_id = "
              + actionId
              + " ORDER BY action_id, slot LIMIT 1 FOR UPDATE SKIP LOCKED");
      String free =
          FREE.replaceFirst("\\?", String.valueOf(actionId))
              .replace("IN (?)", "IN ('" + key + "')");
      explain(c, free.replace("v.id >= ?", "v.id >= " + (mid + (max - mid) / 2)));
      explain(c, free.replace("v.id >= ?", "v.id >= 0"));
      explain(
          c,
          "UPDATE conversations SET texter_id = 'x', updated_at = now() WHERE id IN (SELECT id"
              + " FROM conversations WHERE action_id = "
              + actionId
              + " AND texter_id IS NULL"
              + " ORDER BY action_id, texter_id, status, id LIMIT 50) AND texter_id IS NULL");
      c.rollback();
    }
  }

  private static void explain(Connection c, String sql) throws SQLException {
    System.out.println("\n" + sql);
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        System.out.println("  " + rs.getString(1));
      }
    }
  }
}
