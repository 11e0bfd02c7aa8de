package dev.p2p.store.memory;

import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ContactList;
import dev.p2p.store.ContactImport;
import dev.p2p.store.support.ImportRule;
import java.time.Instant;
import java.util.List;

/**
 * A bulk import into the in-memory store: chunks land at once, invisible until completed. Each
 * chunk renews the import's last write, which {@link ImportRule} reads to tell an abandoned import.
 */
final class InMemoryImport implements ContactImport {
  private final InMemoryStore store;
  private final String orgId;
  private final long listId;
  private final Instant begun;
  private final long begunNanos = System.nanoTime();
  private boolean finished;

  InMemoryImport(InMemoryStore store, String orgId, long listId, Instant begun) {
    this.store = store;
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
    if (finished) {
      throw new IllegalStateException("import of list " + listId + " is finished");
    }
    store.importChunk(
        orgId, listId, chunk, ImportRule.lastWrite(begun, begunNanos, System.nanoTime()));
  }

  @Override
  public ContactList complete() {
    if (finished) {
      throw new IllegalStateException("import of list " + listId + " is finished");
    }
    ContactList list = store.completeImport(orgId, listId);
    finished = true;
    return list;
  }

  @Override
  public void abort() {
    if (!finished) {
      store.abortImport(orgId, listId);
      finished = true;
    }
  }

  @Override
  public void close() {
    abort();
  }
}
