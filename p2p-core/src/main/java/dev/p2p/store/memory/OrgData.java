package dev.p2p.store.memory;

import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactList;
import dev.p2p.store.support.IdOrder;
import dev.p2p.texter.GroupKind;
import dev.p2p.texter.TexterProfile;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** One organization's records in the in-memory store. Guarded by the store's lock. */
final class OrgData {
  final TreeMap<String, TexterProfile> texters = new TreeMap<>(IdOrder.CODE_POINTS);
  final Map<GroupKind, TreeMap<String, GroupData>> groups = new HashMap<>();
  final Map<Long, ListData> lists = new HashMap<>();
  final Map<Long, Contact> contacts = new HashMap<>();
  final Map<String, Set<Long>> contactsByPhone = new HashMap<>();
  @Nullable String settings;

  TreeMap<String, GroupData> groups(GroupKind kind) {
    return groups.computeIfAbsent(kind, k -> new TreeMap<>(IdOrder.CODE_POINTS));
  }

  void putContact(Contact contact) {
    contacts.put(contact.id(), contact);
    contactsByPhone.computeIfAbsent(contact.phone(), p -> new LinkedHashSet<>()).add(contact.id());
    ListData list = lists.get(contact.listId());
    if (list == null) {
      throw new IllegalStateException("contact " + contact.id() + " has no list");
    }
    list.contacts.put(contact.id(), contact);
    list.idsByPhone.put(contact.phone(), contact.id());
    list.fieldNames.addAll(contact.details().fields().keySet());
  }

  void dropContact(Contact contact) {
    contacts.remove(contact.id());
    Set<Long> ids = contactsByPhone.get(contact.phone());
    if (ids != null) {
      ids.remove(contact.id());
      if (ids.isEmpty()) {
        contactsByPhone.remove(contact.phone());
      }
    }
    ListData list = lists.get(contact.listId());
    if (list != null) {
      list.contacts.remove(contact.id());
      list.idsByPhone.remove(contact.phone());
    }
  }

  /** A group's name and members. */
  static final class GroupData {
    String name;
    final TreeSet<String> members = new TreeSet<>(IdOrder.CODE_POINTS);

    GroupData(String name) {
      this.name = name;
    }
  }

  /** A list's header and contacts. */
  static final class ListData {
    ContactList header;
    boolean ready;

    /** While importing, the time of the last chunk written (at first, when the import began). */
    Instant lastWrite;

    final TreeMap<Long, Contact> contacts = new TreeMap<>();
    final Map<String, Long> idsByPhone = new HashMap<>();
    final Set<String> fieldNames = new TreeSet<>();

    ListData(ContactList header, boolean ready) {
      this.header = header;
      this.ready = ready;
      this.lastWrite = header.createdAt();
    }

    ContactList current() {
      return new ContactList(header.id(), header.name(), contacts.size(), header.createdAt());
    }
  }
}
