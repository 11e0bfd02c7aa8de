package dev.p2p.store.jdbc;

import dev.p2p.conversation.MessageStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Status updates that came before their message's send receipt was stored: a fast carrier can call
 * back between its answer to the send and p2p's commit of the receipt. They wait in {@code
 * early_statuses} until the receipt names their carrier id, then are applied in arrival order,
 * forward only, and deleted. Ones nobody claims (another system's messages on a shared account) are
 * pruned after {@link #KEPT}.
 *
 * <p>The receipt and a status can race on two app nodes, each transaction missing the other's
 * uncommitted row. So each side looks again in a transaction of its own after committing (see
 * {@link StatusSql}): whichever commits last sees the other. A parked row is applied by the
 * transaction that deletes it, so it is applied once however many look at the same time.
 */
final class EarlyStatusSql {
  /** How long an unclaimed early status is kept. */
  static final Duration KEPT = Duration.ofDays(1);

  /** A parked update: the status with its failure kind and carrier code, as stored. */
  record Early(MessageStatus status, @Nullable String errorKind, @Nullable String carrierCode) {}

  private EarlyStatusSql() {}

  /** Parks an update, once per message and status (the first one kept). */
  static void park(
      Connection c,
      Dialect dialect,
      String gatewayId,
      String carrierMessageId,
      Early update,
      Instant now)
      throws SQLException {
    String ifParked =
        switch (dialect) {
          case POSTGRESQL -> " ON CONFLICT DO NOTHING";
          case MARIADB -> " ON DUPLICATE KEY UPDATE status = status";
          case H2 -> "";
        };
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO early_statuses (gateway_id, carrier_message_id, status, error_kind,"
                + " carrier_code, received_at) VALUES (?, ?, ?, ?, ?, ?)"
                + ifParked)) {
      ps.setString(1, gatewayId);
      ps.setString(2, carrierMessageId);
      ps.setString(3, update.status().name());
      ps.setString(4, update.errorKind());
      ps.setString(5, update.carrierCode());
      ps.setObject(6, Times.toColumn(now));
      ps.executeUpdate();
    } catch (SQLException e) {
      // H2 (which rolls back only the statement): the same status is parked already.
      if (dialect != Dialect.H2 || !dialect.isUniqueViolation(e)) {
        throw e;
      }
    }
  }

  /**
   * Deletes the unclaimed updates older than {@link #KEPT}. Run in a transaction of its own: on
   * MariaDB the range delete locks the gap new rows go into, and two parks each holding it would
   * deadlock on their inserts.
   */
  static int prune(Connection c, Instant now) throws SQLException {
    try (PreparedStatement prune =
        c.prepareStatement("DELETE FROM early_statuses WHERE received_at < ?")) {
      prune.setObject(1, Times.toColumn(now.minus(KEPT)));
      return prune.executeUpdate();
    }
  }

  /**
   * Removes and returns a message's parked updates, in the order they arrived: only those this
   * transaction deleted, so that two transactions draining at once never both apply one, and a row
   * parked after the read is left for whoever reads it next. Lock the message row first.
   */
  static List<Early> drain(Connection c, String gatewayId, String carrierMessageId)
      throws SQLException {
    List<Early> claimed = new ArrayList<>();
    for (Early early : parked(c, gatewayId, carrierMessageId)) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "DELETE FROM early_statuses"
                  + " WHERE gateway_id = ? AND carrier_message_id = ? AND status = ?")) {
        ps.setString(1, gatewayId);
        ps.setString(2, carrierMessageId);
        ps.setString(3, early.status().name());
        if (ps.executeUpdate() > 0) {
          claimed.add(early);
        }
      }
    }
    return claimed;
  }

  /** A message's parked updates, in the order they arrived, without locking them. */
  static List<Early> parked(Connection c, String gatewayId, String carrierMessageId)
      throws SQLException {
    List<Early> parked = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT status, error_kind, carrier_code FROM early_statuses"
                + " WHERE gateway_id = ? AND carrier_message_id = ?"
                + " ORDER BY received_at, status")) {
      ps.setString(1, gatewayId);
      ps.setString(2, carrierMessageId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          parked.add(
              new Early(MessageStatus.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)));
        }
      }
    }
    return parked;
  }
}
