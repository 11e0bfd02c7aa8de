package dev.p2p.store.jdbc;

import dev.p2p.event.Change;
import dev.p2p.store.support.IdOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The fixed split: every free conversation of an action's pool dealt round robin to texters, in
 * set-based statements. Each statement numbers the free rows in id order ({@code ROW_NUMBER()}),
 * locks them and gives row {@code n} to texter {@code n mod k}. With a cap, the deal runs in
 * phases: each phase deals whole rounds to the texters with room, as many rounds as the one with
 * the least room can take, so the order stays round robin overall. Keep Assignments first gives
 * each texter its own earlier contacts, cap permitting, the same way with one texter.
 */
final class SplitSql {
  private final Tx tx;

  SplitSql(Tx tx) {
    this.tx = tx;
  }

  Map<String, Integer> assignAll(
      String orgId,
      long actionId,
      List<String> texterIds,
      int maxPerTexter,
      boolean keep,
      Instant now) {
    return tx.run(
        "assign the action's contacts",
        c -> {
          Map<String, Integer> got = new LinkedHashMap<>();
          texterIds.forEach(t -> got.put(t, 0));
          if (texterIds.isEmpty() || !TargetSql.actionExists(c, orgId, actionId)) {
            return got;
          }
          Map<String, Set<Long>> before = held(c, actionId, texterIds);
          if (keep) {
            for (String texter : texterIds) {
              long room = room(c, actionId, texter, maxPerTexter);
              if (room > 0) {
                deal(c, actionId, " AND v.earlier_texter = ?", texter, List.of(texter), room, now);
              }
            }
          }
          while (true) {
            List<String> open = new ArrayList<>();
            long least = Long.MAX_VALUE;
            for (String texter : texterIds) {
              long room = room(c, actionId, texter, maxPerTexter);
              if (room > 0) {
                open.add(texter);
                least = Math.min(least, room);
              }
            }
            if (open.isEmpty()) {
              break;
            }
            long rows = least == Long.MAX_VALUE ? Integer.MAX_VALUE : least * open.size();
            int dealt = deal(c, actionId, "", null, open, Math.min(rows, Integer.MAX_VALUE), now);
            if (dealt < rows || least == Long.MAX_VALUE) {
              break;
            }
          }
          Map<String, Set<Long>> after = held(c, actionId, texterIds);
          SortedSet<String> byId = new TreeSet<>(IdOrder.CODE_POINTS);
          byId.addAll(texterIds);
          for (String texter : byId) {
            List<Long> dealt = new ArrayList<>(after.getOrDefault(texter, Set.of()));
            dealt.removeAll(before.getOrDefault(texter, Set.of()));
            got.put(texter, dealt.size());
            EventSql.assignment(
                orgId,
                now,
                actionId,
                Change.AssignmentChanged.Reason.ASSIGNED,
                Optional.of(texter),
                Optional.empty(),
                dealt);
          }
          return got;
        });
  }

  private long room(Connection c, long actionId, String texter, int cap) throws SQLException {
    return cap == 0 ? Long.MAX_VALUE : cap - ClaimSql.held(c, tx.dialect(), actionId, texter);
  }

  /**
   * The ids of the action's conversations each texter holds, ascending: compared before and after
   * the deal, they say which conversations it gave each texter.
   */
  private static Map<String, Set<Long>> held(Connection c, long actionId, List<String> texters)
      throws SQLException {
    Map<String, Set<Long>> held = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT texter_id, id FROM conversations WHERE action_id = ? AND texter_id IN ("
                + ConversationRows.marks(texters.size())
                + ")")) {
      ps.setLong(1, actionId);
      for (int i = 0; i < texters.size(); i++) {
        ps.setString(2 + i, texters.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          held.computeIfAbsent(rs.getString(1), t -> new TreeSet<>()).add(rs.getLong(2));
        }
      }
    }
    return held;
  }

  /**
   * Deals up to {@code limit} free rows (lowest id first, matching {@code extra}) round robin to
   * the texters; returns how many rows it assigned.
   */
  private int deal(
      Connection c,
      long actionId,
      String extra,
      @org.jspecify.annotations.Nullable String extraParam,
      List<String> texters,
      long limit,
      Instant now)
      throws SQLException {
    Dialect dialect = tx.dialect();
    String lock = dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
    String free =
        "SELECT f.id FROM conversations f WHERE f.action_id = ? AND f.texter_id IS NULL"
            + " AND f.status = 'NEEDS_FIRST_MESSAGE' AND"
            + ConversationRows.reachable("f")
            + extra.replace("v.", "f.")
            + order(dialect, extra)
            + " LIMIT ?"
            + lock;
    String numbered = "SELECT s.id, ROW_NUMBER() OVER (ORDER BY s.id) AS rn FROM (" + free + ") s";
    StringBuilder pick = new StringBuilder("CASE MOD(r.rn - 1, " + texters.size() + ")");
    for (int i = 0; i < texters.size(); i++) {
      pick.append(" WHEN ").append(i).append(" THEN ?");
    }
    pick.append(" END");
    String sql =
        switch (dialect) {
          case POSTGRESQL ->
              "UPDATE conversations v SET texter_id = "
                  + pick
                  + ", updated_at = ? FROM ("
                  + numbered
                  + ") r WHERE v.id = r.id AND v.texter_id IS NULL";
          case MARIADB ->
              "UPDATE conversations v JOIN ("
                  + numbered
                  + ") r ON v.id = r.id SET v.texter_id = "
                  + pick
                  + ", v.updated_at = ? WHERE v.texter_id IS NULL";
          case H2 ->
              "MERGE INTO conversations v USING ("
                  + numbered
                  + ") r ON v.id = r.id WHEN MATCHED AND v.texter_id IS NULL THEN UPDATE SET"
                  + " texter_id = "
                  + pick
                  + ", updated_at = ?";
        };
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (dialect == Dialect.POSTGRESQL) {
        i = bindPick(ps, i, texters, now);
      }
      ps.setLong(i++, actionId);
      if (extraParam != null) {
        ps.setString(i++, extraParam);
      }
      ps.setLong(i++, limit);
      if (dialect != Dialect.POSTGRESQL) {
        bindPick(ps, i, texters, now);
      }
      return ps.executeUpdate();
    }
  }

  /** Id order, naming the whole index where that lets the database read it in order. */
  private static String order(Dialect dialect, String extra) {
    if (dialect == Dialect.MARIADB) {
      return " ORDER BY f.id";
    }
    return extra.isEmpty()
        ? " ORDER BY f.action_id, f.texter_id, f.id"
        : " ORDER BY f.action_id, f.earlier_texter, f.id";
  }

  private static int bindPick(PreparedStatement ps, int index, List<String> texters, Instant now)
      throws SQLException {
    int i = index;
    for (String texter : texters) {
      ps.setString(i++, texter);
    }
    ps.setObject(i++, Times.toColumn(now));
    return i;
  }
}
