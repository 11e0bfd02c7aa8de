package dev.p2p.store.jdbc;

import dev.p2p.conversation.Message;
import dev.p2p.event.Change;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.optout.OptOutSource;
import dev.p2p.store.InboundOutcome;
import dev.p2p.store.MessageOwner;
import dev.p2p.store.support.InboundRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Inbound messages: stored once per gateway and carrier id, routed to the organization's started
 * conversation with the phone that was last active (those whose sender is the number written to
 * first), or kept unrouted; and the owner of an outbound carrier id.
 */
final class InboundSql {
  private final Tx tx;

  InboundSql(Tx tx) {
    this.tx = tx;
  }

  InboundOutcome receive(
      String orgId, String gatewayId, InboundMessage in, boolean optOut, Instant now) {
    return tx.runInOrganization(
        "receive an inbound message",
        orgId,
        c -> {
          // Routed first, its conversation locked, so the message is inserted attached to it.
          Optional<Locked> v = routeAndLock(c, orgId, in);
          OptionalLong inserted =
              MessageSql.insertInbound(c, tx.dialect(), orgId, gatewayId, in, v, now);
          if (inserted.isEmpty()) {
            return existing(c, gatewayId, in.carrierMessageId());
          }
          long messageId = inserted.getAsLong();
          Optional<InboundRule.Routed> routed =
              v.map(l -> new InboundRule.Routed(l.id(), l.actionId(), l.texterId(), l.status()));
          OptionalLong routedId =
              v.isPresent() ? OptionalLong.of(v.get().id()) : OptionalLong.empty();
          if (v.isPresent()) {
            InboundRule.Verdict verdict = InboundRule.decide(v.get().status(), optOut);
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE conversations SET"
                        + (verdict.moveTo().isPresent() ? " status = ?," : "")
                        + (verdict.unread() ? " unread = TRUE," : "")
                        + " contact_wrote_last = TRUE, replied = TRUE, last_message_at = ?,"
                        + " updated_at = ? WHERE id = ?")) {
              int i = 1;
              if (verdict.moveTo().isPresent()) {
                ps.setString(i++, verdict.moveTo().get().name());
              }
              ps.setObject(i++, Times.toColumn(now));
              ps.setObject(i++, Times.toColumn(now));
              ps.setLong(i, v.get().id());
              ps.executeUpdate();
            }
          }
          boolean optedOutNow =
              optOut
                  && OptOutSql.record(c, tx.dialect(), orgId, in.from(), OptOutSource.KEYWORD, now);
          for (Change change : InboundRule.changes(messageId, in, routed, optedOutNow)) {
            Tx.emit(orgId, now, change);
          }
          return new InboundOutcome(true, messageId, routedId);
        });
  }

  List<Message> unrouted(String orgId, long afterId, int limit) {
    return tx.run(
        "read unrouted messages",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  MessageRows.SELECT
                      + " WHERE org_id = ? AND conversation_id IS NULL AND direction = 'INBOUND'"
                      + " AND id > ? ORDER BY id LIMIT ?")) {
            ps.setString(1, orgId);
            ps.setLong(2, afterId);
            ps.setInt(3, limit);
            return ConversationSql.readAll(ps);
          }
        });
  }

  Optional<MessageOwner> ownerOf(String gatewayId, String carrierMessageId) {
    return tx.run(
        "find the owner of a message",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT org_id, contact_phone FROM messages"
                      + " WHERE gateway_id = ? AND carrier_message_id = ?"
                      + " AND direction = 'OUTBOUND'")) {
            ps.setString(1, gatewayId);
            ps.setString(2, carrierMessageId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new MessageOwner(rs.getString(1), rs.getString(2)))
                  : Optional.<MessageOwner>empty();
            }
          }
        });
  }

  /** The message stored before under this carrier id (in any organization). */
  private InboundOutcome existing(Connection c, String gatewayId, String carrierId)
      throws SQLException {
    // MariaDB: a locking read sees the row another transaction committed after this one began.
    String latest = tx.dialect() == Dialect.MARIADB ? " LOCK IN SHARE MODE" : "";
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, conversation_id FROM messages WHERE gateway_id = ?"
                + " AND carrier_message_id = ?"
                + latest)) {
      ps.setString(1, gatewayId);
      ps.setString(2, carrierId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long id = rs.getLong(1);
        long conversation = rs.getLong(2);
        return new InboundOutcome(
            false, id, rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(conversation));
      }
    }
  }

  /**
   * Locks and returns the started conversation of the phone last active, preferring those whose
   * sender is the number written to; empty when the phone has none in the organization.
   */
  private static Optional<Locked> routeAndLock(Connection c, String orgId, InboundMessage in)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT v.id, v.action_id, v.contact_phone, v.texter_id, v.status,"
                + " v.contact_wrote_last, v.last_message_at, v.sender"
                + " FROM conversations v WHERE v.org_id = ? AND v.contact_phone = ?"
                + " AND v.last_message_at IS NOT NULL"
                + " ORDER BY CASE WHEN v.sender = ? THEN 0 ELSE 1 END,"
                + " v.last_message_at DESC, v.id DESC LIMIT 1 FOR UPDATE")) {
      ps.setString(1, orgId);
      ps.setString(2, in.from());
      ps.setString(3, in.to());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(Locked.read(rs)) : Optional.empty();
      }
    }
  }
}
