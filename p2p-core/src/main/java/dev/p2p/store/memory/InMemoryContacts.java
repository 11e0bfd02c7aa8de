package dev.p2p.store.memory;

import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ContactList;
import dev.p2p.store.memory.OrgData.ListData;
import dev.p2p.store.support.ImportRule;
import dev.p2p.store.support.Refusals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The contact-list operations of {@link InMemoryStore}. Every method runs under the store's lock,
 * on one organization's data.
 */
final class InMemoryContacts {
  private final AtomicLong ids;

  InMemoryContacts(AtomicLong ids) {
    this.ids = ids;
  }

  ListData newList(OrgData org, String name, Instant now, boolean ready) {
    long id = ids.incrementAndGet();
    ListData list = new ListData(new ContactList(id, name, 0, now), ready);
    org.lists.put(id, list);
    return list;
  }

  Optional<ContactList> findList(OrgData org, long listId) {
    return readyList(org, listId).map(ListData::current);
  }

  List<ContactList> lists(OrgData org) {
    return org.lists.values().stream()
        .filter(l -> l.ready)
        .map(ListData::current)
        .sorted(
            Comparator.comparing(ContactList::createdAt).thenComparing(ContactList::id).reversed())
        .toList();
  }

  boolean deleteList(OrgData org, long listId) {
    Optional<ListData> list = readyList(org, listId);
    list.ifPresent(l -> drop(org, l));
    return list.isPresent();
  }

  Contact add(OrgData org, long listId, ContactDetails contact) {
    ListData list = readyList(org, listId).orElseThrow(() -> Refusals.noList(listId));
    if (list.idsByPhone.containsKey(contact.phone())) {
      throw Refusals.phoneInList(listId);
    }
    Contact stored = new Contact(ids.incrementAndGet(), listId, contact);
    org.putContact(stored);
    return stored;
  }

  boolean remove(OrgData org, long contactId) {
    Contact contact = visible(org, org.contacts.get(contactId));
    if (contact == null) {
      return false;
    }
    org.dropContact(contact);
    return true;
  }

  Optional<Contact> find(OrgData org, long contactId) {
    return Optional.ofNullable(visible(org, org.contacts.get(contactId)));
  }

  Optional<Contact> findByPhone(OrgData org, long listId, String phone) {
    return readyList(org, listId).map(l -> l.idsByPhone.get(phone)).map(id -> org.contacts.get(id));
  }

  List<Contact> byPhone(OrgData org, String phone) {
    return org.contactsByPhone.getOrDefault(phone, Set.of()).stream()
        .map(org.contacts::get)
        .filter(c -> visible(org, c) != null)
        .sorted(Comparator.comparingLong(Contact::id))
        .toList();
  }

  List<Contact> page(OrgData org, long listId, long afterId, int limit) {
    return readyList(org, listId)
        .map(l -> l.contacts.tailMap(afterId, false).values().stream().limit(limit).toList())
        .orElse(List.of());
  }

  void importChunk(OrgData org, long listId, List<ContactDetails> chunk, Instant written) {
    ListData list = org.lists.get(listId);
    if (list == null) {
      throw Refusals.importAbandoned(listId);
    }
    if (list.ready) {
      throw new IllegalStateException("import of list " + listId + " is not open");
    }
    list.lastWrite = written;
    List<Contact> stored = new ArrayList<>(chunk.size());
    for (ContactDetails details : chunk) {
      if (list.idsByPhone.containsKey(details.phone())) {
        throw new IllegalArgumentException("import chunk repeats a phone already imported");
      }
      stored.add(new Contact(ids.incrementAndGet(), listId, details));
    }
    stored.forEach(org::putContact);
  }

  ContactList completeImport(OrgData org, long listId) {
    ListData list = org.lists.get(listId);
    if (list == null) {
      throw Refusals.importAbandoned(listId);
    }
    list.ready = true;
    return list.current();
  }

  void abortImport(OrgData org, long listId) {
    ListData list = org.lists.get(listId);
    if (list != null && !list.ready) {
      drop(org, list);
    }
  }

  /** Removes the organization's unfinished imports that {@link ImportRule} calls abandoned. */
  int dropAbandoned(OrgData org, Instant now) {
    Instant before = ImportRule.abandonedBefore(now);
    List<ListData> abandoned =
        org.lists.values().stream().filter(l -> !l.ready && l.lastWrite.isBefore(before)).toList();
    abandoned.forEach(l -> drop(org, l));
    return abandoned.size();
  }

  private static Optional<ListData> readyList(OrgData org, long listId) {
    return Optional.ofNullable(org.lists.get(listId)).filter(l -> l.ready);
  }

  private static @Nullable Contact visible(OrgData org, @Nullable Contact contact) {
    if (contact == null) {
      return null;
    }
    ListData list = org.lists.get(contact.listId());
    return list != null && list.ready ? contact : null;
  }

  private static void drop(OrgData org, ListData list) {
    for (Contact c : List.copyOf(list.contacts.values())) {
      org.dropContact(c);
    }
    org.lists.remove(list.header.id());
  }
}
