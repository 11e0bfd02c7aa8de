package dev.p2p.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The dynamic batch claim's raw baseline: in one transaction, the first free rows of the action's
 * pool (unassigned, waiting for a first message, phone not opted out), in the pool index's order,
 * assigned to the texter, and one {@code assignment.changed} event row. On PostgreSQL the free rows
 * are read with {@code FOR UPDATE SKIP LOCKED}; on H2 (whose {@code SKIP LOCKED} applies the limit
 * first) claimers take turns on the action's row. No texting windows, targets or per-texter limits.
 */
final class RawClaim {
  private static final String FREE =
      "SELECT v.id FROM conversations v WHERE v.action_id = ? AND v.texter_id IS NULL"
          + " AND v.status = 'NEEDS_FIRST_MESSAGE' AND NOT EXISTS (SELECT 1 FROM opt_outs o"
          + " WHERE o.org_id = v.org_id AND o.phone = v.contact_phone)"
          + " ORDER BY v.action_id, v.texter_id, v.status, v.id LIMIT ?";

  private final DataSource db;
  private final boolean postgres;
  private final String orgId;

  RawClaim(DataSource db, boolean postgres, String orgId) {
    this.db = db;
    this.postgres = postgres;
    this.orgId = orgId;
  }

  /** Claims up to {@code batch} contacts for the texter; returns how many. */
  int claim(long actionId, String texterId, int batch) throws SQLException {
    Timestamp now = new Timestamp(System.currentTimeMillis());
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (!postgres) {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT id FROM actions WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, actionId);
            ps.executeQuery().close();
          }
        }
        List<Long> ids = new ArrayList<>(batch);
        try (PreparedStatement ps =
            c.prepareStatement(FREE + (postgres ? " FOR UPDATE SKIP LOCKED" : ""))) {
          ps.setLong(1, actionId);
          ps.setInt(2, batch);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getLong(1));
            }
          }
        }
        if (!ids.isEmpty()) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE conversations SET texter_id = ?, updated_at = ? WHERE id = ?")) {
            for (long id : ids) {
              ps.setString(1, texterId);
              ps.setTimestamp(2, now);
              ps.setLong(3, id);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          RawEvent.append(
              c, postgres, orgId, "assignment.changed", payload(actionId, texterId, ids), now);
        }
        c.commit();
        return ids.size();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private static String payload(long actionId, String texterId, List<Long> ids) {
    StringBuilder json =
        new StringBuilder("{\"actionId\":")
            .append(actionId)
            .append(",\"reason\":\"CLAIMED\",\"texterId\":")
            .append(RawEvent.string(texterId))
            .append(",\"previousTexterId\":null,\"conversationIds\":[");
    for (int i = 0; i < ids.size(); i++) {
      json.append(i == 0 ? "" : ",").append(ids.get(i));
    }
    return json.append("]}").toString();
  }
}
