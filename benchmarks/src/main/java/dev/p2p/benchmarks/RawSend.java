package dev.p2p.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The send path's raw baseline: per message, the writes the store must make, by plain JDBC on the
 * store's own tables. One transaction inserts the message as queued and moves the conversation; a
 * second marks the message sent with its carrier id. No reads, no checks, no locks taken first.
 */
final class RawSend {
  private static final String INSERT =
      "INSERT INTO messages (org_id, direction, gateway_id, reference, sender, contact_phone, body,"
          + " media, segments, status, status_rank, created_at, updated_at, conversation_id)"
          + " VALUES ('acme', 'OUTBOUND', 'zero', ?, ?, ?, ?, '[]', 1, 'QUEUED', 0, ?, ?, ?)";
  private static final String MOVE =
      "UPDATE conversations SET status = 'AWAITING_REPLY', unread = FALSE,"
          + " contact_wrote_last = FALSE, last_message_at = ?, sender = COALESCE(sender, ?)"
          + " WHERE id = ?";
  private static final String SENT =
      "UPDATE messages SET carrier_message_id = ?, status = 'SENT', status_rank = 1,"
          + " unconfirmed = FALSE, updated_at = ? WHERE id = ?";
  private static final AtomicLong REFERENCES = new AtomicLong();

  private final DataSource db;

  RawSend(DataSource db) {
    this.db = db;
  }

  /** The action's conversations as (id, phone) pairs, in id order. */
  List<Object[]> conversations(long actionId) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, contact_phone FROM conversations WHERE action_id = ? ORDER BY id")) {
      ps.setLong(1, actionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new Object[] {rs.getLong(1), rs.getString(2)});
        }
      }
    }
    return rows;
  }

  /** Sends one message of the conversation: the two transactions. */
  void send(long conversationId, String phone, String sender, String body) throws SQLException {
    long n = REFERENCES.incrementAndGet();
    Timestamp now = new Timestamp(System.currentTimeMillis());
    long messageId;
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(INSERT, new String[] {"id"})) {
        ps.setString(1, "raw-" + n);
        ps.setString(2, sender);
        ps.setString(3, phone);
        ps.setString(4, body);
        ps.setTimestamp(5, now);
        ps.setTimestamp(6, now);
        ps.setLong(7, conversationId);
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          messageId = keys.getLong(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement(MOVE)) {
        ps.setTimestamp(1, now);
        ps.setString(2, sender);
        ps.setLong(3, conversationId);
        ps.executeUpdate();
      }
      c.commit();
      try (PreparedStatement ps = c.prepareStatement(SENT)) {
        ps.setString(1, "RAW" + n);
        ps.setTimestamp(2, now);
        ps.setLong(3, messageId);
        ps.executeUpdate();
      }
      c.commit();
      c.setAutoCommit(true);
    }
  }
}
