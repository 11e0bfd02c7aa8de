package dev.p2p.store.jdbc;

import dev.p2p.conversation.FailureKind;
import dev.p2p.event.Change;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** The event-feed changes of outbound messages: sent, delivered, failed. */
final class MessageEvents {
  private static final String SELECT =
      "SELECT m.id, m.org_id, m.gateway_id, m.reference, m.conversation_id, m.action_id,"
          + " m.texter_id, m.contact_phone, m.sender, m.carrier_message_id, m.segments"
          + " FROM messages m";

  private MessageEvents() {}

  /** What the events of an outbound message say about it, read from its row. */
  record Row(
      long id,
      String orgId,
      String gatewayId,
      String reference,
      OptionalLong conversationId,
      OptionalLong actionId,
      Optional<String> texterId,
      String contactPhone,
      String sender,
      Optional<String> carrierMessageId,
      int segments) {

    Change.MessageSent sent() {
      return new Change.MessageSent(
          id,
          reference,
          conversationId,
          actionId,
          texterId,
          contactPhone,
          sender,
          carrierMessageId.orElse(""),
          segments);
    }

    Change.MessageDelivered delivered() {
      return new Change.MessageDelivered(id, reference, conversationId, actionId, contactPhone);
    }

    Change.MessageFailed failed(FailureKind failure, Optional<String> carrierCode) {
      return new Change.MessageFailed(
          id, reference, conversationId, actionId, contactPhone, failure, carrierCode);
    }
  }

  /** The organization's message; empty if it has none with this id. */
  static Optional<Row> byId(Connection c, String orgId, long messageId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE m.org_id = ? AND m.id = ?")) {
      ps.setString(1, orgId);
      ps.setLong(2, messageId);
      return read(ps);
    }
  }

  /** The outbound message with this carrier id; empty if none. */
  static Optional<Row> byCarrierId(Connection c, String gatewayId, String carrierMessageId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            SELECT
                + " WHERE m.gateway_id = ? AND m.carrier_message_id = ?"
                + " AND m.direction = 'OUTBOUND'")) {
      ps.setString(1, gatewayId);
      ps.setString(2, carrierMessageId);
      return read(ps);
    }
  }

  /** Emits the message's change for the status a carrier's update moved it into, if any. */
  static void moved(Row m, EarlyStatusSql.Early update, Instant now) {
    switch (update.status()) {
      case DELIVERED -> Tx.emit(m.orgId(), now, m.delivered());
      case FAILED, UNDELIVERED -> {
        String kind = update.errorKind();
        Tx.emit(
            m.orgId(),
            now,
            m.failed(
                kind == null ? FailureKind.PERMANENT : FailureKind.valueOf(kind),
                Optional.ofNullable(update.carrierCode())));
      }
      // SENT: the receipt that gave the message its carrier id wrote message.sent already.
      default -> {}
    }
  }

  private static Optional<Row> read(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      long conversation = rs.getLong(5);
      OptionalLong conversationId =
          rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(conversation);
      long action = rs.getLong(6);
      OptionalLong actionId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(action);
      String reference = rs.getString(4);
      return Optional.of(
          new Row(
              rs.getLong(1),
              rs.getString(2),
              rs.getString(3),
              reference == null ? "" : reference,
              conversationId,
              actionId,
              Optional.ofNullable(rs.getString(7)),
              rs.getString(8),
              rs.getString(9),
              Optional.ofNullable(rs.getString(10)),
              rs.getInt(11)));
    }
  }
}
