package dev.p2p.store.jdbc;

import dev.p2p.event.Change;
import dev.p2p.store.ClaimRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Dynamic batches: a texter claims the next conversations of an action's pool.
 *
 * <p>The pool is the action's unassigned rows of the index {@code (action_id, texter_id, status,
 * id)}: {@code texter_id IS NULL AND status = 'NEEDS_FIRST_MESSAGE'} is one contiguous range of it,
 * in id order, and a claimed row leaves that range, so a claim reads free ids in order and never
 * walks over assigned ones (the naive {@code WHERE texter_id IS NULL} over an {@code action_id}
 * index, or PostgreSQL's plan for {@code ORDER BY id} over the primary key, rereads every assigned
 * row at the head of the pool on each claim). Rows are locked with {@code FOR UPDATE SKIP LOCKED}
 * and assigned only while still unassigned, so no row goes to two texters.
 *
 * <p>Claimers start at different places: a claim first locks the lowest free row of {@code
 * claim_slots} ({@code SKIP LOCKED}). Slot 0 starts at the pool's lowest id, so a claimer alone
 * always gets the lowest ids; under contention the others get slots 1 to 15, which start at 15
 * equally spaced ids of the pool, so they lock rows on other heap and index pages instead of all
 * skipping the same locked rows at the head (measured on PostgreSQL, 32 claimers of 50 from 100k:
 * p99 about 75 ms with slots, 690 ms without). A slot whose range is used up continues from the
 * lowest id.
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
    return tx.runRetrying(
        "claim conversations",
        c -> {
          boolean exists =
              tx.dialect() == Dialect.H2
                  ? lockAction(c, orgId, actionId)
                  : TargetSql.actionExists(c, orgId, actionId);
          if (!exists) {
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
          long start = slotStart(c, actionId);
          Pass pass = new Pass(c, actionId, texterId, request, now);
          if (request.keepTargets().isPresent()) {
            pass.take(EARLIER, List.of(texterId), 0, wanted);
            Set<String> targets = request.keepTargets().get();
            String others =
                targets.isEmpty()
                    ? ""
                    : " AND (v.earlier_texter IS NULL OR v.earlier_texter NOT IN ("
                        + ConversationRows.marks(targets.size())
                        + "))";
            pass.take(others, targets, start, wanted);
            if (start > 0) {
              pass.take(others, targets, 0, wanted);
            }
          } else {
            pass.take("", List.of(), start, wanted);
            if (start > 0) {
              pass.take("", List.of(), 0, wanted); // the slot's range is used up
            }
          }
          pass.claimed.sort(null);
          EventSql.assignment(
              orgId,
              now,
              actionId,
              Change.AssignmentChanged.Reason.CLAIMED,
              Optional.of(texterId),
              Optional.empty(),
              pass.claimed);
          return pass.claimed;
        });
  }

  /**
   * On H2, claims of one action take turns on its row: H2 applies {@code LIMIT} before {@code SKIP
   * LOCKED}, so two claims at once would both pick the same lowest rows and the second would get
   * none while the pool still holds many (measured: a concurrent claim returned 0 rows).
   */
  private static boolean lockAction(Connection c, String orgId, long actionId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM actions WHERE org_id = ? AND id = ? FOR UPDATE")) {
      ps.setString(1, orgId);
      ps.setLong(2, actionId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Locks the action's lowest free claim slot and returns where it starts (0 for slot 0: the lowest
   * id); 0 as well when every slot is taken or the pool has none.
   */
  private static long slotStart(Connection c, long actionId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT start_id FROM claim_slots WHERE action_id = ? ORDER BY action_id, slot"
                + " LIMIT 1 FOR UPDATE SKIP LOCKED")) {
      ps.setLong(1, actionId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private static final String EARLIER = " AND v.earlier_texter = ?";

  /** The passes of one claim over the pool, each assigning what it locked before the next. */
  private final class Pass {
    final Connection c;
    final long actionId;
    final String texterId;
    final ClaimRequest request;
    final Instant now;
    final List<Long> claimed = new ArrayList<>();

    Pass(Connection c, long actionId, String texterId, ClaimRequest request, Instant now) {
      this.c = c;
      this.actionId = actionId;
      this.texterId = texterId;
      this.request = request;
      this.now = now;
    }

    /** Claims free rows with ids from {@code fromId} matching {@code extra}, up to the total. */
    void take(String extra, Collection<String> extraParams, long fromId, int total)
        throws SQLException {
      if (claimed.size() < total) {
        List<Long> ids =
            free(c, actionId, request, extra, extraParams, fromId, total - claimed.size());
        claimed.addAll(assign(c, ids, texterId, now));
      }
    }
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

  /**
   * Locks and returns up to {@code limit} free pool rows with ids from {@code fromId}, lowest id
   * first. The ORDER BY names the whole index, so that PostgreSQL and H2 read it in order and stop
   * at the limit ({@code texter_id IS NULL} is not an equality to their planners, and PostgreSQL
   * otherwise walks the primary key filtering out every assigned row); MariaDB is told the index.
   */
  private List<Long> free(
      Connection c,
      long actionId,
      ClaimRequest request,
      String extra,
      Collection<String> extraParams,
      long fromId,
      int limit)
      throws SQLException {
    if (tx.dialect() == Dialect.H2) {
      return freeOnH2(c, actionId, request, extra, extraParams, fromId, limit);
    }
    boolean earlier = extra.equals(EARLIER);
    boolean mariadb = tx.dialect() == Dialect.MARIADB;
    String index = earlier ? "conversations_earlier" : "conversations_pool";
    String order =
        mariadb
            ? " ORDER BY v.id"
            : earlier
                ? " ORDER BY v.action_id, v.earlier_texter, v.id"
                : " ORDER BY v.action_id, v.texter_id, v.status, v.id";
    String sql =
        "SELECT v.id FROM conversations v"
            + (mariadb ? " FORCE INDEX (" + index + ")" : "")
            + " WHERE v.action_id = ? AND v.texter_id IS NULL AND v.id >= ?"
            + " AND v.status = 'NEEDS_FIRST_MESSAGE' AND v.window_key IN ("
            + ConversationRows.marks(request.windowKeys().size())
            + ") AND"
            + ConversationRows.reachable("v")
            + ConversationRows.unlocked("v", request.lockedAfter())
            + extra
            + order
            + " LIMIT ? FOR UPDATE SKIP LOCKED";
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setLong(i++, actionId);
      ps.setLong(i++, fromId);
      for (String key : request.windowKeys()) {
        ps.setString(i++, key);
      }
      if (request.lockedAfter().isPresent()) {
        ps.setObject(i++, Times.toColumn(request.lockedAfter().get()));
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

  /**
   * {@link #free} on H2, which locks every row that matches before it applies the limit (EXPLAIN
   * ANALYZE: 4,860 rows read for 50 in a pool of 10,000, each claim O(pool)). Its claims of one
   * action take turns on the action's row ({@link #lockAction}) and {@link #assign} keeps only rows
   * still free, so here the pool is read without row locks, a chunk of ids and window keys at a
   * time in the pool index's order, and the open keys are picked in memory rather than sent as an
   * {@code IN} list of every open key.
   */
  private static List<Long> freeOnH2(
      Connection c,
      long actionId,
      ClaimRequest request,
      String extra,
      Collection<String> extraParams,
      long fromId,
      int limit)
      throws SQLException {
    String order =
        extra.equals(EARLIER)
            ? " ORDER BY v.action_id, v.earlier_texter, v.id"
            : " ORDER BY v.action_id, v.texter_id, v.status, v.id";
    String sql =
        "SELECT v.id, v.window_key FROM conversations v"
            + " WHERE v.action_id = ? AND v.texter_id IS NULL AND v.id >= ?"
            + " AND v.status = 'NEEDS_FIRST_MESSAGE' AND"
            + ConversationRows.reachable("v")
            + ConversationRows.unlocked("v", request.lockedAfter())
            + extra
            + order
            + " LIMIT "
            + H2_CHUNK;
    List<Long> ids = new ArrayList<>();
    long from = fromId;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      while (ids.size() < limit) {
        int i = 1;
        ps.setLong(i++, actionId);
        ps.setLong(i++, from);
        if (request.lockedAfter().isPresent()) {
          ps.setObject(i++, Times.toColumn(request.lockedAfter().get()));
        }
        for (String p : extraParams) {
          ps.setString(i++, p);
        }
        int read = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next() && ids.size() < limit) {
            read++;
            from = rs.getLong(1) + 1;
            if (request.windowKeys().contains(rs.getString(2))) {
              ids.add(rs.getLong(1));
            }
          }
        }
        if (read < H2_CHUNK) {
          break; // the pool has no more rows, or the limit is reached
        }
      }
    }
    return ids;
  }

  private static final int H2_CHUNK = 500;

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
    return claimed;
  }
}
