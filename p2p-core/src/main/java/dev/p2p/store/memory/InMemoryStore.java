package dev.p2p.store.memory;

import dev.p2p.NotFoundException;
import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ContactList;
import dev.p2p.event.Change;
import dev.p2p.event.Event;
import dev.p2p.store.ActionStore;
import dev.p2p.store.AssignmentStore;
import dev.p2p.store.ContactImport;
import dev.p2p.store.ConversationStore;
import dev.p2p.store.EventStore;
import dev.p2p.store.MessageStore;
import dev.p2p.store.OptOutStore;
import dev.p2p.store.ReportStore;
import dev.p2p.store.Store;
import dev.p2p.store.memory.OrgData.GroupData;
import dev.p2p.store.support.Refusals;
import dev.p2p.texter.Group;
import dev.p2p.texter.GroupKind;
import dev.p2p.texter.TexterProfile;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A store that keeps everything in this JVM's memory, for tests, demos and single-node trials.
 * Every operation, its parts' included, runs under one lock, so each is atomic and isolated exactly
 * as on a SQL store. Nothing survives {@link #close()} or the JVM.
 */
public final class InMemoryStore implements Store {
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, OrgData> orgs = new ConcurrentHashMap<>();
  private final InMemoryContacts contacts = new InMemoryContacts(new AtomicLong());
  private final InMemoryActionStore actions = new InMemoryActionStore(this);
  private final InMemoryMessageStore messages = new InMemoryMessageStore(this);
  private final InMemoryConversationStore conversations =
      new InMemoryConversationStore(this, messages);
  private final InMemoryAssignmentStore assignments =
      new InMemoryAssignmentStore(this, conversations);
  private final InMemoryOptOutStore optOuts = new InMemoryOptOutStore(this, conversations);
  private final InMemoryEvents events = new InMemoryEvents(this);
  private final InMemoryReports reports = new InMemoryReports(this);
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
  public Optional<String> settings(String orgId) {
    return locked(() -> Optional.ofNullable(org(orgId).settings));
  }

  @Override
  public void saveSettings(String orgId, String json, Instant now) {
    locked(() -> org(orgId).settings = json);
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
            throw Refusals.noGroup(kind, groupId);
          }
          for (String texterId : texterIds) {
            if (!org.texters.containsKey(texterId)) {
              throw Refusals.noTexter(texterId);
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
    return locked(() -> contacts.newList(org(orgId), name, now, true).current());
  }

  @Override
  public Optional<ContactList> findList(String orgId, long listId) {
    return locked(() -> contacts.findList(org(orgId), listId));
  }

  @Override
  public List<ContactList> lists(String orgId) {
    return locked(() -> contacts.lists(org(orgId)));
  }

  @Override
  public boolean deleteList(String orgId, long listId) {
    return locked(() -> contacts.deleteList(org(orgId), listId));
  }

  @Override
  public Contact addContact(String orgId, long listId, ContactDetails contact) {
    return locked(() -> contacts.add(org(orgId), listId, contact));
  }

  @Override
  public boolean removeContact(String orgId, long contactId) {
    return locked(() -> contacts.remove(org(orgId), contactId));
  }

  @Override
  public Optional<Contact> findContact(String orgId, long contactId) {
    return locked(() -> contacts.find(org(orgId), contactId));
  }

  @Override
  public Optional<Contact> findContactByPhone(String orgId, long listId, String phone) {
    return locked(() -> contacts.findByPhone(org(orgId), listId, phone));
  }

  @Override
  public List<Contact> contactsByPhone(String orgId, String phone) {
    return locked(() -> contacts.byPhone(org(orgId), phone));
  }

  @Override
  public List<Contact> contacts(String orgId, long listId, long afterId, int limit) {
    return locked(() -> contacts.page(org(orgId), listId, afterId, limit));
  }

  @Override
  public ContactImport beginImport(String orgId, String listName, Instant now) {
    long listId =
        locked(
            () -> {
              orgs.values().forEach(org -> contacts.dropAbandoned(org, now));
              return contacts.newList(org(orgId), listName, now, false).header.id();
            });
    return new InMemoryImport(this, orgId, listId, now);
  }

  @Override
  public ActionStore actions() {
    return actions;
  }

  @Override
  public AssignmentStore assignments() {
    return assignments;
  }

  @Override
  public MessageStore messages() {
    return messages;
  }

  @Override
  public void close() {
    closed = true;
  }

  // ---- used by InMemoryImport ----

  void importChunk(String orgId, long listId, List<ContactDetails> chunk, Instant written) {
    locked(
        () -> {
          contacts.importChunk(org(orgId), listId, chunk, written);
          return listId;
        });
  }

  ContactList completeImport(String orgId, long listId) {
    return locked(() -> contacts.completeImport(org(orgId), listId));
  }

  void abortImport(String orgId, long listId) {
    locked(
        () -> {
          contacts.abortImport(org(orgId), listId);
          return listId;
        });
  }

  @Override
  public ConversationStore conversations() {
    return conversations;
  }

  @Override
  public OptOutStore optOuts() {
    return optOuts;
  }

  @Override
  public ReportStore reports() {
    return reports;
  }

  @Override
  public EventStore events() {
    return events;
  }

  // ---- used by the parts ----

  /** The organization's data; throws {@link NotFoundException} if it does not exist. */
  OrgData org(String orgId) {
    OrgData org = orgs.get(orgId);
    if (org == null) {
      throw Refusals.noOrganization(orgId);
    }
    return org;
  }

  /** The conversation part's internals, for the report part. */
  InMemoryConversationStore conversationData() {
    return conversations;
  }

  /** The message part's internals, for the report part. */
  InMemoryMessages messageData() {
    return messages.data();
  }

  /** Runs the operation under the store's one lock; throws once the store is closed. */
  <T> T locked(Supplier<T> operation) {
    if (closed) {
      throw new IllegalStateException("the store is closed");
    }
    lock.lock();
    boolean outermost = lock.getHoldCount() == 1;
    List<Event> committed = List.of();
    try {
      if (outermost) {
        events.begin();
      }
      boolean succeeded = false;
      try {
        T result = operation.get();
        succeeded = true;
        return result;
      } finally {
        if (outermost) {
          committed = events.end(succeeded);
        }
      }
    } finally {
      lock.unlock();
      if (outermost) {
        events.publish(committed);
      }
    }
  }

  /** Appends a change to the running operation's events; called under the lock. */
  void emit(String orgId, Instant at, Change change) {
    events.append(orgId, at, change);
  }
}
