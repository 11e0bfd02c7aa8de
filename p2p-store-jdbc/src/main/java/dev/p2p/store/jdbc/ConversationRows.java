package dev.p2p.store.jdbc;

import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.ConversationStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maps conversations from rows of {@code conversations} (joined to their action, for whether they
 * need attention), {@code conversation_tags} and {@code conversation_fields}.
 */
final class ConversationRows {
  /**
   * Whether a conversation (alias {@code v}, its action {@code a}) needs attention: the contact
   * wrote last, or the action asks for a report now, the contact replied and none is filed.
   */
  static final String NEEDS_ATTENTION =
      "(v.status = 'NEEDS_ATTENTION' OR (v.status = 'AWAITING_REPLY' AND v.replied = TRUE"
          + " AND v.report IS NULL AND a.asks_report = TRUE))";

  /** The columns {@link #read} expects, in order, from {@code conversations v JOIN actions a}. */
  static final String SELECT =
      "SELECT v.id, v.action_id, v.contact_id, v.contact_phone, v.texter_id, v.status, v.unread,"
          + " CASE WHEN "
          + NEEDS_ATTENTION
          + " THEN 1 ELSE 0 END, v.sender, v.report, v.last_message_at, v.updated_at"
          + " FROM conversations v JOIN actions a ON a.id = v.action_id";

  /** A started conversation: its first message is sent. */
  static final String STARTED =
      " v.status <> 'NEEDS_FIRST_MESSAGE' AND v.last_message_at IS NOT NULL";

  /**
   * The condition that the phone of the conversation aliased {@code v} is neither opted out nor
   * invalid in its organization.
   */
  static String reachable(String v) {
    return " NOT EXISTS (SELECT 1 FROM opt_outs o WHERE o.org_id = "
        + v
        + ".org_id AND o.phone = "
        + v
        + ".contact_phone) AND NOT EXISTS (SELECT 1 FROM invalid_phones i WHERE i.org_id = "
        + v
        + ".org_id AND i.phone = "
        + v
        + ".contact_phone)";
  }

  /**
   * With a lock cutoff, the condition that no other action's initial message locked the phone of
   * the conversation aliased {@code v} after it (one parameter: the cutoff); without, nothing.
   */
  static String unlocked(String v, Optional<Instant> lockedAfter) {
    return lockedAfter.isEmpty()
        ? ""
        : " AND NOT EXISTS (SELECT 1 FROM initial_locks l WHERE l.org_id = "
            + v
            + ".org_id AND l.phone = "
            + v
            + ".contact_phone AND l.action_id <> "
            + v
            + ".action_id AND l.sent_at > ?)";
  }

  private ConversationRows() {}

  /** {@code ?, ?, ?} for {@code n} parameters. */
  static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  /** Runs the query (its columns {@link #SELECT}'s) and reads each conversation whole. */
  static List<Conversation> query(Connection c, PreparedStatement ps) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(row(rs));
      }
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows.stream().map(Row::id).toList();
    Map<Long, Set<String>> tags = tags(c, ids);
    Map<Long, Map<String, String>> fields = fields(c, ids);
    return rows.stream()
        .map(
            r -> r.with(tags.getOrDefault(r.id(), Set.of()), fields.getOrDefault(r.id(), Map.of())))
        .toList();
  }

  /** The organization's conversation with this id, read whole. */
  static Optional<Conversation> find(Connection c, String orgId, long conversationId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE v.org_id = ? AND v.id = ?")) {
      ps.setString(1, orgId);
      ps.setLong(2, conversationId);
      return query(c, ps).stream().findFirst();
    }
  }

  private static Map<Long, Set<String>> tags(Connection c, Collection<Long> ids)
      throws SQLException {
    Map<Long, Set<String>> tags = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT conversation_id, tag FROM conversation_tags WHERE conversation_id IN ("
                + marks(ids.size())
                + ")")) {
      bindIds(ps, ids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tags.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
        }
      }
    }
    return tags;
  }

  private static Map<Long, Map<String, String>> fields(Connection c, Collection<Long> ids)
      throws SQLException {
    Map<Long, Map<String, String>> fields = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT conversation_id, name, field_value FROM conversation_fields"
                + " WHERE conversation_id IN ("
                + marks(ids.size())
                + ")")) {
      bindIds(ps, ids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          fields
              .computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
              .put(rs.getString(2), rs.getString(3));
        }
      }
    }
    return fields;
  }

  private static void bindIds(PreparedStatement ps, Collection<Long> ids) throws SQLException {
    int i = 1;
    for (long id : ids) {
      ps.setLong(i++, id);
    }
  }

  private static Row row(ResultSet rs) throws SQLException {
    LocalDateTime last = rs.getObject(11, LocalDateTime.class);
    return new Row(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getString(4),
        Optional.ofNullable(rs.getString(5)),
        ConversationStatus.valueOf(rs.getString(6)),
        rs.getBoolean(7),
        rs.getInt(8) == 1,
        Optional.ofNullable(rs.getString(9)),
        Optional.ofNullable(rs.getString(10)),
        Optional.ofNullable(last).map(Times::fromColumn),
        Times.fromColumn(rs.getObject(12, LocalDateTime.class)));
  }

  /** The columns of one conversation row, before its tags and fields are read. */
  private record Row(
      long id,
      long actionId,
      long contactId,
      String phone,
      Optional<String> texterId,
      ConversationStatus status,
      boolean unread,
      boolean needsAttention,
      Optional<String> sender,
      Optional<String> report,
      Optional<java.time.Instant> lastMessageAt,
      java.time.Instant updatedAt) {
    Conversation with(Set<String> tags, Map<String, String> fields) {
      return new Conversation(
          id,
          actionId,
          contactId,
          phone,
          texterId,
          status,
          unread,
          needsAttention,
          sender,
          tags,
          fields,
          report.map(ReportJson::read),
          lastMessageAt,
          updatedAt);
    }
  }
}
