package dev.p2p.store.jdbc;

import dev.p2p.event.Change;
import dev.p2p.store.support.Refusals;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Action pools: opening one (one {@code INSERT ... SELECT} over the list's contacts not pooled
 * yet), its window keys, and moving conversations between texters and the pool.
 *
 * <p>Opening locks the action's row, so that nodes opening one pool at once are serialized; the
 * action remembers the last contact id it pooled ({@code pooled_through}), so that opening it again
 * reads only the contacts added since.
 */
final class PoolSql {
  private static final String WINDOW_KEY =
      "CONCAT(COALESCE(c.time_zone, ''), '|', COALESCE(c.area_code_state, ''), '|',"
          + " COALESCE(c.zip_state, ''))";

  private final Tx tx;

  PoolSql(Tx tx) {
    this.tx = tx;
  }

  int openPool(String orgId, long actionId, Instant now) {
    return tx.run(
        "open the action's pool",
        c -> {
          long listId;
          long pooledThrough;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT list_id, pooled_through FROM actions WHERE org_id = ? AND id = ?"
                      + " FOR UPDATE")) {
            ps.setString(1, orgId);
            ps.setLong(2, actionId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw Refusals.noAction(actionId);
              }
              listId = rs.getLong(1);
              if (rs.wasNull()) {
                return 0;
              }
              pooledThrough = rs.getLong(2);
            }
          }
          long last = lastContactId(c, orgId, listId);
          if (last <= pooledThrough) {
            return 0;
          }
          int created = insertConversations(c, orgId, actionId, listId, pooledThrough, last, now);
          if (created >= 1_000) {
            tx.dialect().refreshStatistics(c, "conversations");
          }
          insertWindowKeys(c, actionId, pooledThrough);
          writeClaimSlots(c, actionId);
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE actions SET pooled_through = ? WHERE id = ?")) {
            ps.setLong(1, last);
            ps.setLong(2, actionId);
            ps.executeUpdate();
          }
          return created;
        });
  }

  Set<String> windowKeys(String orgId, long actionId) {
    return tx.run(
        "read the action's window keys",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT w.window_key FROM action_windows w JOIN actions a ON a.id = w.action_id"
                      + " WHERE a.org_id = ? AND w.action_id = ?")) {
            ps.setString(1, orgId);
            ps.setLong(2, actionId);
            Set<String> keys = new LinkedHashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                keys.add(rs.getString(1));
              }
            }
            return Set.copyOf(keys);
          }
        });
  }

  int reassign(String orgId, long actionId, String fromTexter, String toTexter, Instant now) {
    return tx.run(
        "reassign conversations",
        c -> {
          List<Long> ids = lockHeld(c, orgId, actionId, fromTexter, "");
          move(c, ids, toTexter, now);
          EventSql.assignment(
              orgId,
              now,
              actionId,
              Change.AssignmentChanged.Reason.REASSIGNED,
              Optional.of(toTexter),
              Optional.of(fromTexter),
              ids);
          return ids.size();
        });
  }

  int release(String orgId, long actionId, String texterId, Instant now) {
    return tx.run(
        "release unsent conversations",
        c -> {
          List<Long> ids =
              lockHeld(c, orgId, actionId, texterId, " AND status = 'NEEDS_FIRST_MESSAGE'");
          move(c, ids, null, now);
          EventSql.assignment(
              orgId,
              now,
              actionId,
              Change.AssignmentChanged.Reason.RELEASED,
              Optional.empty(),
              Optional.of(texterId),
              ids);
          return ids.size();
        });
  }

  /**
   * Locks and returns (ascending) the ids of the texter's conversations of the action matching
   * {@code extra}: the move then changes exactly these, and its events name them.
   */
  private static List<Long> lockHeld(
      Connection c, String orgId, long actionId, String texterId, String extra)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM conversations WHERE org_id = ? AND action_id = ? AND texter_id = ?"
                + extra
                + " ORDER BY id FOR UPDATE")) {
      ps.setString(1, orgId);
      ps.setLong(2, actionId);
      ps.setString(3, texterId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  /** Gives the locked conversations to the texter, or back to the pool (null), in chunks. */
  private static void move(Connection c, List<Long> ids, @Nullable String texterId, Instant now)
      throws SQLException {
    int max = Change.AssignmentChanged.MAX_IDS;
    for (int from = 0; from < ids.size(); from += max) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + max));
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE conversations SET texter_id = ?, updated_at = ? WHERE id IN ("
                  + ConversationRows.marks(chunk.size())
                  + ")")) {
        if (texterId == null) {
          ps.setNull(1, Types.VARCHAR);
        } else {
          ps.setString(1, texterId);
        }
        ps.setObject(2, Times.toColumn(now));
        int i = 3;
        for (long id : chunk) {
          ps.setLong(i++, id);
        }
        ps.executeUpdate();
      }
    }
  }

  private static long lastContactId(Connection c, String orgId, long listId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT MAX(id) FROM contacts WHERE org_id = ? AND list_id = ?")) {
      ps.setString(1, orgId);
      ps.setLong(2, listId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * One conversation per contact with an id in (after, last], in contact order, each with its
   * window key and the texter of the latest earlier action of the organization that had the phone.
   * No contact in that range has a conversation yet: only this method creates them, under the
   * action's row lock, and it moves {@code pooled_through} past them in the same transaction. (A
   * {@code NOT EXISTS} check here was planned on the empty table as a scan of the action's rows for
   * every contact: 295 s for 100k contacts on PostgreSQL.)
   */
  private static int insertConversations(
      Connection c, String orgId, long actionId, long listId, long after, long last, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO conversations (org_id, action_id, contact_id, contact_phone, status,"
                + " window_key, earlier_texter, updated_at)"
                + " SELECT ?, ?, c.id, c.phone, 'NEEDS_FIRST_MESSAGE', "
                + WINDOW_KEY
                + ", (SELECT p.texter_id FROM conversations p WHERE p.org_id = ?"
                + " AND p.contact_phone = c.phone AND p.action_id < ?"
                + " AND p.texter_id IS NOT NULL ORDER BY p.action_id DESC LIMIT 1), ?"
                + " FROM contacts c WHERE c.org_id = ? AND c.list_id = ? AND c.id > ?"
                + " AND c.id <= ? ORDER BY c.id")) {
      ps.setString(1, orgId);
      ps.setLong(2, actionId);
      ps.setString(3, orgId);
      ps.setLong(4, actionId);
      ps.setObject(5, Times.toColumn(now));
      ps.setString(6, orgId);
      ps.setLong(7, listId);
      ps.setLong(8, after);
      ps.setLong(9, last);
      return ps.executeUpdate();
    }
  }

  /** How many claim slots a pool has: see {@link ClaimSql}. */
  static final int CLAIM_SLOTS = 16;

  /** Slot 0 at the pool's start, slot k at the k-th of {@link #CLAIM_SLOTS} equal id ranges. */
  private static void writeClaimSlots(Connection c, long actionId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM claim_slots WHERE action_id = ?")) {
      ps.setLong(1, actionId);
      ps.executeUpdate();
    }
    long min;
    long max;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT MIN(id), MAX(id) FROM conversations WHERE action_id = ?")) {
      ps.setLong(1, actionId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        min = rs.getLong(1);
        max = rs.getLong(2);
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO claim_slots (action_id, slot, start_id) VALUES (?, ?, ?)")) {
      long span = max - min + 1;
      for (int slot = 0; slot < CLAIM_SLOTS; slot++) {
        ps.setLong(1, actionId);
        ps.setInt(2, slot);
        ps.setLong(3, slot == 0 ? 0 : min + span * slot / CLAIM_SLOTS);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void insertWindowKeys(Connection c, long actionId, long afterContact)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO action_windows (action_id, window_key)"
                + " SELECT DISTINCT v.action_id, v.window_key FROM conversations v"
                + " WHERE v.action_id = ? AND v.contact_id > ? AND NOT EXISTS"
                + " (SELECT 1 FROM action_windows w WHERE w.action_id = v.action_id"
                + " AND w.window_key = v.window_key)")) {
      ps.setLong(1, actionId);
      ps.setLong(2, afterContact);
      ps.executeUpdate();
    }
  }
}
