package dev.p2p.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * The raw baselines' event row: the organization's next position from {@code event_positions}
 * (locking its row until the commit, as p2p's store does, which orders the organization's writers)
 * and one row in {@code events}.
 */
final class RawEvent {
  private static final String ADVANCE =
      "UPDATE event_positions SET last_position = last_position + 1 WHERE org_id = ?";

  private RawEvent() {}

  /** Appends one event in the connection's transaction; returns its position. */
  static long append(
      Connection c, boolean postgres, String orgId, String type, String payload, Timestamp at)
      throws SQLException {
    long position;
    if (postgres) {
      try (PreparedStatement ps = c.prepareStatement(ADVANCE + " RETURNING last_position")) {
        ps.setString(1, orgId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          position = rs.getLong(1);
        }
      }
    } else {
      try (PreparedStatement ps = c.prepareStatement(ADVANCE)) {
        ps.setString(1, orgId);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement("SELECT last_position FROM event_positions WHERE org_id = ?")) {
        ps.setString(1, orgId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          position = rs.getLong(1);
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO events (org_id, event_position, event_type, occurred_at, payload)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, orgId);
      ps.setLong(2, position);
      ps.setString(3, type);
      ps.setTimestamp(4, at);
      ps.setString(5, payload);
      ps.executeUpdate();
    }
    return position;
  }

  /** {@code "text"} as a JSON string (the baselines' values need no escapes but quotes). */
  static String string(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
