package dev.p2p.store.jdbc;

import dev.p2p.event.Change;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.support.EffectRule;
import dev.p2p.store.support.Effects;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes what an update records on a locked conversation: tags, field values, the report and the
 * read flag (closing and reopening are {@link UpdateSql}'s), and stamps it updated.
 */
final class ConversationEffects {
  private ConversationEffects() {}

  /**
   * Reads the conversation's tags and field values the update touches, applies what {@link
   * EffectRule} decides and emits its events. With {@code stamp}, the conversation is stamped as
   * updated now even when nothing else changes (a send stamps it in its own update).
   */
  static void apply(
      Connection c,
      String orgId,
      long actionId,
      long conversationId,
      ConversationUpdate u,
      boolean stamp,
      Instant now)
      throws SQLException {
    Set<String> touched = EffectRule.tagsToRead(u);
    Set<String> held = touched.isEmpty() ? Set.of() : present(c, conversationId, touched).keySet();
    Map<String, String> before =
        u.setFields().isEmpty() ? Map.of() : fieldValues(c, conversationId, u.setFields().keySet());
    Effects effects = EffectRule.decide(conversationId, actionId, held, before, u);
    if (!effects.addTags().isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO conversation_tags (conversation_id, tag, action_id) VALUES (?, ?, ?)")) {
        for (String tag : effects.addTags()) {
          ps.setLong(1, conversationId);
          ps.setString(2, tag);
          ps.setLong(3, actionId);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!effects.removeTags().isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "DELETE FROM conversation_tags WHERE conversation_id = ? AND tag IN ("
                  + ConversationRows.marks(effects.removeTags().size())
                  + ")")) {
        ps.setLong(1, conversationId);
        int i = 2;
        for (String tag : effects.removeTags()) {
          ps.setString(i++, tag);
        }
        ps.executeUpdate();
      }
    }
    if (!effects.setFields().isEmpty()) {
      setFields(c, conversationId, effects.setFields());
    }
    for (Change change : effects.changes()) {
      Tx.emit(orgId, now, change);
    }
    if (!stamp && effects.report().isEmpty() && !effects.markRead()) {
      return;
    }
    StringBuilder set = new StringBuilder("UPDATE conversations SET updated_at = ?");
    if (effects.report().isPresent()) {
      set.append(", report = ?");
    }
    if (effects.markRead()) {
      set.append(", unread = FALSE");
    }
    try (PreparedStatement ps = c.prepareStatement(set + " WHERE id = ?")) {
      int i = 1;
      ps.setObject(i++, Times.toColumn(now));
      if (effects.report().isPresent()) {
        ps.setString(i++, ReportJson.write(effects.report().get()));
      }
      ps.setLong(i, conversationId);
      ps.executeUpdate();
    }
    if (effects.report().isPresent()) {
      ReportRows.answers(c, actionId, conversationId, effects.report().get());
    }
  }

  /** Which of these tags the conversation has, sorted by name. */
  private static Map<String, String> present(Connection c, long conversationId, Set<String> tags)
      throws SQLException {
    return pairs(
        c,
        "SELECT tag, tag FROM conversation_tags WHERE conversation_id = ? AND tag IN (",
        conversationId,
        tags);
  }

  /** The conversation's values of these fields, by name. */
  private static Map<String, String> fieldValues(
      Connection c, long conversationId, Set<String> names) throws SQLException {
    return pairs(
        c,
        "SELECT name, field_value FROM conversation_fields WHERE conversation_id = ? AND name IN (",
        conversationId,
        names);
  }

  private static Map<String, String> pairs(
      Connection c, String select, long conversationId, Set<String> keys) throws SQLException {
    Map<String, String> found = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(select + ConversationRows.marks(keys.size()) + ")")) {
      ps.setLong(1, conversationId);
      int i = 2;
      for (String key : keys) {
        ps.setString(i++, key);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return found;
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
