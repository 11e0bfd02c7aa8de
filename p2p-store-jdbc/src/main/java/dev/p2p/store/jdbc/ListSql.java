package dev.p2p.store.jdbc;

import dev.p2p.contact.ContactList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Contact lists: creating, reading and deleting them, and the list side of imports. */
final class ListSql {
  static final String READY = "READY";
  static final String IMPORTING = "IMPORTING";

  private static final String SELECT =
      "SELECT id, name, contact_count, created_at FROM contact_lists WHERE org_id = ?";

  private final Tx tx;

  ListSql(Tx tx) {
    this.tx = tx;
  }

  /** Creates a list with the given status, in a transaction of its own. */
  ContactList create(String orgId, String name, Instant now, String status) {
    return tx.runInOrganization(
        "create the contact list",
        orgId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO contact_lists (org_id, name, status, contact_count, created_at)"
                      + " VALUES (?, ?, ?, 0, ?)",
                  new String[] {"id"})) {
            ps.setString(1, orgId);
            ps.setString(2, name);
            ps.setString(3, status);
            ps.setObject(4, Times.toColumn(now));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              return new ContactList(keys.getLong(1), name, 0, Times.stored(now));
            }
          }
        });
  }

  Optional<ContactList> find(String orgId, long listId) {
    return tx.run("read the contact list", c -> find(c, orgId, listId, READY));
  }

  /** The list in this status, read on the caller's connection. */
  static Optional<ContactList> find(Connection c, String orgId, long listId, String status)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " AND id = ? AND status = ?")) {
      ps.setString(1, orgId);
      ps.setLong(2, listId);
      ps.setString(3, status);
      return read(ps).stream().findFirst();
    }
  }

  List<ContactList> all(String orgId) {
    return tx.run(
        "read the contact lists",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  SELECT + " AND status = 'READY' ORDER BY created_at DESC, id DESC")) {
            ps.setString(1, orgId);
            return read(ps);
          }
        });
  }

  boolean delete(String orgId, long listId) {
    return tx.run(
        "delete the contact list",
        c -> {
          try (PreparedStatement lock =
              c.prepareStatement(
                  "SELECT id FROM contact_lists WHERE org_id = ? AND id = ? AND status = 'READY'"
                      + " FOR UPDATE")) {
            lock.setString(1, orgId);
            lock.setLong(2, listId);
            try (ResultSet rs = lock.executeQuery()) {
              if (!rs.next()) {
                return false;
              }
            }
          }
          deleteContacts(c, orgId, listId, Long.MIN_VALUE, Long.MAX_VALUE);
          return deleteList(c, orgId, listId, READY);
        });
  }

  /** Adds to (or, negative, subtracts from) a list's count if it has this status. */
  static boolean count(Connection c, String orgId, long listId, String status, long delta)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE contact_lists SET contact_count = contact_count + ?"
                + " WHERE org_id = ? AND id = ? AND status = ?")) {
      ps.setLong(1, delta);
      ps.setString(2, orgId);
      ps.setLong(3, listId);
      ps.setString(4, status);
      return ps.executeUpdate() > 0;
    }
  }

  /** Deletes the list's contacts with ids in [from, to). */
  static int deleteContacts(Connection c, String orgId, long listId, long from, long to)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM contacts WHERE org_id = ? AND list_id = ? AND id >= ? AND id < ?")) {
      ps.setString(1, orgId);
      ps.setLong(2, listId);
      ps.setLong(3, from);
      ps.setLong(4, to);
      return ps.executeUpdate();
    }
  }

  /** Deletes the list row if it has this status. */
  static boolean deleteList(Connection c, String orgId, long listId, String status)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM contact_lists WHERE org_id = ? AND id = ? AND status = ?")) {
      ps.setString(1, orgId);
      ps.setLong(2, listId);
      ps.setString(3, status);
      return ps.executeUpdate() > 0;
    }
  }

  private static List<ContactList> read(PreparedStatement ps) throws SQLException {
    List<ContactList> lists = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        lists.add(
            new ContactList(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                Times.fromColumn(rs.getObject(4, LocalDateTime.class))));
      }
    }
    return lists;
  }
}
