package dev.p2p.store.jdbc;

import dev.p2p.ForbiddenException;
import dev.p2p.OptedOutException;
import dev.p2p.ValidationException;
import dev.p2p.contact.Phones;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.store.SendRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Recording an outbound message of a conversation, in one transaction: lock the conversation row,
 * check the texter, the opt-out, the action's status, the invalid mark, the conversation's status
 * and (initial messages) the organization's lock window; insert the message; move the conversation
 * and apply the record's effects. An opt-out locks the same rows, so it and a send are serialized:
 * a send either commits before the opt-out or sees it.
 */
final class SendSql {
  private final Tx tx;

  SendSql(Tx tx) {
    this.tx = tx;
  }

  long recordSend(String orgId, SendRecord r, Instant now) {
    return tx.run(
        "record a message",
        c -> {
          Locked v = Locked.lock(c, orgId, r.conversationId());
          OptionalLong in = OptionalLong.of(v.id());
          if (r.kind() == SendRecord.Kind.AUTOMATIC) {
            MessageSql.Attribution automatic = new MessageSql.Attribution(v.actionId(), null, null);
            long id =
                MessageSql.insertOutbound(c, tx.dialect(), orgId, r.message(), in, automatic, now);
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE conversations SET last_message_at = ?, updated_at = ? WHERE id = ?")) {
              ps.setObject(1, Times.toColumn(now));
              ps.setObject(2, Times.toColumn(now));
              ps.setLong(3, v.id());
              ps.executeUpdate();
            }
            return id;
          }
          check(c, orgId, r, v, now);
          MessageSql.Attribution attribution =
              new MessageSql.Attribution(
                  v.actionId(), r.texterId().orElseThrow(), responseMs(r, v, now));
          long id =
              MessageSql.insertOutbound(c, tx.dialect(), orgId, r.message(), in, attribution, now);
          // An initial message keeps its variant and segments for the action's report.
          boolean initial = r.kind() == SendRecord.Kind.INITIAL;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE conversations SET status = 'AWAITING_REPLY', unread = FALSE,"
                      + " contact_wrote_last = FALSE, last_message_at = ?,"
                      + " sender = COALESCE(sender, ?)"
                      + (initial ? ", variant = ?, initial_segments = ?" : "")
                      + " WHERE id = ?")) {
            int i = 1;
            ps.setObject(i++, Times.toColumn(now));
            ps.setString(i++, r.message().sender());
            if (initial) {
              ps.setInt(i++, r.variant());
              ps.setInt(i++, r.message().segments());
            }
            ps.setLong(i, v.id());
            ps.executeUpdate();
          }
          ConversationEffects.apply(c, tx.dialect(), orgId, v.actionId(), v.id(), r.effects(), now);
          return id;
        });
  }

  private void check(Connection c, String orgId, SendRecord r, Locked v, Instant now)
      throws SQLException {
    String texter = r.texterId().orElseThrow();
    if (!v.assignedTo(texter)) {
      throw new ForbiddenException(
          "conversation " + v.id() + " is not assigned to texter " + texter);
    }
    if (v.status() == ConversationStatus.OPTED_OUT || listed(c, "opt_outs", orgId, v.phone())) {
      throw new OptedOutException(Phones.mask(v.phone()));
    }
    String actionStatus = actionStatus(c, v.actionId());
    if (!actionStatus.equals("PUBLISHED")) {
      throw ValidationException.of(
          "status", "the action is " + actionStatus + ": only a published action sends messages");
    }
    if (listed(c, "invalid_phones", orgId, v.phone())) {
      throw ValidationException.of(
          "contactPhone", "is marked invalid: the carrier said it cannot receive texts");
    }
    if (r.kind() == SendRecord.Kind.INITIAL) {
      if (v.status() != ConversationStatus.NEEDS_FIRST_MESSAGE) {
        throw ValidationException.of(
            "status", "the conversation is " + v.status() + ": its initial message was sent");
      }
      if (!InitialLock.take(c, tx.dialect(), orgId, v.phone(), v.actionId(), now, r.lockWindow())) {
        throw ValidationException.of(
            "contactPhone",
            "received another action's initial message within the organization's lock window");
      }
    } else if (v.status() != ConversationStatus.AWAITING_REPLY
        && v.status() != ConversationStatus.NEEDS_ATTENTION) {
      throw ValidationException.of(
          "status", "the conversation is " + v.status() + ": a reply needs a started one");
    }
  }

  /**
   * For a reply while the contact wrote last, the milliseconds since the conversation's last
   * message (theirs), as the locked row has it; null otherwise.
   */
  private static @Nullable Long responseMs(SendRecord r, Locked v, Instant now) {
    if (r.kind() != SendRecord.Kind.REPLY || !v.contactWroteLast()) {
      return null;
    }
    return v.lastMessageAt()
        .map(last -> Duration.between(last, Times.stored(now)).toMillis())
        .orElse(null);
  }

  /** Whether the phone is in the organization's {@code opt_outs} or {@code invalid_phones}. */
  static boolean listed(Connection c, String table, String orgId, String phone)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM " + table + " WHERE org_id = ? AND phone = ?")) {
      ps.setString(1, orgId);
      ps.setString(2, phone);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static String actionStatus(Connection c, long actionId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT status FROM actions WHERE id = ?")) {
      ps.setLong(1, actionId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** The organization's lock on initial messages to each phone ({@code initial_locks}). */
  static final class InitialLock {
    private InitialLock() {}

    /**
     * Takes the phone's lock for the action: inserts and locks its row, or locks the row there and
     * moves it to this action unless another action's initial message is within the window.
     *
     * @return false if another action holds the phone within the window
     */
    static boolean take(
        Connection c,
        Dialect dialect,
        String orgId,
        String phone,
        long actionId,
        Instant now,
        Duration window)
        throws SQLException {
      Inserts.locking(
          c,
          dialect,
          "initial_locks",
          "org_id, phone, action_id, sent_at",
          "org_id, phone",
          "action_id",
          ps -> {
            ps.setString(1, orgId);
            ps.setString(2, phone);
            ps.setLong(3, actionId);
            ps.setObject(4, Times.toColumn(now));
          },
          ps -> {
            ps.setString(1, orgId);
            ps.setString(2, phone);
          });
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT action_id, sent_at FROM initial_locks WHERE org_id = ? AND phone = ?"
                  + " FOR UPDATE")) { // already ours; a locking read sees the latest row
        ps.setString(1, orgId);
        ps.setString(2, phone);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          Instant sentAt = Times.fromColumn(rs.getObject(2, java.time.LocalDateTime.class));
          if (rs.getLong(1) != actionId && sentAt.isAfter(now.minus(window))) {
            return false;
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE initial_locks SET action_id = ?, sent_at = ? WHERE org_id = ? AND phone = ?")) {
        ps.setLong(1, actionId);
        ps.setObject(2, Times.toColumn(now));
        ps.setString(3, orgId);
        ps.setString(4, phone);
        ps.executeUpdate();
      }
      return true;
    }
  }
}
