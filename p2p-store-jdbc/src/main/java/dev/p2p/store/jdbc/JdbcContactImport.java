package dev.p2p.store.jdbc;

import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ContactList;
import dev.p2p.store.ContactImport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An import into a list whose row has status {@code IMPORTING}: each chunk is one transaction,
 * {@link #complete()} flips the status to {@code READY}, {@link #abort()} deletes the contacts in
 * batches and then the list. A list left behind by a crash stays {@code IMPORTING}, so invisible.
 */
final class JdbcContactImport implements ContactImport {
  /** How many contact ids one delete transaction of {@link #abort()} covers. */
  static final int DELETE_WINDOW = 10_000;

  private enum State {
    OPEN,
    COMPLETED,
    ABORTED
  }

  private final Tx tx;
  private final ContactWriter writer;
  private final String orgId;
  private final long listId;
  private State state = State.OPEN;
  private final Set<String> fieldNames = new HashSet<>();

  JdbcContactImport(Tx tx, ContactWriter writer, String orgId, long listId) {
    this.tx = tx;
    this.writer = writer;
    this.orgId = orgId;
    this.listId = listId;
  }

  @Override
  public long listId() {
    return listId;
  }

  @Override
  public void add(List<ContactDetails> chunk) {
    requireOpen();
    if (chunk.isEmpty()) {
      return;
    }
    // One transaction per slice: H2's undo log makes large transactions slow, and the import as
    // a whole is atomic anyway (the list stays invisible until complete, abort removes it).
    int slice = writer.sliceSize();
    for (int from = 0; from < chunk.size(); from += slice) {
      List<ContactDetails> part = chunk.subList(from, Math.min(chunk.size(), from + slice));
      tx.run(
          "import a chunk of contacts",
          c -> {
            if (!ListSql.count(c, orgId, listId, ListSql.IMPORTING, part.size())) {
              throw new IllegalStateException("import of list " + listId + " is no longer open");
            }
            writer.write(c, orgId, listId, part);
            Set<String> names = ListFieldNames.of(part);
            if (!fieldNames.containsAll(names)) {
              ListFieldNames.merge(c, orgId, listId, names);
              fieldNames.addAll(names);
            }
            return part.size();
          });
    }
  }

  /** An import this large refreshes the planner's statistics of contacts. */
  private static final int BULK = 1_000;

  @Override
  public ContactList complete() {
    requireOpen();
    ContactList list =
        tx.run(
            "complete the import",
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE contact_lists SET status = 'READY'"
                          + " WHERE org_id = ? AND id = ? AND status = 'IMPORTING'")) {
                ps.setString(1, orgId);
                ps.setLong(2, listId);
                if (ps.executeUpdate() == 0) {
                  throw new IllegalStateException("import of list " + listId + " was aborted");
                }
              }
              ContactList done = ListSql.find(c, orgId, listId, ListSql.READY).orElseThrow();
              if (done.size() >= BULK) {
                tx.dialect().refreshStatistics(c, "contacts");
              }
              return done;
            });
    state = State.COMPLETED;
    return list;
  }

  @Override
  public void abort() {
    if (state != State.OPEN) {
      return;
    }
    long[] range = tx.run("abort the import", this::idRange);
    for (long from = range[0]; from <= range[1]; from += DELETE_WINDOW) {
      long start = from;
      tx.run(
          "abort the import",
          c -> ListSql.deleteContacts(c, orgId, listId, start, start + DELETE_WINDOW));
    }
    tx.run("abort the import", c -> ListSql.deleteList(c, orgId, listId, ListSql.IMPORTING));
    state = State.ABORTED;
  }

  @Override
  public void close() {
    abort();
  }

  /** The lowest and highest contact id of the list; an empty range when it has none. */
  private long[] idRange(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT MIN(id), MAX(id) FROM contacts WHERE org_id = ? AND list_id = ?")) {
      ps.setString(1, orgId);
      ps.setLong(2, listId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long min = rs.getLong(1);
        return rs.wasNull() ? new long[] {0, -1} : new long[] {min, rs.getLong(2)};
      }
    }
  }

  private void requireOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException(
          "import of list " + listId + " is " + state.name().toLowerCase(java.util.Locale.ROOT));
    }
  }
}
