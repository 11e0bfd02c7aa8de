package dev.p2p.store.jdbc;

import dev.p2p.store.ConversationUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * Writes what an update records on a locked conversation: tags, field values, the report and the
 * read flag (closing and reopening are {@link UpdateSql}'s), and stamps it updated.
 */
final class ConversationEffects {
  private ConversationEffects() {}

  static void apply(
      Connection c, Dialect dialect, long conversationId, ConversationUpdate u, Instant now)
      throws SQLException {
    for (String tag : u.addTags()) {
      Inserts.ifAbsent(
          c,
          dialect,
          "conversation_tags",
          "conversation_id, tag",
          "conversation_id, tag",
          ps -> {
            ps.setLong(1, conversationId);
            ps.setString(2, tag);
          });
    }
    if (!u.removeTags().isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "DELETE FROM conversation_tags WHERE conversation_id = ? AND tag IN ("
                  + ConversationRows.marks(u.removeTags().size())
                  + ")")) {
        ps.setLong(1, conversationId);
        int i = 2;
        for (String tag : u.removeTags()) {
          ps.setString(i++, tag);
        }
        ps.executeUpdate();
      }
    }
    if (!u.setFields().isEmpty()) {
      setFields(c, conversationId, u.setFields());
    }
    StringBuilder set = new StringBuilder("UPDATE conversations SET updated_at = ?");
    if (u.report().isPresent()) {
      set.append(", report = ?");
    }
    if (u.markRead()) {
      set.append(", unread = FALSE");
    }
    try (PreparedStatement ps = c.prepareStatement(set + " WHERE id = ?")) {
      int i = 1;
      ps.setObject(i++, Times.toColumn(now));
      if (u.report().isPresent()) {
        ps.setString(i++, ReportJson.write(u.report().get()));
      }
      ps.setLong(i, conversationId);
      ps.executeUpdate();
    }
    if (!u.addTags().isEmpty()) {
      ReportRows.tagAction(c, conversationId);
    }
    if (u.report().isPresent()) {
      ReportRows.answers(c, conversationId, u.report().get());
    }
  }

  private static void setFields(Connection c, long conversationId, Map<String, String> fields)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM conversation_fields WHERE conversation_id = ? AND name IN ("
                + ConversationRows.marks(fields.size())
                + ")")) {
      ps.setLong(1, conversationId);
      int i = 2;
      for (String name : fields.keySet()) {
        ps.setString(i++, name);
      }
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO conversation_fields (conversation_id, name, field_value)"
                + " VALUES (?, ?, ?)")) {
      for (Map.Entry<String, String> e : fields.entrySet()) {
        ps.setLong(1, conversationId);
        ps.setString(2, e.getKey());
        ps.setString(3, e.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
