package dev.p2p.store;

import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ContactList;
import java.util.List;

/**
 * A bulk import under way into a new contact list. Not thread-safe: one importer feeds it chunks in
 * order, then completes or aborts it exactly once.
 *
 * <p>The core deduplicates phones before they reach the store, so chunks never repeat a phone.
 */
public interface ContactImport extends AutoCloseable {

  /** The id of the list being filled. */
  long listId();

  /** Writes a chunk of contacts. Called with chunks of a few thousand rows. Events: none. */
  void add(List<ContactDetails> chunk);

  /** Makes the list visible with every contact written, and returns it. Events: none. */
  ContactList complete();

  /**
   * Removes the list and every contact written so far. Safe to call more than once. Events: none.
   */
  void abort();

  /** Aborts the import unless it was completed. */
  @Override
  void close();
}
