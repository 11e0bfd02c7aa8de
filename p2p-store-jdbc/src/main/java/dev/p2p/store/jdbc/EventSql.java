package dev.p2p.store.jdbc;

import dev.p2p.event.Change;
import dev.p2p.event.Event;
import dev.p2p.store.support.AssignmentRule;
import dev.p2p.store.support.EventJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The event feed's rows. A transaction's changes are collected while it runs ({@link Tx#emit}) and
 * written just before its commit: the organization's counter row in {@code event_positions} is
 * moved on by the number of changes, then the events are inserted with the positions it gave. The
 * counter's row lock, taken by the last statements of the transaction, is held only until the
 * commit, and it makes the organization's writers commit in position order: a reader who has seen
 * position {@code p} never later finds a new event at or below it.
 */
final class EventSql {
  /** A change of the running transaction, waiting for its commit. */
  record Pending(String orgId, Instant at, Change change) {}

  private EventSql() {}

  /**
   * Gives the changes their positions and inserts them; returns the events, per organization (in id
   * order, so that two organizations' counters are always locked in one order) in position order.
   */
  static List<Event> write(Connection c, Dialect dialect, List<Pending> pending)
      throws SQLException {
    if (pending.isEmpty()) {
      return List.of();
    }
    Map<String, List<Pending>> byOrg = new TreeMap<>();
    for (Pending p : pending) {
      byOrg.computeIfAbsent(p.orgId(), id -> new ArrayList<>()).add(p);
    }
    List<Event> events = new ArrayList<>(pending.size());
    for (Map.Entry<String, List<Pending>> org : byOrg.entrySet()) {
      List<Pending> changes = org.getValue();
      long last = take(c, dialect, org.getKey(), changes.size());
      long position = last - changes.size();
      for (Pending p : changes) {
        events.add(new Event(++position, p.orgId(), Times.stored(p.at()), p.change()));
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO events (org_id, event_position, event_type, occurred_at, payload)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (Event e : events) {
        ps.setString(1, e.organization());
        ps.setLong(2, e.position());
        ps.setString(3, e.type());
        ps.setObject(4, Times.toColumn(e.occurredAt()));
        ps.setString(5, EventJson.writeChange(e.change()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return events;
  }

  /** Moves the organization's counter on by {@code count}, locking it; returns its new value. */
  private static long take(Connection c, Dialect dialect, String orgId, int count)
      throws SQLException {
    Optional<Long> last = advance(c, dialect, orgId, count);
    if (last.isEmpty()) {
      // Not expected (the organization's creation and V5 make the row), but cheap to mend.
      createCounter(c, dialect, orgId);
      last = advance(c, dialect, orgId, count);
    }
    return last.orElseThrow();
  }

  private static Optional<Long> advance(Connection c, Dialect dialect, String orgId, int count)
      throws SQLException {
    String update = "UPDATE event_positions SET last_position = last_position + ? WHERE org_id = ?";
    if (dialect == Dialect.POSTGRESQL) {
      try (PreparedStatement ps = c.prepareStatement(update + " RETURNING last_position")) {
        ps.setInt(1, count);
        ps.setString(2, orgId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement(update)) {
      ps.setInt(1, count);
      ps.setString(2, orgId);
      if (ps.executeUpdate() == 0) {
        return Optional.empty();
      }
    }
    // The row is this transaction's now: every database reads its own update.
    try (PreparedStatement ps =
        c.prepareStatement("SELECT last_position FROM event_positions WHERE org_id = ?")) {
      ps.setString(1, orgId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return Optional.of(rs.getLong(1));
      }
    }
  }

  /** Creates a new organization's counter at 0. */
  static void createCounter(Connection c, Dialect dialect, String orgId) throws SQLException {
    Inserts.ifAbsent(
        c,
        dialect,
        "event_positions",
        "org_id, last_position",
        "org_id",
        ps -> {
          ps.setString(1, orgId);
          ps.setLong(2, 0);
        });
  }

  /** The organization's events after the position, ascending, at most {@code limit}. */
  static List<Event> read(Connection c, String orgId, long afterPosition, int limit)
      throws SQLException {
    List<Event> events = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT event_position, event_type, occurred_at, payload FROM events"
                + " WHERE org_id = ? AND event_position > ? ORDER BY event_position LIMIT ?")) {
      ps.setString(1, orgId);
      ps.setLong(2, afterPosition);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          events.add(
              new Event(
                  rs.getLong(1),
                  orgId,
                  Times.fromColumn(rs.getObject(3, LocalDateTime.class)),
                  EventJson.readChange(rs.getString(2), rs.getString(4))));
        }
      }
    }
    return events;
  }

  /** The organization's last position; 0 when it has no event. */
  static long lastPosition(Connection c, String orgId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT last_position FROM event_positions WHERE org_id = ?")) {
      ps.setString(1, orgId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /**
   * The organization's first position held: its lowest event's, else (none held) one past its last
   * position; 1 for an organization without a counter. Pruning deletes from the bottom only, so the
   * rows held are one run of positions. One statement, so that both come from one snapshot: read
   * apart, a writer committing in between made an empty feed look pruned past its reader.
   */
  static long firstPosition(Connection c, String orgId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.last_position, (SELECT MIN(e.event_position) FROM events e"
                + " WHERE e.org_id = p.org_id) FROM event_positions p WHERE p.org_id = ?")) {
      ps.setString(1, orgId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return 1;
        }
        long last = rs.getLong(1);
        long lowest = rs.getLong(2);
        return rs.wasNull() ? last + 1 : lowest;
      }
    }
  }

  /**
   * Deletes the organization's events through a position and, with a time, older than it: the first
   * event at or after the time, found walking the primary key in position order, bounds the delete
   * (MariaDB cannot delete from a table its own subquery reads, so it is read first).
   */
  static long prune(
      Connection c, String orgId, long throughPosition, Optional<Instant> occurredBefore)
      throws SQLException {
    long through = throughPosition;
    if (occurredBefore.isPresent()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT event_position FROM events WHERE org_id = ? AND event_position <= ?"
                  + " AND occurred_at >= ? ORDER BY event_position LIMIT 1")) {
        ps.setString(1, orgId);
        ps.setLong(2, throughPosition);
        ps.setObject(3, Times.toColumn(occurredBefore.get()));
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            through = rs.getLong(1) - 1;
          }
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM events WHERE org_id = ? AND event_position <= ?")) {
      ps.setString(1, orgId);
      ps.setLong(2, through);
      return ps.executeUpdate();
    }
  }

  /**
   * Emits the move of these conversations as the assignment events {@link AssignmentRule} gives;
   * nothing when there are none.
   */
  static void assignment(
      String orgId,
      Instant now,
      long actionId,
      Change.AssignmentChanged.Reason reason,
      Optional<String> texterId,
      Optional<String> previousTexterId,
      List<Long> ids) {
    for (Change change : AssignmentRule.moved(actionId, reason, texterId, previousTexterId, ids)) {
      Tx.emit(orgId, now, change);
    }
  }
}
