package dev.p2p.store.jdbc;

import dev.p2p.conversation.Direction;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.store.Receipt;
import dev.p2p.store.support.LogSafe;
import dev.p2p.store.support.Refusals;
import dev.p2p.store.support.StatusRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages: recording outbound and inbound ones, their send receipts and failures; status updates
 * are {@link StatusSql}'s.
 */
final class MessageSql {
  private static final Logger log = LoggerFactory.getLogger(MessageSql.class);

  /** The condition of a message still waiting for its receipt or failure. */
  private static final String AWAITING_SEND =
      " WHERE org_id = ? AND id = ? AND direction = 'OUTBOUND' AND status = 'QUEUED'"
          + " AND carrier_message_id IS NULL";

  private final Tx tx;
  private final StatusSql statuses;
  private final SenderLoads loads;

  MessageSql(Tx tx, StatusSql statuses, SenderLoads loads) {
    this.tx = tx;
    this.statuses = statuses;
    this.loads = loads;
  }

  /**
   * What reports read of a conversation's message: its action, its texter (the sender of an
   * outbound one, NULL for automatic answers) and, for a reply to the contact, the milliseconds
   * since their message.
   */
  record Attribution(long actionId, @Nullable String texterId, @Nullable Long responseMs) {}

  /**
   * Inserts an outbound message as queued, in a conversation or none; returns its id.
   *
   * @throws ValidationException naming {@code reference} if the organization used it before
   */
  static long insertOutbound(
      Connection c,
      Dialect dialect,
      String orgId,
      QueuedMessage m,
      OptionalLong conversationId,
      @Nullable Attribution attribution,
      Instant now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(MessageRows.INSERT, new String[] {"id"})) {
      bindInsert(ps, orgId, Direction.OUTBOUND, m.gatewayId(), conversationId, now);
      if (attribution != null) {
        ps.setLong(16, attribution.actionId());
        String texterId = attribution.texterId();
        if (texterId != null) {
          ps.setString(17, texterId);
        }
        Long responseMs = attribution.responseMs();
        if (responseMs != null) {
          ps.setLong(18, responseMs);
        }
      }
      ps.setString(4, m.reference());
      ps.setNull(5, Types.VARCHAR);
      ps.setString(6, m.sender());
      ps.setString(7, m.contactPhone());
      ps.setString(8, m.body());
      ps.setString(9, MessageRows.mediaJson(m.media()));
      ps.setInt(10, m.segments());
      ps.setString(11, MessageStatus.QUEUED.name());
      ps.setInt(12, MessageStatus.QUEUED.rank());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      if (dialect.isUniqueViolation(e)) {
        throw Refusals.referenceUsed();
      }
      throw e;
    }
  }

  /** The receipt's carrier id is another message's: nothing is written, the core decides. */
  private static final class CarrierIdTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CarrierIdTaken() {
      super(null, null, false, false);
    }
  }

  List<Optional<Message>> markSentAll(String orgId, List<Receipt> receipts, Instant now) {
    List<Optional<Message>> stored;
    try {
      stored =
          tx.run(
              "store send receipts",
              c -> {
                Set<String> parked = parked(c, receipts);
                List<Optional<Message>> written = new ArrayList<>(receipts.size());
                for (Receipt r : receipts) {
                  written.add(
                      storeReceipt(
                          c,
                          orgId,
                          r.messageId(),
                          r.receipt(),
                          parked.contains(r.receipt().carrierMessageId()),
                          now));
                }
                return written;
              });
    } catch (CarrierIdTaken e) {
      if (receipts.size() == 1) {
        return List.of(Optional.empty());
      }
      // One of the group names a carrier id another message has: each on its own, so that the
      // others are stored.
      stored = new ArrayList<>(receipts.size());
      for (Receipt r : receipts) {
        stored.add(markSentAll(orgId, List.of(r), now).get(0));
      }
      return stored;
    }
    // A status parked by another node while the receipts were being committed: see
    // EarlyStatusSql.
    try {
      List<Optional<Message>> latest = new ArrayList<>(stored);
      Set<String> parkedNow = tx.run("look for early statuses", c -> parked(c, receipts));
      for (int i = 0; i < receipts.size(); i++) {
        String carrierId = receipts.get(i).receipt().carrierMessageId();
        Optional<Message> m = stored.get(i);
        if (m.isPresent()
            && parkedNow.contains(carrierId)
            && statuses.applyParked(m.get().gatewayId(), carrierId, now)) {
          latest.set(i, find(orgId, m.get().id()));
        }
      }
      return latest;
    } catch (RuntimeException e) {
      log.warn(
          "Send receipts are stored, but early statuses for them could not be read now;"
              + " they are applied with their next status update",
          LogSafe.of(e));
      return stored;
    }
  }

  /** The carrier ids of these receipts that have status updates parked, on any gateway. */
  private static Set<String> parked(Connection c, List<Receipt> receipts) throws SQLException {
    Set<String> parked = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT carrier_message_id FROM early_statuses WHERE carrier_message_id IN ("
                + ConversationRows.marks(receipts.size())
                + ")")) {
      int i = 1;
      for (Receipt r : receipts) {
        ps.setString(i++, r.receipt().carrierMessageId());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          parked.add(rs.getString(1));
        }
      }
    }
    return parked;
  }

  private Optional<Message> storeReceipt(
      Connection c, String orgId, long messageId, SendReceipt receipt, boolean parked, Instant now)
      throws SQLException {
    String carrierId = receipt.carrierMessageId();
    boolean returning = tx.dialect() == Dialect.POSTGRESQL;
    MessageEvents.Row m = null;
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE messages SET carrier_message_id = ?, status = ?, status_rank = ?,"
                + " segments = COALESCE(?, segments), sender = COALESCE(?, sender),"
                + " unconfirmed = FALSE, updated_at = ?"
                + AWAITING_SEND
                + (returning ? MessageEvents.RETURNING : ""))) {
      ps.setString(1, carrierId);
      ps.setString(2, receipt.status().name());
      ps.setInt(3, receipt.status().rank());
      if (receipt.segments().isPresent()) {
        ps.setInt(4, receipt.segments().getAsInt());
      } else {
        ps.setNull(4, Types.INTEGER);
      }
      MessageRows.setText(ps, 5, receipt.from());
      ps.setObject(6, Times.toColumn(now));
      ps.setString(7, orgId);
      ps.setLong(8, messageId);
      if (returning) {
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          m = MessageEvents.row(rs);
        }
      } else if (ps.executeUpdate() == 0) {
        return Optional.empty();
      }
    } catch (SQLException e) {
      if (tx.dialect().isUniqueViolation(e)) {
        throw new CarrierIdTaken();
      }
      throw e;
    }
    if (m == null) {
      m = MessageEvents.byId(c, orgId, messageId).orElseThrow();
    }
    if (receipt.from().isPresent()) {
      // The receipt names the number the carrier used. Sent from a number, it is the one
      // already bound; through a messaging service, the binding moves to it.
      String number = receipt.from().get();
      Optional<String> bound = SenderSql.bound(c, orgId, m.gatewayId(), m.contactPhone());
      if (!bound.equals(Optional.of(number))) {
        SenderSql.record(c, tx.dialect(), orgId, m.gatewayId(), m.contactPhone(), number, now);
        loads.moved(orgId, m.gatewayId(), bound.orElse(""), number);
      }
    }
    Tx.emit(orgId, now, StatusRule.receiptStored(m.facts()));
    if (parked && StatusSql.applyDrained(c, m.gatewayId(), carrierId, now)) {
      return find(c, orgId, messageId);
    }
    return Optional.of(m.message());
  }

  Optional<Message> markFailed(
      String orgId,
      long messageId,
      FailureKind failure,
      Optional<String> carrierCode,
      boolean retrySafe,
      Instant now) {
    MessageStatus status = retrySafe ? MessageStatus.FAILED : MessageStatus.QUEUED;
    return tx.run(
        "store a send failure",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE messages SET status = ?, status_rank = ?, unconfirmed = ?,"
                      + " error_kind = ?, carrier_code = ?, updated_at = ?"
                      + AWAITING_SEND)) {
            ps.setString(1, status.name());
            ps.setInt(2, status.rank());
            ps.setBoolean(3, !retrySafe);
            ps.setString(4, failure.name());
            MessageRows.setText(ps, 5, carrierCode);
            ps.setObject(6, Times.toColumn(now));
            ps.setString(7, orgId);
            ps.setLong(8, messageId);
            if (ps.executeUpdate() == 0) {
              return Optional.<Message>empty();
            }
          }
          MessageEvents.Row m = MessageEvents.byId(c, orgId, messageId).orElseThrow();
          StatusRule.sendFailed(m.facts(), failure, carrierCode, retrySafe)
              .ifPresent(change -> Tx.emit(orgId, now, change));
          return Optional.of(m.message());
        });
  }

  /**
   * Inserts an inbound message, without a conversation, unless the gateway's carrier id is stored
   * already (in any organization); returns the new row's id, or empty when it was stored before.
   */
  static OptionalLong insertInbound(
      Connection c,
      Dialect dialect,
      String orgId,
      String gatewayId,
      InboundMessage in,
      Optional<Locked> routed,
      Instant now)
      throws SQLException {
    boolean postgres = dialect == Dialect.POSTGRESQL;
    String sql =
        postgres
            ? MessageRows.INSERT + " ON CONFLICT (gateway_id, carrier_message_id) DO NOTHING"
            : MessageRows.INSERT;
    try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
      bindInsert(ps, orgId, Direction.INBOUND, gatewayId, OptionalLong.empty(), now);
      ps.setNull(4, Types.VARCHAR);
      ps.setString(5, in.carrierMessageId());
      ps.setString(6, in.to());
      ps.setString(7, in.from());
      ps.setString(8, in.body());
      ps.setString(9, MessageRows.mediaJson(in.media()));
      ps.setInt(10, 0);
      ps.setString(11, MessageStatus.RECEIVED.name());
      ps.setInt(12, MessageStatus.RECEIVED.rank());
      ps.setBoolean(19, in.truncated());
      if (routed.isPresent()) {
        // For reports: the action, and the texter holding the conversation as it arrives.
        ps.setLong(15, routed.get().id());
        ps.setLong(16, routed.get().actionId());
        MessageRows.setText(ps, 17, routed.get().texterId());
      }
      if (ps.executeUpdate() == 0) {
        return OptionalLong.empty();
      }
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return OptionalLong.of(keys.getLong(1));
      }
    } catch (SQLException e) {
      // H2 and MariaDB: the unique (gateway_id, carrier_message_id) says it is stored.
      if (!postgres && dialect.isUniqueViolation(e)) {
        return OptionalLong.empty();
      }
      throw e;
    }
  }

  /** Sends of unknown fate that last changed by {@code changedBy}, above an id, by id. */
  List<Message> awaitingReceipt(String orgId, Instant changedBy, long afterId, int limit) {
    return tx.run(
        "read sends awaiting a receipt",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  MessageRows.SELECT
                      + " WHERE org_id = ? AND direction = 'OUTBOUND' AND status = 'QUEUED'"
                      + " AND carrier_message_id IS NULL AND updated_at <= ? AND id > ?"
                      + " ORDER BY id LIMIT ?")) {
            ps.setString(1, orgId);
            ps.setObject(2, Times.toColumn(changedBy));
            ps.setLong(3, afterId);
            ps.setInt(4, limit);
            List<Message> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                found.add(MessageRows.read(rs));
              }
            }
            return found;
          }
        });
  }

  Optional<Message> find(String orgId, long messageId) {
    return tx.run("read a message", c -> find(c, orgId, messageId));
  }

  private static Optional<Message> find(Connection c, String orgId, long messageId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(MessageRows.SELECT + " WHERE org_id = ? AND id = ?")) {
      ps.setString(1, orgId);
      ps.setLong(2, messageId);
      return MessageRows.readOne(ps);
    }
  }

  /**
   * Binds org_id, direction, gateway_id, both timestamps and the conversation of {@link
   * MessageRows#INSERT}, and NULL for what reports read (bound after by a conversation's send).
   */
  private static void bindInsert(
      PreparedStatement ps,
      String orgId,
      Direction direction,
      String gatewayId,
      OptionalLong conversationId,
      Instant now)
      throws SQLException {
    ps.setString(1, orgId);
    ps.setString(2, direction.name());
    ps.setString(3, gatewayId);
    ps.setObject(13, Times.toColumn(now));
    ps.setObject(14, Times.toColumn(now));
    if (conversationId.isPresent()) {
      ps.setLong(15, conversationId.getAsLong());
    } else {
      ps.setNull(15, Types.BIGINT);
    }
    ps.setNull(16, Types.BIGINT);
    ps.setNull(17, Types.VARCHAR);
    ps.setNull(18, Types.BIGINT);
    ps.setBoolean(19, false);
  }
}
