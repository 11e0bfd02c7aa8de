package dev.p2p.store.jdbc;

import dev.p2p.event.Change;
import dev.p2p.store.ConversationUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes what an update records on a locked conversation: tags, field values, the report and the
 * read flag (closing and reopening are {@link UpdateSql}'s), and stamps it updated.
 */
final class ConversationEffects {
  private ConversationEffects() {}

  /**
   * Applies the update and emits what it changed: tag.added for each tag inserted (by name),
   * tag.removed for each tag deleted (by name), field.set for each new or different value (by
   * name), report.filed for a report.
   */
  static void apply(
      Connection c,
      Dialect dialect,
      String orgId,
      long actionId,
      long conversationId,
      ConversationUpdate u,
      Instant now)
      throws SQLException {
    List<Change> changes = new ArrayList<>();
    for (String tag : new TreeSet<>(u.addTags())) {
      boolean added =
          Inserts.ifAbsent(
              c,
              dialect,
              "conversation_tags",
              "conversation_id, tag, action_id",
              "conversation_id, tag",
              ps -> {
                ps.setLong(1, conversationId);
                ps.setString(2, tag);
                ps.setLong(3, actionId);
              });
      if (added) {
        changes.add(new Change.TagAdded(conversationId, actionId, tag));
      }
    }
    if (!u.removeTags().isEmpty()) {
      // The row is locked: the tags read here are the ones the delete takes off.
      for (String tag : present(c, conversationId, u.removeTags()).keySet()) {
        changes.add(new Change.TagRemoved(conversationId, actionId, tag));
      }
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
      Map<String, String> before = fieldValues(c, conversationId, u.setFields().keySet());
      for (Map.Entry<String, String> e : new TreeMap<>(u.setFields()).entrySet()) {
        if (!e.getValue().equals(before.get(e.getKey()))) {
          changes.add(new Change.FieldSet(conversationId, actionId, e.getKey(), e.getValue()));
        }
      }
      setFields(c, conversationId, u.setFields());
    }
    if (u.report().isPresent()) {
      changes.add(new Change.ReportFiled(conversationId, actionId, u.report().get()));
    }
    for (Change change : changes) {
      Tx.emit(orgId, now, change);
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
    if (u.report().isPresent()) {
      ReportRows.answers(c, actionId, conversationId, u.report().get());
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
