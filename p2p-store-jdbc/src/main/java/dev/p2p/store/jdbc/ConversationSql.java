package dev.p2p.store.jdbc;

import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.InboxCounts;
import dev.p2p.conversation.InboxFilter;
import dev.p2p.conversation.Message;
import dev.p2p.store.InboxQuery;
import dev.p2p.store.support.WaitingRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reading conversations: one by id, a texter's next to send, inbox pages (keyset on {@code
 * (last_message_at, id)} descending, the index {@code conversations_inbox}), inbox counts and
 * threads.
 */
final class ConversationSql {
  private final Tx tx;

  ConversationSql(Tx tx) {
    this.tx = tx;
  }

  Optional<Conversation> find(String orgId, long conversationId) {
    return tx.run("read a conversation", c -> ConversationRows.find(c, orgId, conversationId));
  }

  Optional<Conversation> nextToSend(
      String orgId,
      long actionId,
      String texterId,
      Set<String> windowKeys,
      Optional<Instant> lockedAfter) {
    if (windowKeys.isEmpty()) {
      return Optional.empty();
    }
    return tx.run(
        "read the next conversation to send",
        c -> {
          // A texter's waiting conversations were claimed inside their windows, so the first few
          // almost always match: read their ids and keys and pick in memory, rather than send
          // every open key (hundreds on a national list) with each click.
          OptionalLong first =
              firstOpen(c, orgId, actionId, texterId, windowKeys, lockedAfter, FIRST_FEW);
          if (first.isEmpty()) {
            first =
                firstOpen(c, orgId, actionId, texterId, windowKeys, lockedAfter, Integer.MAX_VALUE);
          }
          return first.isPresent()
              ? ConversationRows.find(c, orgId, first.getAsLong())
              : Optional.<Conversation>empty();
        });
  }

  private static final int FIRST_FEW = 20;

  /**
   * The lowest id among the texter's first {@code limit} reachable waiting conversations whose
   * window key is open. Lowest first, so a match among the first rows is the lowest of all.
   */
  private static OptionalLong firstOpen(
      Connection c,
      String orgId,
      long actionId,
      String texterId,
      Set<String> windowKeys,
      Optional<Instant> lockedAfter,
      int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT v.id, v.window_key FROM conversations v"
                + " WHERE v.org_id = ? AND v.action_id = ? AND v.texter_id = ?"
                + " AND v.status = 'NEEDS_FIRST_MESSAGE' AND"
                + ConversationRows.reachable("v")
                + ConversationRows.unlocked("v", lockedAfter)
                // The pool index's order: the texter's waiting rows only, lowest id first.
                + " ORDER BY v.action_id, v.texter_id, v.status, v.id"
                + (limit == Integer.MAX_VALUE ? "" : " LIMIT " + limit))) {
      ps.setString(1, orgId);
      ps.setLong(2, actionId);
      ps.setString(3, texterId);
      if (lockedAfter.isPresent()) {
        ps.setObject(4, Times.toColumn(lockedAfter.get()));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (windowKeys.contains(rs.getString(2))) {
            return OptionalLong.of(rs.getLong(1));
          }
        }
      }
    }
    return OptionalLong.empty();
  }

  List<Conversation> inbox(String orgId, InboxQuery q) {
    StringBuilder sql =
        new StringBuilder(ConversationRows.SELECT)
            .append(" WHERE v.org_id = ? AND v.texter_id = ? AND")
            .append(ConversationRows.STARTED);
    if (q.actionId().isPresent()) {
      sql.append(" AND v.action_id = ?");
    }
    if (q.filter() == InboxFilter.NEEDS_ATTENTION) {
      sql.append(" AND ").append(ConversationRows.NEEDS_ATTENTION);
    } else if (q.filter() == InboxFilter.UNREAD) {
      sql.append(" AND v.unread = TRUE");
    }
    if (q.after().isPresent()) {
      sql.append(" AND (v.last_message_at < ? OR (v.last_message_at = ? AND v.id < ?))");
    }
    sql.append(" ORDER BY v.last_message_at DESC, v.id DESC LIMIT ?");
    return tx.run(
        "read an inbox page",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setString(i++, orgId);
            ps.setString(i++, q.texterId());
            if (q.actionId().isPresent()) {
              ps.setLong(i++, q.actionId().getAsLong());
            }
            if (q.after().isPresent()) {
              InboxQuery.Position p = q.after().get();
              ps.setObject(i++, Times.toColumn(p.lastMessageAt()));
              ps.setObject(i++, Times.toColumn(p.lastMessageAt()));
              ps.setLong(i++, p.conversationId());
            }
            ps.setInt(i, q.limit());
            return ConversationRows.query(c, ps);
          }
        });
  }

  InboxCounts counts(String orgId, String texterId, OptionalLong actionId) {
    String started = "CASE WHEN" + ConversationRows.STARTED;
    String sql =
        "SELECT SUM("
            + started
            + " THEN 1 ELSE 0 END), SUM("
            + started
            + " AND "
            + ConversationRows.NEEDS_ATTENTION
            + " THEN 1 ELSE 0 END), SUM("
            + started
            + " AND v.unread = TRUE THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN v.status = 'NEEDS_FIRST_MESSAGE' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN v.status = 'NEEDS_FIRST_MESSAGE' AND NOT ("
            + ConversationRows.reachable("v")
            + ") THEN 1 ELSE 0 END)"
            + " FROM conversations v JOIN actions a ON a.id = v.action_id"
            + " WHERE v.org_id = ? AND v.texter_id = ?"
            + (actionId.isPresent() ? " AND v.action_id = ?" : "");
    return tx.run(
        "count an inbox",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, orgId);
            ps.setString(2, texterId);
            if (actionId.isPresent()) {
              ps.setLong(3, actionId.getAsLong());
            }
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return WaitingRule.inboxCounts(
                  rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
            }
          }
        });
  }

  List<Message> thread(String orgId, long conversationId, long afterId, int limit) {
    return tx.run(
        "read a conversation's messages",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  MessageRows.SELECT
                      + " WHERE org_id = ? AND conversation_id = ? AND id > ?"
                      + " ORDER BY id LIMIT ?")) {
            ps.setString(1, orgId);
            ps.setLong(2, conversationId);
            ps.setLong(3, afterId);
            ps.setInt(4, limit);
            return readAll(ps);
          }
        });
  }

  /** Every message the query returns. */
  static List<Message> readAll(PreparedStatement ps) throws java.sql.SQLException {
    List<Message> messages = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        messages.add(MessageRows.read(rs));
      }
    }
    return messages;
  }
}
