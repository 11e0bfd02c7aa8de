package dev.p2p.store;

import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ContactList;
import dev.p2p.texter.Group;
import dev.p2p.texter.GroupKind;
import dev.p2p.texter.TexterProfile;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The storage SPI. Methods are domain operations, not CRUD: each runs atomically (one transaction
 * on a SQL store, one lock on the in-memory store) and either completes or changes nothing.
 *
 * <p>A store comes in parts: this interface holds organizations and their texting settings, texters
 * and groups, contact lists and imports; {@link #actions()}, {@link #assignments()}, {@link
 * #conversations()}, {@link #messages()}, {@link #optOuts()}, {@link #reports()} and {@link
 * #events()} return the other parts. An integrator writes a store part by part, each part an object
 * of its own that shares the store's transactions, lock and lifecycle.
 *
 * <p>Every method takes the organization id and never sees or changes another organization's
 * records. Inputs arrive already validated and normalized by the core; a store checks only what
 * needs data (existence, uniqueness) and reports it with {@link dev.p2p.NotFoundException} or
 * {@link dev.p2p.ValidationException}.
 *
 * <p>Implementations are thread-safe and may be shared by many app nodes (SQL stores). Every store
 * passes {@code StoreContract} from {@code p2p-testkit}.
 */
public interface Store extends AutoCloseable {

  // ---- organizations ----

  /** Creates the organization if it does not exist; a no-op otherwise. Events: none. */
  void ensureOrganization(String orgId, Instant now);

  /** The organization's texting settings as the core serialized them, if ever saved. */
  Optional<String> settings(String orgId);

  /** Saves the organization's texting settings (JSON written by the core). Events: none. */
  void saveSettings(String orgId, String json, Instant now);

  // ---- texters and groups ----

  /** Inserts or replaces a texter's profile, keyed by its id. Events: none. */
  void upsertTexter(String orgId, TexterProfile texter);

  /** The texter with this id. */
  Optional<TexterProfile> findTexter(String orgId, String texterId);

  /** Texters ordered by id, strictly after {@code afterId} (empty string: from the start). */
  List<TexterProfile> texters(String orgId, String afterId, int limit);

  /** Inserts a group or renames it, keyed by kind and id; its members are kept. Events: none. */
  void upsertGroup(String orgId, GroupKind kind, String groupId, String name);

  /** The group, with its current size. */
  Optional<Group> findGroup(String orgId, GroupKind kind, String groupId);

  /** Every group of a kind, ordered by id. */
  List<Group> groups(String orgId, GroupKind kind);

  /**
   * Adds texters to a group; texters already in it are left alone. Events: none.
   *
   * @throws dev.p2p.NotFoundException if the group or any texter does not exist (nothing added)
   */
  void addMembers(String orgId, GroupKind kind, String groupId, Collection<String> texterIds);

  /** Removes texters from a group; ids that are not members are ignored. Events: none. */
  void removeMembers(String orgId, GroupKind kind, String groupId, Collection<String> texterIds);

  /** The ids of a group's members, ordered. */
  List<String> members(String orgId, GroupKind kind, String groupId);

  /**
   * Deletes a group and its memberships (not the texters). Returns whether it existed. Events:
   * none.
   */
  boolean deleteGroup(String orgId, GroupKind kind, String groupId);

  // ---- contact lists ----

  /** Creates an empty contact list. Events: none. */
  ContactList createList(String orgId, String name, Instant now);

  /** The list, with its current size. Lists still being imported are not found. */
  Optional<ContactList> findList(String orgId, long listId);

  /** Every complete list of the organization, newest first. */
  List<ContactList> lists(String orgId);

  /** Deletes a list and its contacts. Returns whether it existed. Events: none. */
  boolean deleteList(String orgId, long listId);

  /**
   * Adds one contact to a list. Events: none.
   *
   * @throws dev.p2p.NotFoundException if the list does not exist
   * @throws dev.p2p.ValidationException naming {@code phone} if the list already holds that phone
   */
  Contact addContact(String orgId, long listId, ContactDetails contact);

  /** Removes a contact. Returns whether it existed. Events: none. */
  boolean removeContact(String orgId, long contactId);

  /** The contact with this id. */
  Optional<Contact> findContact(String orgId, long contactId);

  /** The contact of a list with this E.164 phone. */
  Optional<Contact> findContactByPhone(String orgId, long listId, String phone);

  /** Every contact of the organization with this E.164 phone, across lists, ordered by id. */
  List<Contact> contactsByPhone(String orgId, String phone);

  /** A list's contacts ordered by id, strictly after {@code afterId} (0: from the start). */
  List<Contact> contacts(String orgId, long listId, long afterId, int limit);

  /**
   * Starts a bulk import into a new list. The list stays invisible until {@link
   * ContactImport#complete()}; {@link ContactImport#abort()} removes every trace of it. First
   * removes, in every organization, the unfinished imports that {@link
   * dev.p2p.store.support.ImportRule} calls abandoned as of {@code now} (their process died
   * mid-import), contacts and all. Each chunk written renews an import's last write (its begin
   * instant plus the time elapsed since). A chunk or completion of an import removed that way
   * throws {@link dev.p2p.store.support.Refusals#importAbandoned(long)}. Events: none, here or in
   * the import.
   */
  ContactImport beginImport(String orgId, String listName, Instant now);

  // ---- parts ----

  /**
   * The part for tags, custom fields and actions. Its operations are atomic like this interface's
   * and share this store's transactions (or lock) and lifecycle: the part is usable while the store
   * is open and closes with it.
   *
   * @return the same instance on every call
   */
  ActionStore actions();

  /**
   * The part for assignment: an action's pool, claims and splits, targets and join tokens. Its
   * operations are atomic like this interface's and share this store's transactions (or lock) and
   * lifecycle.
   *
   * @return the same instance on every call
   */
  AssignmentStore assignments();

  /**
   * The part for messages and sender numbers. Its operations are atomic like this interface's and
   * share this store's transactions (or lock) and lifecycle: the part is usable while the store is
   * open and closes with it.
   *
   * @return the same instance on every call
   */
  MessageStore messages();

  /**
   * The part for conversations: reads, inboxes, sends, updates and inbound routing. Its operations
   * are atomic like this interface's and share this store's transactions (or lock) and lifecycle.
   *
   * @return the same instance on every call
   */
  ConversationStore conversations();

  /**
   * The part for opt-outs and invalid phones. Its operations are atomic like this interface's and
   * share this store's transactions (or lock) and lifecycle.
   *
   * @return the same instance on every call
   */
  OptOutStore optOuts();

  /**
   * The part for reporting: an action's figures and export pages. Its reads share this store's
   * lifecycle.
   *
   * @return the same instance on every call
   */
  ReportStore reports();

  /**
   * The part for the event feed: reading it and hearing of committed events. The other parts write
   * the events in their own transactions.
   *
   * @return the same instance on every call
   */
  EventStore events();

  /**
   * Whether the store can serve requests now, for a health check: reachable, and its schema (where
   * it has one) at the version this build of p2p expects. Asks the store's database anew on each
   * call; never throws for an unreachable database, it answers down instead. A store with nothing
   * to check (in memory) answers up with no details.
   *
   * @return the store's health now
   */
  default StoreHealth health() {
    return StoreHealth.up(Map.of());
  }

  /** Releases the store's resources (connections, pools). Idempotent. */
  @Override
  void close();
}
