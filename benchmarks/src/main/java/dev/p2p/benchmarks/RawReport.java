package dev.p2p.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The report's raw baseline on PostgreSQL: the figures of an action's report by plain aggregate
 * statements in one read-only transaction, with the session settings p2p's store uses for it
 * ({@code jit} off, 64 MB {@code work_mem}), every row read: conversations by texter and variant
 * with conditional sums, messages by hour, direction, status and failure code, each texter's median
 * response time, tags, report answers. What p2p adds around them (reading the action, assembling
 * the report's records) is what the ratio shows.
 */
final class RawReport {
  private static final String[] STATEMENTS = {
    "SELECT texter_id, variant, COUNT(*),"
        + " SUM(CASE WHEN status = 'NEEDS_FIRST_MESSAGE' THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN replied THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN status = 'OPTED_OUT' THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN status = 'CLOSED' THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN status = 'NEEDS_ATTENTION' OR (status = 'AWAITING_REPLY' AND replied"
        + " AND report IS NULL) THEN 1 ELSE 0 END), SUM(initial_segments)"
        + " FROM conversations WHERE action_id = ? GROUP BY texter_id, variant",
    "SELECT date_trunc('hour', created_at), direction, status, CASE WHEN status IN ('FAILED',"
        + " 'UNDELIVERED') THEN COALESCE(carrier_code, error_kind, 'UNKNOWN') END, COUNT(*),"
        + " SUM(segments) FROM messages WHERE action_id = ? GROUP BY 1, 2, 3, 4",
    "SELECT texter_id, COUNT(*), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY response_ms)"
        + " FROM messages WHERE action_id = ? AND direction = 'OUTBOUND' AND texter_id IS NOT NULL"
        + " GROUP BY texter_id",
    "SELECT tag, COUNT(*) FROM conversation_tags WHERE action_id = ? GROUP BY tag",
    "SELECT prompt, COUNT(DISTINCT conversation_id) FROM report_answers WHERE action_id = ?"
        + " GROUP BY prompt",
    "SELECT prompt, answer, COUNT(*) FROM report_answers WHERE action_id = ?"
        + " GROUP BY prompt, answer"
  };

  private final DataSource db;

  RawReport(DataSource db) {
    this.db = db;
  }

  /** Runs the statements; returns the number of rows they returned. */
  long figures(long actionId) throws SQLException {
    long rows = 0;
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      try {
        try (Statement s = c.createStatement()) {
          s.execute("SET LOCAL jit = off");
          s.execute("SET LOCAL work_mem = '64MB'");
        }
        for (String sql : STATEMENTS) {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, actionId);
            try (ResultSet rs = ps.executeQuery()) {
              int columns = rs.getMetaData().getColumnCount();
              while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                  rs.getObject(i);
                }
                rows++;
              }
            }
          }
        }
        c.commit();
      } finally {
        c.setReadOnly(false);
        c.setAutoCommit(true);
      }
    }
    return rows;
  }
}
