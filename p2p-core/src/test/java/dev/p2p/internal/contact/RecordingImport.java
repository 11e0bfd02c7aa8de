package dev.p2p.internal.contact;

import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ContactList;
import dev.p2p.store.ContactImport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A {@link ContactImport} that records the chunks it is given, for importer tests. */
final class RecordingImport implements ContactImport {
  final List<Integer> chunkSizes = new ArrayList<>();
  final List<ContactDetails> contacts = new ArrayList<>();
  private final boolean keep;

  /** Records every contact. */
  RecordingImport() {
    this(true);
  }

  /** Records chunk sizes only, or every contact too. */
  RecordingImport(boolean keep) {
    this.keep = keep;
  }

  @Override
  public long listId() {
    return 42;
  }

  @Override
  public void add(List<ContactDetails> chunk) {
    chunkSizes.add(chunk.size());
    if (keep) {
      contacts.addAll(chunk);
    }
  }

  @Override
  public ContactList complete() {
    return new ContactList(42, "test", contacts.size(), Instant.EPOCH);
  }

  @Override
  public void abort() {}

  @Override
  public void close() {}
}
