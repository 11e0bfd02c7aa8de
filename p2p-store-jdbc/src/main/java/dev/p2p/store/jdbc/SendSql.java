package dev.p2p.store.jdbc;

import dev.p2p.action.ActionStatus;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.store.SendRecord;
import dev.p2p.store.support.SendFacts;
import dev.p2p.store.support.SendRule;
import dev.p2p.store.support.SendVerdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Recording an outbound message of a conversation, in one transaction: lock the conversation row,
 * read the facts {@link SendRule} decides on (the texter, the opt-out, the action's status, the
 * invalid mark, the conversation's status and, for an initial message, the phone's lock, held for
 * the rest of the transaction); insert the message; move the conversation as the verdict says and
 * apply the record's effects. An opt-out locks the same rows, so it and a send are serialized: a
 * send either commits before the opt-out or sees it.
 */
final class SendSql {
  private final Tx tx;
  private final SenderSql senders;

  SendSql(Tx tx, SenderSql senders) {
    this.tx = tx;
    this.senders = senders;
  }

  Message recordSend(String orgId, SendRecord r, Instant now) {
    Instant at = Times.stored(now);
    return tx.run(
        "record a message",
        c -> {
          Locked v;
          SendFacts facts;
          if (tx.dialect() == Dialect.POSTGRESQL && r.kind() != SendRecord.Kind.AUTOMATIC) {
            Locked.WithFacts locked = Locked.lockWithFacts(c, orgId, r.conversationId());
            v = locked.row();
            facts = withLock(c, orgId, r, v, locked.facts(), at);
          } else {
            v = Locked.lock(c, orgId, r.conversationId());
            facts = facts(c, orgId, r, v, at);
          }
          SendVerdict verdict = SendRule.decide(r, facts, at);
          QueuedMessage m = r.message();
          String sender =
              v.sender().isPresent() && verdict.moveTo().isPresent()
                  ? v.sender().get()
                  : r.senderPool().isEmpty()
                      ? m.sender()
                      : senders.bind(c, orgId, m.gatewayId(), v.phone(), r.senderPool(), at);
          if (!sender.equals(m.sender())) {
            m =
                new QueuedMessage(
                    m.gatewayId(),
                    m.reference(),
                    sender,
                    m.contactPhone(),
                    m.body(),
                    m.media(),
                    m.segments());
          }
          MessageSql.Attribution attribution =
              new MessageSql.Attribution(
                  v.actionId(),
                  r.texterId().orElse(null),
                  verdict.responseMs().isPresent() ? verdict.responseMs().getAsLong() : null);
          long id =
              MessageSql.insertOutbound(
                  c, tx.dialect(), orgId, m, OptionalLong.of(v.id()), attribution, at);
          Message recorded = m.recorded(id, at);
          if (verdict.moveTo().isEmpty()) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE conversations SET last_message_at = ?, updated_at = ? WHERE id = ?")) {
              ps.setObject(1, Times.toColumn(at));
              ps.setObject(2, Times.toColumn(at));
              ps.setLong(3, v.id());
              ps.executeUpdate();
            }
            return recorded;
          }
          // An initial message keeps its variant and segments for the action's report.
          boolean initial = verdict.keepVariant();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE conversations SET status = ?, unread = FALSE,"
                      + " contact_wrote_last = FALSE, last_message_at = ?, updated_at = ?,"
                      + " sender = COALESCE(sender, ?)"
                      + (initial ? ", variant = ?, initial_segments = ?" : "")
                      + " WHERE id = ?")) {
            int i = 1;
            ps.setString(i++, verdict.moveTo().get().name());
            ps.setObject(i++, Times.toColumn(at));
            ps.setObject(i++, Times.toColumn(at));
            ps.setString(i++, sender);
            if (initial) {
              ps.setInt(i++, r.variant());
              ps.setInt(i++, r.message().segments());
            }
            ps.setLong(i, v.id());
            ps.executeUpdate();
          }
          if (verdict.takeLock()
              && !facts
                  .initialLock()
                  .equals(Optional.of(new SendFacts.InitialLock(v.actionId(), Times.stored(at))))) {
            InitialLock.take(c, orgId, v.phone(), v.actionId(), at);
          }
          ConversationEffects.apply(c, orgId, v.actionId(), v.id(), r.effects(), false, at);
          return recorded;
        });
  }

  /**
   * What the send rule needs, read with the conversation locked (and, initial, its phone's lock).
   */
  private SendFacts facts(Connection c, String orgId, SendRecord r, Locked v, Instant now)
      throws SQLException {
    if (r.kind() == SendRecord.Kind.AUTOMATIC) {
      return v.facts(ActionStatus.PUBLISHED, false, false, Optional.empty());
    }
    ActionStatus actionStatus;
    boolean optedOut;
    boolean invalid;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT (SELECT status FROM actions WHERE id = ?),"
                + " (SELECT COUNT(*) FROM opt_outs WHERE org_id = ? AND phone = ?),"
                + " (SELECT COUNT(*) FROM invalid_phones WHERE org_id = ? AND phone = ?)")) {
      ps.setLong(1, v.actionId());
      ps.setString(2, orgId);
      ps.setString(3, v.phone());
      ps.setString(4, orgId);
      ps.setString(5, v.phone());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        actionStatus = ActionStatus.valueOf(rs.getString(1));
        optedOut = rs.getLong(2) > 0;
        invalid = rs.getLong(3) > 0;
      }
    }
    return withLock(
        c, orgId, r, v, v.facts(actionStatus, optedOut, invalid, Optional.empty()), now);
  }

  /** The facts with, for an initial message, the phone's lock held and read. */
  private SendFacts withLock(
      Connection c, String orgId, SendRecord r, Locked v, SendFacts facts, Instant now)
      throws SQLException {
    if (r.kind() != SendRecord.Kind.INITIAL) {
      return facts;
    }
    SendFacts.InitialLock lock =
        InitialLock.hold(c, tx.dialect(), orgId, facts.phone(), v.actionId(), now);
    int variants = 0;
    if (SendRule.needsVariants(r)) { // a later variant: the script's initial messages are counted
      try (PreparedStatement ps = c.prepareStatement("SELECT script FROM actions WHERE id = ?")) {
        ps.setLong(1, v.actionId());
        try (ResultSet rs = ps.executeQuery()) {
          variants = rs.next() ? ActionJson.initialCount(rs.getString(1)) : 0;
        }
      }
    }
    return new SendFacts(
        facts.conversationId(),
        facts.actionId(),
        facts.phone(),
        facts.texterId(),
        facts.status(),
        facts.actionStatus(),
        facts.optedOut(),
        facts.invalidPhone(),
        Optional.of(lock),
        facts.contactWroteLast(),
        facts.lastMessageAt(),
        variants);
  }

  /** The organization's lock on initial messages to each phone ({@code initial_locks}). */
  static final class InitialLock {
    private InitialLock() {}

    /**
     * Locks the phone's row for the rest of the transaction, inserting it for this action as of now
     * if the phone has none, and returns it as stored.
     */
    static SendFacts.InitialLock hold(
        Connection c, Dialect dialect, String orgId, String phone, long actionId, Instant now)
        throws SQLException {
      if (dialect == Dialect.POSTGRESQL) {
        // One statement: insert or lock, and return the row as it stands.
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO initial_locks (org_id, phone, action_id, sent_at) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (org_id, phone) DO UPDATE SET action_id = initial_locks.action_id"
                    + " RETURNING action_id, sent_at")) {
          ps.setString(1, orgId);
          ps.setString(2, phone);
          ps.setLong(3, actionId);
          ps.setObject(4, Times.toColumn(now));
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new SendFacts.InitialLock(
                rs.getLong(1), Times.fromColumn(rs.getObject(2, LocalDateTime.class)));
          }
        }
      }
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
          return new SendFacts.InitialLock(
              rs.getLong(1), Times.fromColumn(rs.getObject(2, LocalDateTime.class)));
        }
      }
    }

    /** Makes the held lock this action's, as of now. */
    static void take(Connection c, String orgId, String phone, long actionId, Instant now)
        throws SQLException {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE initial_locks SET action_id = ?, sent_at = ? WHERE org_id = ? AND phone = ?")) {
        ps.setLong(1, actionId);
        ps.setObject(2, Times.toColumn(now));
        ps.setString(3, orgId);
        ps.setString(4, phone);
        ps.executeUpdate();
      }
    }
  }
}
