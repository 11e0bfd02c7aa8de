package dev.p2p.store.jdbc;

import dev.p2p.conversation.Message;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.store.jdbc.EarlyStatusSql.Early;
import dev.p2p.store.support.LogSafe;
import dev.p2p.store.support.StatusRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carriers' status updates: applied forward only to the message with their carrier id, or parked in
 * {@link EarlyStatusSql} while no message has that id, and applied once its receipt is stored.
 */
final class StatusSql {
  private static final Logger log = LoggerFactory.getLogger(StatusSql.class);

  private final Tx tx;

  StatusSql(Tx tx) {
    this.tx = tx;
  }

  private enum Applied {
    CHANGED,
    UNCHANGED,
    PARKED
  }

  boolean applyStatus(String gatewayId, StatusUpdate update, Instant now) {
    Early early =
        new Early(
            update.status(),
            update.error().map(e -> e.kind().name()).orElse(null),
            update.carrierCode().orElse(null));
    String carrierId = update.carrierMessageId();
    Applied applied =
        tx.run(
            "apply a status update",
            c -> {
              boolean moved = moveForward(c, gatewayId, carrierId, early, now);
              if (!moved && exists(c, gatewayId, carrierId)) {
                // Stored, though perhaps committed only after the first look: look again.
                if (!moveForward(c, gatewayId, carrierId, early, now)) {
                  return Applied.UNCHANGED; // repeated, late or out of order
                }
                moved = true;
              }
              if (moved) {
                // Updates parked in the instant the receipt was committed, in case the second
                // look after either commit could not run.
                applyDrained(c, gatewayId, carrierId, now);
                return Applied.CHANGED;
              }
              EarlyStatusSql.park(c, tx.dialect(), gatewayId, carrierId, early, now);
              return Applied.PARKED;
            });
    if (applied != Applied.PARKED) {
      return applied == Applied.CHANGED;
    }
    prune(now);
    // The receipt may have been committed meanwhile, unseen by the transaction that parked.
    return applyParked(gatewayId, carrierId, now);
  }

  /**
   * In a transaction of its own, applies the parked updates of the message with this carrier id;
   * nothing if no message has it yet. Called after committing a receipt or a parked update.
   *
   * @return whether the message changed
   */
  boolean applyParked(String gatewayId, String carrierId, Instant now) {
    return tx.run(
        "apply early status updates",
        c -> {
          if (EarlyStatusSql.parked(c, gatewayId, carrierId).isEmpty()
              || !lockMessage(c, gatewayId, carrierId)) {
            return false;
          }
          return applyDrained(c, gatewayId, carrierId, now);
        });
  }

  /** Drains the message's parked updates and applies them; the message row is locked already. */
  static boolean applyDrained(Connection c, String gatewayId, String carrierId, Instant now)
      throws SQLException {
    boolean changed = false;
    for (Early parked : EarlyStatusSql.drain(c, gatewayId, carrierId)) {
      changed |= moveForward(c, gatewayId, carrierId, parked, now);
    }
    return changed;
  }

  /** Unclaimed early statuses are housekeeping: a failure to prune them fails no webhook. */
  private void prune(Instant now) {
    try {
      tx.run("prune early status updates", c -> EarlyStatusSql.prune(c, now));
    } catch (RuntimeException e) {
      log.warn(
          "Could not prune unclaimed early status updates; the next parked one tries again",
          LogSafe.of(e));
    }
  }

  private static boolean lockMessage(Connection c, String gatewayId, String carrierId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM messages WHERE gateway_id = ? AND carrier_message_id = ? FOR UPDATE")) {
      ps.setString(1, gatewayId);
      ps.setString(2, carrierId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** One forward-only update of the outbound message with this carrier id. */
  private static boolean moveForward(
      Connection c, String gatewayId, String carrierId, Early update, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE messages SET status = ?, status_rank = ?,"
                + " error_kind = COALESCE(?, error_kind),"
                + " carrier_code = COALESCE(?, carrier_code), updated_at = ?"
                + " WHERE gateway_id = ? AND carrier_message_id = ?"
                + " AND direction = 'OUTBOUND' AND status_rank < ?")) {
      ps.setString(1, update.status().name());
      ps.setInt(2, update.status().rank());
      ps.setString(3, update.errorKind());
      ps.setString(4, update.carrierCode());
      ps.setObject(5, Times.toColumn(now));
      ps.setString(6, gatewayId);
      ps.setString(7, carrierId);
      ps.setInt(8, update.status().rank());
      if (ps.executeUpdate() == 0) {
        return false;
      }
    }
    Optional<MessageEvents.Row> moved = MessageEvents.byCarrierId(c, gatewayId, carrierId);
    if (moved.isPresent()) {
      Message m = moved.get().message();
      StatusRule.moved(moved.get().facts(), update.status(), m.failure(), m.carrierCode())
          .ifPresent(change -> Tx.emit(moved.get().orgId(), now, change));
    }
    return true;
  }

  private static boolean exists(Connection c, String gatewayId, String carrierId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM messages WHERE gateway_id = ? AND carrier_message_id = ?")) {
      ps.setString(1, gatewayId);
      ps.setString(2, carrierId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
