package dev.p2p.store.jdbc;

import dev.p2p.optout.OptOut;
import dev.p2p.optout.OptOutSource;
import dev.p2p.store.support.OptOutRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opt-outs and invalid phones, per organization and phone. Opting out also moves every conversation
 * of the phone in the organization to {@code OPTED_OUT}, locking their rows, which serializes it
 * with sends on them.
 */
final class OptOutSql {
  private final Tx tx;

  OptOutSql(Tx tx) {
    this.tx = tx;
  }

  boolean optOut(String orgId, String phone, OptOutSource source, Instant now) {
    return tx.runInOrganization(
        "opt a phone out", orgId, c -> optOut(c, tx.dialect(), orgId, phone, source, now));
  }

  /** Records the opt-out unless recorded, opts out every conversation of the phone, emits. */
  static boolean optOut(
      Connection c, Dialect dialect, String orgId, String phone, OptOutSource source, Instant now)
      throws SQLException {
    boolean inserted = record(c, dialect, orgId, phone, source, now);
    OptOutRule.optedOut(phone, source, inserted).ifPresent(change -> Tx.emit(orgId, now, change));
    return inserted;
  }

  /**
   * Records the opt-out unless recorded, and opts out every conversation of the phone; returns
   * whether it was recorded now. Emits nothing.
   */
  static boolean record(
      Connection c, Dialect dialect, String orgId, String phone, OptOutSource source, Instant now)
      throws SQLException {
    boolean inserted =
        Inserts.ifAbsent(
            c,
            dialect,
            "opt_outs",
            "org_id, phone, source, opted_out_at",
            "org_id, phone",
            ps -> {
              ps.setString(1, orgId);
              ps.setString(2, phone);
              ps.setString(3, source.name());
              ps.setObject(4, Times.toColumn(now));
            });
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE conversations SET status = 'OPTED_OUT', unread = FALSE, updated_at = ?"
                + " WHERE org_id = ? AND contact_phone = ? AND status <> 'OPTED_OUT'")) {
      ps.setObject(1, Times.toColumn(now));
      ps.setString(2, orgId);
      ps.setString(3, phone);
      ps.executeUpdate();
    }
    return inserted;
  }

  Optional<OptOut> find(String orgId, String phone) {
    return tx.run(
        "read an opt-out",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT phone, source, opted_out_at FROM opt_outs"
                      + " WHERE org_id = ? AND phone = ?")) {
            ps.setString(1, orgId);
            ps.setString(2, phone);
            return read(ps).stream().findFirst();
          }
        });
  }

  List<OptOut> page(String orgId, String afterPhone, int limit) {
    return tx.run(
        "read opt-outs",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT phone, source, opted_out_at FROM opt_outs"
                      + " WHERE org_id = ? AND phone > ? ORDER BY org_id, phone LIMIT ?")) {
            ps.setString(1, orgId);
            ps.setString(2, afterPhone);
            ps.setInt(3, limit);
            return read(ps);
          }
        });
  }

  boolean markInvalid(String orgId, String phone, Instant now) {
    return tx.runInOrganization(
        "mark a phone invalid",
        orgId,
        c ->
            Inserts.ifAbsent(
                c,
                tx.dialect(),
                "invalid_phones",
                "org_id, phone, marked_at",
                "org_id, phone",
                ps -> {
                  ps.setString(1, orgId);
                  ps.setString(2, phone);
                  ps.setObject(3, Times.toColumn(now));
                }));
  }

  private static List<OptOut> read(PreparedStatement ps) throws SQLException {
    List<OptOut> optOuts = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        optOuts.add(
            new OptOut(
                rs.getString(1),
                OptOutSource.valueOf(rs.getString(2)),
                Times.fromColumn(rs.getObject(3, LocalDateTime.class))));
      }
    }
    return optOuts;
  }
}
