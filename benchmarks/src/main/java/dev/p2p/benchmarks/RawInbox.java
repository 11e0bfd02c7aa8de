package dev.p2p.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The inbox page's raw baseline on PostgreSQL: the first page of a texter's started conversations
 * (all, or those needing attention), newest activity first, as one keyset-ordered {@code SELECT}
 * ({@code ORDER BY last_message_at DESC, id DESC LIMIT n}, the index p2p's inbox uses) that reads
 * the columns p2p maps, with each conversation's tags and field values aggregated in the same
 * statement; every row read into an array.
 */
final class RawInbox {
  private static final String NEEDS_ATTENTION =
      " AND (v.status = 'NEEDS_ATTENTION' OR (v.status = 'AWAITING_REPLY' AND v.replied"
          + " AND v.report IS NULL AND a.asks_report))";
  private static final String SELECT =
      "SELECT v.id, v.action_id, v.contact_id, v.contact_phone, v.texter_id, v.status, v.unread,"
          + " (v.status = 'NEEDS_ATTENTION' OR (v.status = 'AWAITING_REPLY' AND v.replied"
          + " AND v.report IS NULL AND a.asks_report)), v.sender, v.report, v.last_message_at,"
          + " v.updated_at, (SELECT string_agg(t.tag, ',') FROM conversation_tags t"
          + " WHERE t.conversation_id = v.id), (SELECT string_agg(f.name || '=' || f.field_value,"
          + " ',') FROM conversation_fields f WHERE f.conversation_id = v.id)"
          + " FROM conversations v JOIN actions a ON a.id = v.action_id"
          + " WHERE v.org_id = ? AND v.texter_id = ? AND v.status <> 'NEEDS_FIRST_MESSAGE'"
          + " AND v.last_message_at IS NOT NULL";
  private static final String ORDER = " ORDER BY v.last_message_at DESC, v.id DESC LIMIT ?";

  private final DataSource db;
  private final String orgId;

  RawInbox(DataSource db, String orgId) {
    this.db = db;
    this.orgId = orgId;
  }

  /** The texter's first page of at most {@code limit} conversations. */
  List<Object[]> firstPage(String texterId, boolean needsAttention, int limit) throws SQLException {
    String sql = SELECT + (needsAttention ? NEEDS_ATTENTION : "") + ORDER;
    List<Object[]> rows = new ArrayList<>(limit);
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, orgId);
      ps.setString(2, texterId);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Object[] {
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getBoolean(7),
                rs.getBoolean(8),
                rs.getString(9),
                rs.getString(10),
                rs.getTimestamp(11),
                rs.getTimestamp(12),
                rs.getString(13),
                rs.getString(14)
              });
        }
      }
    }
    return rows;
  }
}
