package dev.p2p.store.jdbc;

import dev.p2p.store.ClaimRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Dynamic batches: a texter claims the next conversations of an action's pool.
 *
 * <p>The pool is the action's unassigned rows of the index {@code (action_id, texter_id, id)}:
 * {@code texter_id IS NULL} is one contiguous range of it, in id order, and a claimed row leaves
 * that range, so a claim reads the lowest unassigned ids and never walks over assigned ones (the
 * naive {@code WHERE texter_id IS NULL} over an {@code action_id} index rereads every assigned row
 * at the head of the pool on each claim). Rows are locked with {@code FOR UPDATE SKIP LOCKED}: a
 * claimer passes over the rows other claimers hold and takes the next free ones, so concurrent
 * claimers take disjoint consecutive runs without waiting for each other. The update then assigns
 * only rows still unassigned, so no row goes to two texters whatever the database does.
 *
 * <p>With {@code maxHeld}, the claim first locks the texter's row in {@code action_texters}, so two
 * claims of one texter are serialized and count what the other took.
 */
final class ClaimSql {
  private final Tx tx;

  ClaimSql(Tx tx) {
    this.tx = tx;
  }

  List<Long> claim(
      String orgId, long actionId, String texterId, ClaimRequest request, Instant now) {
    if (request.windowKeys().isEmpty()) {
      return List.of();
    }
    return tx.run(
        "claim conversations",
        c -> {
          if (!TargetSql.actionExists(c, orgId, actionId)) {
            return List.<Long>of();
          }
          int wanted = request.count();
          if (request.maxHeld() > 0) {
            lockTexter(c, tx.dialect(), actionId, texterId);
            long held = held(c, tx.dialect(), actionId, texterId);
            wanted = (int) Math.min(wanted, request.maxHeld() - held);
            if (wanted <= 0) {
              return List.<Long>of();
            }
          }
          List<Long> ids = new ArrayList<>();
          Set<String> keys = request.windowKeys();
          if (request.keepTargets().isPresent()) {
            ids.addAll(
                free(c, actionId, keys, " AND v.earlier_texter = ?", List.of(texterId), wanted));
            if (ids.size() < wanted) {
              Set<String> targets = request.keepTargets().get();
              String others =
                  targets.isEmpty()
                      ? ""
                      : " AND (v.earlier_texter IS NULL OR v.earlier_texter NOT IN ("
                          + ConversationRows.marks(targets.size())
                          + "))";
              ids.addAll(free(c, actionId, keys, others, targets, wanted - ids.size()));
            }
          } else {
            ids.addAll(free(c, actionId, keys, "", List.of(), wanted));
          }
          return assign(c, ids, texterId, now);
        });
  }

  /** Locks (creating it if needed) the texter's row for the action. */
  static void lockTexter(Connection c, Dialect dialect, long actionId, String texterId)
      throws SQLException {
    Inserts.Binder key =
        ps -> {
          ps.setLong(1, actionId);
          ps.setString(2, texterId);
        };
    Inserts.locking(
        c,
        dialect,
        "action_texters",
        "action_id, texter_id",
        "action_id, texter_id",
        "texter_id",
        key,
        key);
  }

  /**
   * How many conversations of the action the texter holds, any status. On MariaDB a locking read,
   * which counts what another claim committed after this transaction's snapshot.
   */
  static long held(Connection c, Dialect dialect, long actionId, String texterId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*) FROM conversations WHERE action_id = ? AND texter_id = ?"
                + (dialect == Dialect.MARIADB ? " LOCK IN SHARE MODE" : ""))) {
      ps.setLong(1, actionId);
      ps.setString(2, texterId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Locks and returns up to {@code limit} free pool rows, lowest id first. */
  private List<Long> free(
      Connection c,
      long actionId,
      Set<String> windowKeys,
      String extra,
      Collection<String> extraParams,
      int limit)
      throws SQLException {
    String hint =
        tx.dialect() == Dialect.MARIADB
            ? extra.contains("earlier_texter = ?")
                ? " FORCE INDEX (conversations_earlier)"
                : " FORCE INDEX (conversations_pool)"
            : "";
    String sql =
        "SELECT v.id FROM conversations v"
            + hint
            + " WHERE v.action_id = ? AND v.texter_id IS NULL"
            + " AND v.status = 'NEEDS_FIRST_MESSAGE' AND v.window_key IN ("
            + ConversationRows.marks(windowKeys.size())
            + ") AND"
            + ConversationRows.reachable("v")
            + extra
            + " ORDER BY v.id LIMIT ? FOR UPDATE SKIP LOCKED";
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setLong(i++, actionId);
      for (String key : windowKeys) {
        ps.setString(i++, key);
      }
      for (String p : extraParams) {
        ps.setString(i++, p);
      }
      ps.setInt(i, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  /** Assigns the rows still unassigned to the texter; returns their ids, ascending. */
  static List<Long> assign(Connection c, List<Long> ids, String texterId, Instant now)
      throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    String in = " WHERE id IN (" + ConversationRows.marks(ids.size()) + ")";
    int updated;
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE conversations SET texter_id = ?, updated_at = ?"
                + in
                + " AND texter_id IS NULL")) {
      ps.setString(1, texterId);
      ps.setObject(2, Times.toColumn(now));
      for (int i = 0; i < ids.size(); i++) {
        ps.setLong(3 + i, ids.get(i));
      }
      updated = ps.executeUpdate();
    }
    List<Long> claimed = new ArrayList<>(ids);
    if (updated != ids.size()) {
      // A row was taken meanwhile (a database without row locks here): keep what is ours.
      claimed.clear();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id FROM conversations" + in + " AND texter_id = ? AND updated_at = ?")) {
        int i = 1;
        for (long id : ids) {
          ps.setLong(i++, id);
        }
        ps.setString(i++, texterId);
        ps.setObject(i, Times.toColumn(now));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            claimed.add(rs.getLong(1));
          }
        }
      }
    }
    claimed.sort(null);
    return claimed;
  }
}
