package dev.p2p.store.jdbc;

import dev.p2p.conversation.Message;
import dev.p2p.store.support.OutboundFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An outbound message read in one statement as both the {@link Message} the API returns and the
 * {@link OutboundFacts} its events are made of ({@link dev.p2p.store.support.StatusRule}).
 */
final class MessageEvents {
  private static final String COLUMNS =
      MessageRows.COLUMNS + ", org_id, conversation_id, action_id, texter_id";

  private static final String SELECT = "SELECT " + COLUMNS + " FROM messages";

  /** PostgreSQL: the clause that returns an updated message as {@link #row} reads it. */
  static final String RETURNING = " RETURNING " + COLUMNS;

  private MessageEvents() {}

  /** A message, its organization and its events' facts. */
  record Row(String orgId, Message message, OutboundFacts facts) {
    String gatewayId() {
      return message.gatewayId();
    }

    String contactPhone() {
      return message.contactPhone();
    }
  }

  /** The organization's message; empty if it has none with this id. */
  static Optional<Row> byId(Connection c, String orgId, long messageId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE org_id = ? AND id = ?")) {
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
                + " WHERE gateway_id = ? AND carrier_message_id = ?"
                + " AND direction = 'OUTBOUND'")) {
      ps.setString(1, gatewayId);
      ps.setString(2, carrierMessageId);
      return read(ps);
    }
  }

  private static Optional<Row> read(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(row(rs)) : Optional.empty();
    }
  }

  /** The message at the result set's current row, selected or returned with these columns. */
  static Row row(ResultSet rs) throws SQLException {
    Message m = MessageRows.read(rs);
    int extra = MessageRows.COLUMN_COUNT + 1;
    String orgId = rs.getString(extra);
    long conversation = rs.getLong(extra + 1);
    OptionalLong conversationId =
        rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(conversation);
    long action = rs.getLong(extra + 2);
    OptionalLong actionId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(action);
    OutboundFacts facts =
        new OutboundFacts(
            m.id(),
            m.reference().orElse(""),
            conversationId,
            actionId,
            Optional.ofNullable(rs.getString(extra + 3)),
            m.contactPhone(),
            m.sender(),
            m.carrierMessageId(),
            m.segments());
    return new Row(orgId, m, facts);
  }
}
