package dev.p2p.store.jdbc;

import dev.p2p.NotFoundException;
import dev.p2p.action.ActionStatus;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.store.support.Refusals;
import dev.p2p.store.support.SendFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A conversation row locked ({@code SELECT ... FOR UPDATE}) for the rest of a transaction, with
 * what the writes that lock it check.
 */
record Locked(
    long id,
    long actionId,
    String phone,
    Optional<String> texterId,
    ConversationStatus status,
    boolean contactWroteLast,
    Optional<Instant> lastMessageAt,
    Optional<String> sender) {

  /**
   * Locks the organization's conversation.
   *
   * @throws NotFoundException if the organization has no such conversation
   */
  static Locked lock(Connection c, String orgId, long conversationId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, action_id, contact_phone, texter_id, status, contact_wrote_last,"
                + " last_message_at, sender FROM conversations WHERE org_id = ? AND id = ? FOR UPDATE")) {
      ps.setString(1, orgId);
      ps.setLong(2, conversationId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw Refusals.noConversation(conversationId);
        }
        return read(rs);
      }
    }
  }

  static Locked read(ResultSet rs) throws SQLException {
    return new Locked(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        Optional.ofNullable(rs.getString(4)),
        ConversationStatus.valueOf(rs.getString(5)),
        rs.getBoolean(6),
        Optional.ofNullable(rs.getObject(7, LocalDateTime.class)).map(Times::fromColumn),
        Optional.ofNullable(rs.getString(8)));
  }

  /** A locked row with the send rule's facts read in the same statement. */
  record WithFacts(Locked row, SendFacts facts) {}

  /**
   * PostgreSQL: locks the organization's conversation ({@code FOR UPDATE OF v}, which locks no
   * other table's rows) and reads, in the same statement, its action's status and whether its phone
   * is opted out or invalid.
   *
   * @throws NotFoundException if the organization has no such conversation
   */
  static WithFacts lockWithFacts(Connection c, String orgId, long conversationId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT v.id, v.action_id, v.contact_phone, v.texter_id, v.status,"
                + " v.contact_wrote_last, v.last_message_at, v.sender,"
                + " (SELECT a.status FROM actions a WHERE a.id = v.action_id),"
                + " EXISTS (SELECT 1 FROM opt_outs o"
                + " WHERE o.org_id = v.org_id AND o.phone = v.contact_phone),"
                + " EXISTS (SELECT 1 FROM invalid_phones i"
                + " WHERE i.org_id = v.org_id AND i.phone = v.contact_phone)"
                + " FROM conversations v WHERE v.org_id = ? AND v.id = ? FOR UPDATE OF v")) {
      ps.setString(1, orgId);
      ps.setLong(2, conversationId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw Refusals.noConversation(conversationId);
        }
        Locked row = read(rs);
        return new WithFacts(
            row,
            row.facts(
                ActionStatus.valueOf(rs.getString(9)),
                rs.getBoolean(10),
                rs.getBoolean(11),
                Optional.empty()));
      }
    }
  }

  /** The send rule's facts: this row's, and the others given. */
  SendFacts facts(
      ActionStatus actionStatus,
      boolean optedOut,
      boolean invalidPhone,
      Optional<SendFacts.InitialLock> initialLock) {
    return new SendFacts(
        id,
        actionId,
        phone,
        texterId,
        status,
        actionStatus,
        optedOut,
        invalidPhone,
        initialLock,
        contactWroteLast,
        lastMessageAt,
        0);
  }

  /** Whether it is assigned to this texter. */
  boolean assignedTo(String texter) {
    return texterId.isPresent() && texterId.get().equals(texter);
  }
}
