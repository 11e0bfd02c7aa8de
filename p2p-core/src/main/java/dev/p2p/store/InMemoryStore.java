package dev.p2p.store;

import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ContactList;
import dev.p2p.store.OrgData.GroupData;
import dev.p2p.store.OrgData.ListData;
import dev.p2p.texter.Group;
import dev.p2p.texter.GroupKind;
import dev.p2p.texter.TexterProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A store that keeps everything in this JVM's memory, for tests, demos and single-node trials.
 * Every operation runs under one lock, so each is atomic and isolated exactly as on a SQL store.
 * Nothing survives {@link #close()} or the JVM.
 */
public final class InMemoryStore implements Store {
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, OrgData> orgs = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private volatile boolean closed;

  private InMemoryStore() {}

  /** A new, empty store. */
  public static InMemoryStore create() {
    return new InMemoryStore();
  }

  @Override
  public void ensureOrganization(String orgId, Instant now) {
    locked(() -> orgs.computeIfAbsent(orgId, id -> new OrgData()));
  }

  @Override
  public void upsertTexter(String orgId, TexterProfile texter) {
    locked(() -> org(orgId).texters.put(texter.id(), texter));
  }

  @Override
  public Optional<TexterProfile> findTexter(String orgId, String texterId) {
    return locked(() -> Optional.ofNullable(org(orgId).texters.get(texterId)));
  }

  @Override
  public List<TexterProfile> texters(String orgId, String afterId, int limit) {
    return locked(
        () -> org(orgId).texters.tailMap(afterId, false).values().stream().limit(limit).toList());
  }

  @Override
  public void upsertGroup(String orgId, GroupKind kind, String groupId, String name) {
    locked(
        () -> {
          GroupData group =
              org(orgId).groups(kind).computeIfAbsent(groupId, id -> new GroupData(name));
          group.name = name;
          return group;
        });
  }

  @Override
  public Optional<Group> findGroup(String orgId, GroupKind kind, String groupId) {
    return locked(
        () ->
            Optional.ofNullable(org(orgId).groups(kind).get(groupId))
                .map(g -> new Group(kind, groupId, g.name, g.members.size())));
  }

  @Override
  public List<Group> groups(String orgId, GroupKind kind) {
    return locked(
        () ->
            org(orgId).groups(kind).entrySet().stream()
                .map(
                    e ->
                        new Group(kind, e.getKey(), e.getValue().name, e.getValue().members.size()))
                .toList());
  }

  @Override
  public void addMembers(
      String orgId, GroupKind kind, String groupId, Collection<String> texterIds) {
    locked(
        () -> {
          OrgData org = org(orgId);
          GroupData group = org.groups(kind).get(groupId);
          if (group == null) {
            throw new NotFoundException(kind == GroupKind.TEAM ? "team" : "user list", groupId);
          }
          for (String texterId : texterIds) {
            if (!org.texters.containsKey(texterId)) {
              throw new NotFoundException("texter", texterId);
            }
          }
          group.members.addAll(texterIds);
          return group;
        });
  }

  @Override
  public void removeMembers(
      String orgId, GroupKind kind, String groupId, Collection<String> texterIds) {
    locked(
        () -> {
          GroupData group = org(orgId).groups(kind).get(groupId);
          if (group != null) {
            group.members.removeAll(texterIds);
          }
          return group;
        });
  }

  @Override
  public List<String> members(String orgId, GroupKind kind, String groupId) {
    return locked(
        () -> {
          GroupData group = org(orgId).groups(kind).get(groupId);
          return group == null ? List.<String>of() : List.copyOf(group.members);
        });
  }

  @Override
  public boolean deleteGroup(String orgId, GroupKind kind, String groupId) {
    return locked(() -> org(orgId).groups(kind).remove(groupId) != null);
  }

  @Override
  public ContactList createList(String orgId, String name, Instant now) {
    return locked(() -> newList(org(orgId), name, now, true).current());
  }

  @Override
  public Optional<ContactList> findList(String orgId, long listId) {
    return locked(() -> readyList(org(orgId), listId).map(ListData::current));
  }

  @Override
  public List<ContactList> lists(String orgId) {
    return locked(
        () ->
            org(orgId).lists.values().stream()
                .filter(l -> l.ready)
                .map(ListData::current)
                .sorted(
                    Comparator.comparing(ContactList::createdAt)
                        .thenComparing(ContactList::id)
                        .reversed())
                .toList());
  }

  @Override
  public boolean deleteList(String orgId, long listId) {
    return locked(
        () -> readyList(org(orgId), listId).map(l -> dropList(org(orgId), l)).isPresent());
  }

  @Override
  public Contact addContact(String orgId, long listId, ContactDetails contact) {
    return locked(
        () -> {
          OrgData org = org(orgId);
          ListData list =
              readyList(org, listId)
                  .orElseThrow(() -> new NotFoundException("contact list", listId));
          if (list.idsByPhone.containsKey(contact.phone())) {
            throw ValidationException.of("phone", "is already in list " + listId);
          }
          Contact stored = new Contact(ids.incrementAndGet(), listId, contact);
          org.putContact(stored);
          return stored;
        });
  }

  @Override
  public boolean removeContact(String orgId, long contactId) {
    return locked(
        () -> {
          OrgData org = org(orgId);
          Contact contact = visible(org, org.contacts.get(contactId));
          if (contact == null) {
            return false;
          }
          org.dropContact(contact);
          return true;
        });
  }

  @Override
  public Optional<Contact> findContact(String orgId, long contactId) {
    return locked(
        () -> {
          OrgData org = org(orgId);
          return Optional.ofNullable(visible(org, org.contacts.get(contactId)));
        });
  }

  @Override
  public Optional<Contact> findContactByPhone(String orgId, long listId, String phone) {
    return locked(
        () ->
            readyList(org(orgId), listId)
                .map(l -> l.idsByPhone.get(phone))
                .map(id -> org(orgId).contacts.get(id)));
  }

  @Override
  public List<Contact> contactsByPhone(String orgId, String phone) {
    return locked(
        () -> {
          OrgData org = org(orgId);
          return org.contactsByPhone.getOrDefault(phone, java.util.Set.of()).stream()
              .map(org.contacts::get)
              .filter(c -> visible(org, c) != null)
              .sorted(Comparator.comparingLong(Contact::id))
              .toList();
        });
  }

  @Override
  public List<Contact> contacts(String orgId, long listId, long afterId, int limit) {
    return locked(
        () ->
            readyList(org(orgId), listId)
                .map(
                    l -> l.contacts.tailMap(afterId, false).values().stream().limit(limit).toList())
                .orElse(List.of()));
  }

  @Override
  public ContactImport beginImport(String orgId, String listName, Instant now) {
    long listId = locked(() -> newList(org(orgId), listName, now, false).header.id());
    return new InMemoryImport(this, orgId, listId);
  }

  @Override
  public void close() {
    closed = true;
  }

  // ---- used by InMemoryImport ----

  void importChunk(String orgId, long listId, List<ContactDetails> chunk) {
    locked(
        () -> {
          OrgData org = org(orgId);
          ListData list = org.lists.get(listId);
          if (list == null || list.ready) {
            throw new IllegalStateException("import of list " + listId + " is not open");
          }
          List<Contact> stored = new ArrayList<>(chunk.size());
          for (ContactDetails details : chunk) {
            if (list.idsByPhone.containsKey(details.phone())) {
              throw new IllegalArgumentException("import chunk repeats a phone already imported");
            }
            stored.add(new Contact(ids.incrementAndGet(), listId, details));
          }
          stored.forEach(org::putContact);
          return list;
        });
  }

  ContactList completeImport(String orgId, long listId) {
    return locked(
        () -> {
          ListData list = org(orgId).lists.get(listId);
          if (list == null) {
            throw new IllegalStateException("import of list " + listId + " was aborted");
          }
          list.ready = true;
          return list.current();
        });
  }

  void abortImport(String orgId, long listId) {
    locked(
        () -> {
          OrgData org = org(orgId);
          ListData list = org.lists.get(listId);
          if (list != null && !list.ready) {
            dropList(org, list);
          }
          return list;
        });
  }

  // ---- helpers ----

  private ListData newList(OrgData org, String name, Instant now, boolean ready) {
    long id = ids.incrementAndGet();
    ListData list = new ListData(new ContactList(id, name, 0, now), ready);
    org.lists.put(id, list);
    return list;
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

  private static boolean dropList(OrgData org, ListData list) {
    for (Contact c : List.copyOf(list.contacts.values())) {
      org.dropContact(c);
    }
    org.lists.remove(list.header.id());
    return true;
  }

  private OrgData org(String orgId) {
    OrgData org = orgs.get(orgId);
    if (org == null) {
      throw new NotFoundException("organization", orgId);
    }
    return org;
  }

  private <T> T locked(Supplier<T> operation) {
    if (closed) {
      throw new IllegalStateException("the store is closed");
    }
    lock.lock();
    try {
      return operation.get();
    } finally {
      lock.unlock();
    }
  }
}
