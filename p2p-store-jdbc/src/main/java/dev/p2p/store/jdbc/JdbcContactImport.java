package dev.p2p.store.jdbc;

import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ContactList;
import dev.p2p.store.ContactImport;
import dev.p2p.store.support.ImportRule;
import dev.p2p.store.support.Refusals;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An import into a list whose row has status {@code IMPORTING}: each chunk is one transaction,
 * {@link #complete()} flips the status to {@code READY}, {@link #abort()} deletes the contacts in
 * batches and then the list. While importing, the row's {@code created_at} holds the time of the
 * last chunk written, which {@link AbandonedImports} reads; {@code complete()} puts back the time
 * the import began. A list left behind by a crash stays {@code IMPORTING}, so invisible, until the
 * next import begun after {@link ImportRule#ABANDONED_AFTER} removes it.
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
  private final Instant begun;
  private final long begunNanos = System.nanoTime();
  private State state = State.OPEN;
  private final Set<String> fieldNames = new HashSet<>();

  JdbcContactImport(Tx tx, ContactWriter writer, String orgId, long listId, Instant begun) {
    this.tx = tx;
    this.writer = writer;
    this.orgId = orgId;
    this.listId = listId;
    this.begun = begun;
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
            Instant written = ImportRule.lastWrite(begun, begunNanos, System.nanoTime());
            if (!AbandonedImports.renew(c, orgId, listId, part.size(), written)) {
              throw Refusals.importAbandoned(listId);
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
                      "UPDATE contact_lists SET status = 'READY', created_at = ?"
                          + " WHERE org_id = ? AND id = ? AND status = 'IMPORTING'"
                          + " AND created_at > ?")) {
                ps.setObject(1, Times.toColumn(begun));
                ps.setString(2, orgId);
                ps.setLong(3, listId);
                ps.setObject(4, AbandonedImports.CLAIMED);
                if (ps.executeUpdate() == 0) {
                  throw Refusals.importAbandoned(listId);
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
    long[] range = tx.run("abort the import", c -> AbandonedImports.idRange(c, orgId, listId));
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

  private void requireOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException(
          "import of list " + listId + " is " + state.name().toLowerCase(java.util.Locale.ROOT));
    }
  }
}
