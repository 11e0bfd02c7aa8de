package dev.p2p.store.jdbc;

import dev.p2p.contact.ContactDetails;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The custom-field names recorded on a list ({@code contact_lists.field_names}, a JSON array), so
 * that publishing an action knows the list's template variables without scanning its contacts.
 * Writers call {@link #merge} on the connection that already locked the list row.
 */
final class ListFieldNames {
  private ListFieldNames() {}

  /** The field names the contacts carry, sorted. */
  static Set<String> of(Collection<ContactDetails> contacts) {
    Set<String> names = new TreeSet<>();
    for (ContactDetails contact : contacts) {
      names.addAll(contact.fields().keySet());
    }
    return names;
  }

  /** Adds names to the list's record; writes only when one is new. */
  static void merge(Connection c, String orgId, long listId, Set<String> names)
      throws SQLException {
    if (names.isEmpty()) {
      return;
    }
    Set<String> recorded = read(c, orgId, listId);
    if (recorded.containsAll(names)) {
      return;
    }
    recorded.addAll(names);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE contact_lists SET field_names = ? WHERE org_id = ? AND id = ?")) {
      ps.setString(1, ActionJson.strings(recorded));
      ps.setString(2, orgId);
      ps.setLong(3, listId);
      ps.executeUpdate();
    }
  }

  /** The names recorded on the list, sorted; empty when none or the list is missing. */
  static Set<String> read(Connection c, String orgId, long listId) throws SQLException {
    return read(c, orgId, listId, "");
  }

  /** Like {@link #read(Connection, String, long)}, but empty while the list is being imported. */
  static Set<String> readComplete(Connection c, String orgId, long listId) throws SQLException {
    return read(c, orgId, listId, " AND status = '" + ListSql.READY + "'");
  }

  private static Set<String> read(Connection c, String orgId, long listId, String where)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT field_names FROM contact_lists WHERE org_id = ? AND id = ?" + where)) {
      ps.setString(1, orgId);
      ps.setLong(2, listId);
      try (ResultSet rs = ps.executeQuery()) {
        String json = rs.next() ? rs.getString(1) : null;
        return json == null ? new TreeSet<>() : new TreeSet<>(ActionJson.strings(json));
      }
    }
  }

  /** The highest contact id of a complete list, read from the end of its index. */
  static OptionalLong lastContactId(Connection c, String orgId, long listId) throws SQLException {
    if (ListSql.find(c, orgId, listId, ListSql.READY).isEmpty()) {
      return OptionalLong.empty();
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT MAX(id) FROM contacts WHERE org_id = ? AND list_id = ?")) {
      ps.setString(1, orgId);
      ps.setLong(2, listId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long max = rs.getLong(1);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(max);
      }
    }
  }
}
