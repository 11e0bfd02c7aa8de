package dev.p2p.store.jdbc;

import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactDetails;
import dev.p2p.store.support.Refusals;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Contacts of complete lists: adding one, removing one, lookups and keyset pages. */
final class ContactSql {
  private final Tx tx;

  ContactSql(Tx tx) {
    this.tx = tx;
  }

  Contact add(String orgId, long listId, ContactDetails contact) {
    return tx.run(
        "add a contact",
        c -> {
          // Counting first locks the list row, so a concurrent delete of the list waits.
          if (!ListSql.count(c, orgId, listId, ListSql.READY, 1)) {
            throw Refusals.noList(listId);
          }
          ListFieldNames.merge(c, orgId, listId, contact.fields().keySet());
          try (PreparedStatement ps = c.prepareStatement(ContactRows.INSERT, new String[] {"id"})) {
            ContactRows.bind(ps, orgId, listId, contact);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              return new Contact(keys.getLong(1), listId, contact);
            }
          } catch (SQLException e) {
            if (tx.dialect().isUniqueViolation(e)) {
              throw Refusals.phoneInList(listId);
            }
            throw e;
          }
        });
  }

  boolean remove(String orgId, long contactId) {
    return tx.run(
        "remove a contact",
        c -> {
          Optional<Contact> contact = find(orgId, contactId, c);
          if (contact.isEmpty()) {
            return false;
          }
          long listId = contact.get().listId();
          // The list row first, as every other writer locks it, then the contact.
          if (!ListSql.count(c, orgId, listId, ListSql.READY, -1)) {
            return false;
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM contacts WHERE org_id = ? AND id = ?")) {
            ps.setString(1, orgId);
            ps.setLong(2, contactId);
            if (ps.executeUpdate() == 0) {
              c.rollback(); // removed meanwhile: undo the count
              return false;
            }
          }
          return true;
        });
  }

  Optional<Contact> find(String orgId, long contactId) {
    return tx.run("read a contact", c -> find(orgId, contactId, c));
  }

  Optional<Contact> findByPhone(String orgId, long listId, String phone) {
    return tx.run(
        "read a contact by phone",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  ContactRows.SELECT_VISIBLE + "c.org_id = ? AND c.list_id = ? AND c.phone = ?")) {
            ps.setString(1, orgId);
            ps.setLong(2, listId);
            ps.setString(3, phone);
            return read(ps).stream().findFirst();
          }
        });
  }

  List<Contact> byPhone(String orgId, String phone) {
    return tx.run(
        "read contacts by phone",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  ContactRows.SELECT_VISIBLE + "c.org_id = ? AND c.phone = ? ORDER BY c.id")) {
            ps.setString(1, orgId);
            ps.setString(2, phone);
            return read(ps);
          }
        });
  }

  List<Contact> page(String orgId, long listId, long afterId, int limit) {
    return tx.run(
        "read a page of contacts",
        c -> {
          // The list is checked apart so that the page reads one index in order, on every database.
          if (ListSql.find(c, orgId, listId, ListSql.READY).isEmpty()) {
            return List.of();
          }
          try (PreparedStatement ps = c.prepareStatement(tx.dialect().contactPage())) {
            ps.setString(1, orgId);
            ps.setLong(2, listId);
            ps.setLong(3, afterId);
            ps.setInt(4, limit);
            return read(ps);
          }
        });
  }

  private static Optional<Contact> find(String orgId, long contactId, Connection c)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(ContactRows.SELECT_VISIBLE + "c.org_id = ? AND c.id = ?")) {
      ps.setString(1, orgId);
      ps.setLong(2, contactId);
      return read(ps).stream().findFirst();
    }
  }

  private static List<Contact> read(PreparedStatement ps) throws SQLException {
    List<Contact> contacts = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        contacts.add(ContactRows.read(rs));
      }
    }
    return contacts;
  }
}
