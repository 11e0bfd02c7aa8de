package dev.p2p.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sender bindings: the number each contact is texted from, per organization and gateway.
 *
 * <p>Binding races are settled by the primary key (org_id, gateway_id, contact_phone): each writer
 * inserts only if absent ({@code ON CONFLICT DO NOTHING} on PostgreSQL, a caught duplicate key
 * elsewhere) or moves the binding only from the number it read, then reads back the number that
 * won. On MariaDB that last read is a locking read ({@code LOCK IN SHARE MODE}), which sees the
 * latest committed row despite REPEATABLE READ and never waits on another reader.
 */
final class SenderSql {
  private static final String WHERE_CONTACT =
      " WHERE org_id = ? AND gateway_id = ? AND contact_phone = ?";

  private final Tx tx;
  private final SenderLoads loads;

  SenderSql(Tx tx, SenderLoads loads) {
    this.tx = tx;
    this.loads = loads;
  }

  /**
   * Binds the contact to a number of the pool inside the caller's transaction (a send's), as {@link
   * dev.p2p.store.ConversationStore#recordSend} describes; returns the number that won.
   */
  String bind(
      Connection c,
      String orgId,
      String gatewayId,
      String contactPhone,
      List<String> pool,
      Instant now)
      throws SQLException {
    if (tx.dialect() == Dialect.POSTGRESQL) {
      // One statement for the usual cases: bind a new contact, or touch a binding in the pool.
      String chosen = leastBound(loads.counts(c, orgId, gatewayId), pool);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO sender_bindings"
                  + " (org_id, gateway_id, contact_phone, sender, last_used_at) VALUES (?, ?, ?, ?, ?)"
                  + " ON CONFLICT (org_id, gateway_id, contact_phone) DO UPDATE"
                  + " SET last_used_at = EXCLUDED.last_used_at"
                  + " RETURNING sender, (xmax = 0)")) {
        bindRow(ps, orgId, gatewayId, contactPhone, chosen, now);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          String bound = rs.getString(1);
          if (rs.getBoolean(2)) {
            loads.moved(orgId, gatewayId, "", bound);
            return bound;
          }
          if (pool.contains(bound)) {
            return bound;
          }
        }
      }
    }
    Optional<String> current = read(c, orgId, gatewayId, contactPhone, "");
    if (current.isPresent() && pool.contains(current.get())) {
      if (move(c, orgId, gatewayId, contactPhone, current.get(), current.get(), now)) {
        return current.get();
      }
    } else {
      String chosen = leastBound(loads.counts(c, orgId, gatewayId), pool);
      boolean bound =
          current.isPresent()
              ? move(c, orgId, gatewayId, contactPhone, current.get(), chosen, now)
              : insertIfAbsent(c, orgId, gatewayId, contactPhone, chosen, now);
      if (bound) {
        loads.moved(orgId, gatewayId, current.orElse(""), chosen);
      }
    }
    String latest = tx.dialect() == Dialect.MARIADB ? " LOCK IN SHARE MODE" : "";
    return read(c, orgId, gatewayId, contactPhone, latest).orElseThrow();
  }

  Optional<String> organization(String gatewayId, String ourNumber, String contactPhone) {
    return tx.run(
        "find the organization of an inbound message",
        c -> {
          // The contact's bindings on the gateway, one per organization at most, read through
          // the (gateway_id, contact_phone) index whatever the table's statistics say, and the
          // one to this number used last picked here (ties by organization id).
          Optional<String> bound = Optional.empty();
          Instant latest = Instant.MIN;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT org_id, sender, last_used_at FROM sender_bindings"
                      + " WHERE gateway_id = ? AND contact_phone = ?")) {
            ps.setString(1, gatewayId);
            ps.setString(2, contactPhone);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                if (!rs.getString(2).equals(ourNumber)) {
                  continue;
                }
                String org = rs.getString(1);
                Instant used = Times.fromColumn(rs.getObject(3, LocalDateTime.class));
                int cmp = used.compareTo(latest);
                if (cmp > 0 || (cmp == 0 && bound.isPresent() && org.compareTo(bound.get()) < 0)) {
                  bound = Optional.of(org);
                  latest = used;
                }
              }
            }
          }
          if (bound.isPresent()) {
            return bound;
          }
          // No binding of this contact to the number: the organization that used it last.
          return firstOrg(
              c,
              "SELECT org_id FROM sender_bindings WHERE gateway_id = ? AND sender = ?"
                  + " ORDER BY last_used_at DESC, org_id LIMIT 1",
              gatewayId,
              ourNumber);
        });
  }

  private static Optional<String> firstOrg(Connection c, String sql, String... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** Binds the contact to the number whatever it was bound to, stamped as used now. */
  /** The number the contact is bound to on the gateway, if any. */
  static Optional<String> bound(Connection c, String orgId, String gatewayId, String contactPhone)
      throws SQLException {
    return read(c, orgId, gatewayId, contactPhone, "");
  }

  static void record(
      Connection c,
      Dialect dialect,
      String orgId,
      String gatewayId,
      String contactPhone,
      String number,
      Instant now)
      throws SQLException {
    String sql =
        switch (dialect) {
          case POSTGRESQL ->
              "INSERT INTO sender_bindings"
                  + " (org_id, gateway_id, contact_phone, sender, last_used_at) VALUES (?, ?, ?, ?, ?)"
                  + " ON CONFLICT (org_id, gateway_id, contact_phone) DO UPDATE"
                  + " SET sender = EXCLUDED.sender, last_used_at = EXCLUDED.last_used_at";
          case MARIADB ->
              "INSERT INTO sender_bindings"
                  + " (org_id, gateway_id, contact_phone, sender, last_used_at) VALUES (?, ?, ?, ?, ?)"
                  + " ON DUPLICATE KEY UPDATE sender = VALUES(sender),"
                  + " last_used_at = VALUES(last_used_at)";
          case H2 ->
              "MERGE INTO sender_bindings"
                  + " (org_id, gateway_id, contact_phone, sender, last_used_at)"
                  + " KEY (org_id, gateway_id, contact_phone) VALUES (?, ?, ?, ?, ?)";
        };
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bindRow(ps, orgId, gatewayId, contactPhone, number, now);
      ps.executeUpdate();
    }
  }

  /** Inserts the binding unless the contact has one; returns whether it did. */
  private boolean insertIfAbsent(
      Connection c, String orgId, String gatewayId, String contactPhone, String number, Instant now)
      throws SQLException {
    boolean postgres = tx.dialect() == Dialect.POSTGRESQL;
    String sql =
        "INSERT INTO sender_bindings (org_id, gateway_id, contact_phone, sender, last_used_at)"
            + " VALUES (?, ?, ?, ?, ?)"
            + (postgres ? " ON CONFLICT DO NOTHING" : "");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bindRow(ps, orgId, gatewayId, contactPhone, number, now);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      if (postgres || !tx.dialect().isUniqueViolation(e)) {
        throw e;
      }
      // Another writer bound the contact first; its number is read back.
      return false;
    }
  }

  /** Moves the binding from one number to another (or touches it); false if it changed. */
  private static boolean move(
      Connection c,
      String orgId,
      String gatewayId,
      String contactPhone,
      String from,
      String to,
      Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE sender_bindings SET sender = ?, last_used_at = ?"
                + WHERE_CONTACT
                + " AND sender = ?")) {
      ps.setString(1, to);
      ps.setObject(2, Times.toColumn(now));
      ps.setString(3, orgId);
      ps.setString(4, gatewayId);
      ps.setString(5, contactPhone);
      ps.setString(6, from);
      return ps.executeUpdate() > 0;
    }
  }

  /** The pool's number with the fewest bindings, the earlier in the pool on a tie. */
  private static String leastBound(Map<String, AtomicLong> counts, List<String> pool) {
    String best = pool.get(0);
    long fewest = count(counts, best);
    for (String number : pool) {
      long n = count(counts, number);
      if (n < fewest) {
        best = number;
        fewest = n;
      }
    }
    return best;
  }

  private static long count(Map<String, AtomicLong> counts, String number) {
    AtomicLong n = counts.get(number);
    return n == null ? 0 : n.get();
  }

  private static Optional<String> read(
      Connection c, String orgId, String gatewayId, String contactPhone, String suffix)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT sender FROM sender_bindings" + WHERE_CONTACT + suffix)) {
      ps.setString(1, orgId);
      ps.setString(2, gatewayId);
      ps.setString(3, contactPhone);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private static void bindRow(
      PreparedStatement ps,
      String orgId,
      String gatewayId,
      String contactPhone,
      String number,
      Instant now)
      throws SQLException {
    ps.setString(1, orgId);
    ps.setString(2, gatewayId);
    ps.setString(3, contactPhone);
    ps.setString(4, number);
    ps.setObject(5, Times.toColumn(now));
  }
}
