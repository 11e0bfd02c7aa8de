package dev.p2p.store.jdbc;

import dev.p2p.StoreException;
import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ContactList;
import dev.p2p.store.ActionStore;
import dev.p2p.store.AssignmentStore;
import dev.p2p.store.ContactImport;
import dev.p2p.store.ConversationStore;
import dev.p2p.store.EventStore;
import dev.p2p.store.MessageStore;
import dev.p2p.store.OptOutStore;
import dev.p2p.store.ReportStore;
import dev.p2p.store.Store;
import dev.p2p.store.StoreHealth;
import dev.p2p.texter.Group;
import dev.p2p.texter.GroupKind;
import dev.p2p.texter.TexterProfile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jspecify.annotations.Nullable;

/**
 * The p2p {@link Store} on a SQL database: H2 (embedded, the default), PostgreSQL, or
 * MariaDB/MySQL. Opening a store creates or upgrades its tables with Flyway (history in {@code
 * p2p_schema_history}); every method, its parts' included, then runs as one transaction.
 * Thread-safe; on PostgreSQL or MariaDB many app nodes may share one database.
 *
 * <pre>{@code
 * Store embedded = JdbcStore.h2(Path.of("p2p-data"));
 * Store shared = JdbcStore.of(dataSource);   // the CRM's PostgreSQL pool, for instance
 * }</pre>
 *
 * <p>Failures of the database surface as {@link StoreException}s naming the operation and the
 * SQLState, with the driver's exception as the cause; {@link StoreException#retryable()} is true
 * for a deadlock or serialization conflict (SQLState 40001, 40P01; MariaDB 1213), a lock or
 * statement timeout (PostgreSQL 55P03, 57014; MariaDB 1205; H2's lock timeout), and a lost, refused
 * or unobtainable connection (SQLState class 08, a closed or exhausted pool); false for a
 * constraint, data or SQL error.
 */
public final class JdbcStore implements Store {
  private final Tx tx;
  private final ContactWriter writer;
  private final @Nullable AutoCloseable ownedPool;
  private final TexterSql texters;
  private final GroupSql groups;
  private final ListSql lists;
  private final AbandonedImports abandonedImports;
  private final ContactSql contacts;
  private final SettingsSql settings;
  private final JdbcActionStore actions;
  private final JdbcAssignmentStore assignments;
  private final JdbcMessageStore messages;
  private final JdbcConversationStore conversations;
  private final JdbcOptOutStore optOuts;
  private final JdbcReportStore reports;
  private final JdbcEventStore events;

  private JdbcStore(Tx tx, ContactWriter writer, @Nullable AutoCloseable ownedPool) {
    this.tx = tx;
    this.writer = writer;
    this.ownedPool = ownedPool;
    this.texters = new TexterSql(tx);
    this.groups = new GroupSql(tx);
    this.lists = new ListSql(tx);
    this.abandonedImports = new AbandonedImports(tx);
    this.contacts = new ContactSql(tx);
    this.settings = new SettingsSql(tx);
    this.actions = new JdbcActionStore(tx);
    this.assignments = new JdbcAssignmentStore(tx);
    this.messages = new JdbcMessageStore(tx);
    this.conversations = new JdbcConversationStore(tx, messages.senders());
    this.optOuts = new JdbcOptOutStore(tx);
    this.reports = new JdbcReportStore(tx);
    this.events = new JdbcEventStore(tx);
  }

  /**
   * An embedded H2 database in files under {@code directory} (created if missing), with a pool of
   * connections that {@link #close()} closes. One JVM at a time may open it.
   */
  public static JdbcStore h2(Path directory) {
    Objects.requireNonNull(directory, "directory");
    JdbcConnectionPool pool = H2Pools.file(directory);
    return open(pool, () -> H2Pools.shutdown(pool));
  }

  /**
   * A private in-memory H2 database, for tests and demos: it lives until {@link #close()}.
   *
   * @param name letters, digits, {@code _} or {@code -}; stores opened with one name at the same
   *     time share a database
   */
  public static JdbcStore h2InMemory(String name) {
    Objects.requireNonNull(name, "name");
    JdbcConnectionPool pool = H2Pools.memory(name);
    return open(pool, () -> H2Pools.shutdown(pool));
  }

  /**
   * A store on the database behind the caller's data source (H2, PostgreSQL, MariaDB or MySQL,
   * detected from its metadata). {@link #close()} leaves the data source open: it stays the
   * caller's.
   *
   * @throws StoreException if the database cannot be reached or is of another kind
   */
  public static JdbcStore of(DataSource dataSource) {
    return open(Objects.requireNonNull(dataSource, "dataSource"), null);
  }

  /**
   * A store on a JDBC URL, with a HikariCP pool that {@link #close()} closes. Needs {@code
   * com.zaxxer:HikariCP} and the database's driver on the classpath.
   *
   * @throws StoreException if HikariCP is missing, or the database cannot be reached or is of
   *     another kind
   */
  public static JdbcStore of(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    final DataSource pool;
    try {
      pool = HikariPools.create(jdbcUrl);
    } catch (NoClassDefFoundError e) {
      throw new StoreException(
          "JdbcStore.of(jdbcUrl) pools connections with HikariCP, which is not on the classpath:"
              + " add com.zaxxer:HikariCP, or pass your own DataSource to JdbcStore.of(dataSource)",
          false,
          e);
    }
    return open(pool, (AutoCloseable) pool);
  }

  private static JdbcStore open(DataSource dataSource, @Nullable AutoCloseable ownedPool) {
    try {
      Dialect dialect = Dialect.of(dataSource);
      Migrations.run(dataSource, dialect);
      return new JdbcStore(
          new Tx(dataSource, dialect), ContactWriter.forDatabase(dialect, dataSource), ownedPool);
    } catch (RuntimeException e) {
      closeQuietly(ownedPool, e);
      throw e;
    }
  }

  private static void closeQuietly(@Nullable AutoCloseable pool, Throwable failure) {
    if (pool != null) {
      try {
        pool.close();
      } catch (Exception e) {
        failure.addSuppressed(e);
      }
    }
  }

  @Override
  public void ensureOrganization(String orgId, Instant now) {
    texters.ensureOrganization(orgId, now);
  }

  @Override
  public Optional<String> settings(String orgId) {
    return settings.settings(orgId);
  }

  @Override
  public void saveSettings(String orgId, String json, Instant now) {
    settings.save(orgId, json, now);
  }

  @Override
  public void upsertTexter(String orgId, TexterProfile texter) {
    texters.upsert(orgId, texter);
  }

  @Override
  public Optional<TexterProfile> findTexter(String orgId, String texterId) {
    return texters.find(orgId, texterId);
  }

  @Override
  public List<TexterProfile> texters(String orgId, String afterId, int limit) {
    return texters.page(orgId, afterId, limit);
  }

  @Override
  public void upsertGroup(String orgId, GroupKind kind, String groupId, String name) {
    groups.upsert(orgId, kind, groupId, name);
  }

  @Override
  public Optional<Group> findGroup(String orgId, GroupKind kind, String groupId) {
    return groups.find(orgId, kind, groupId);
  }

  @Override
  public List<Group> groups(String orgId, GroupKind kind) {
    return groups.all(orgId, kind);
  }

  @Override
  public void addMembers(
      String orgId, GroupKind kind, String groupId, Collection<String> texterIds) {
    groups.addMembers(orgId, kind, groupId, texterIds);
  }

  @Override
  public void removeMembers(
      String orgId, GroupKind kind, String groupId, Collection<String> texterIds) {
    groups.removeMembers(orgId, kind, groupId, texterIds);
  }

  @Override
  public List<String> members(String orgId, GroupKind kind, String groupId) {
    return groups.members(orgId, kind, groupId);
  }

  @Override
  public boolean deleteGroup(String orgId, GroupKind kind, String groupId) {
    return groups.delete(orgId, kind, groupId);
  }

  @Override
  public ContactList createList(String orgId, String name, Instant now) {
    return lists.create(orgId, name, now, ListSql.READY);
  }

  @Override
  public Optional<ContactList> findList(String orgId, long listId) {
    return lists.find(orgId, listId);
  }

  @Override
  public List<ContactList> lists(String orgId) {
    return lists.all(orgId);
  }

  @Override
  public boolean deleteList(String orgId, long listId) {
    return lists.delete(orgId, listId);
  }

  @Override
  public Contact addContact(String orgId, long listId, ContactDetails contact) {
    return contacts.add(orgId, listId, contact);
  }

  @Override
  public boolean removeContact(String orgId, long contactId) {
    return contacts.remove(orgId, contactId);
  }

  @Override
  public Optional<Contact> findContact(String orgId, long contactId) {
    return contacts.find(orgId, contactId);
  }

  @Override
  public Optional<Contact> findContactByPhone(String orgId, long listId, String phone) {
    return contacts.findByPhone(orgId, listId, phone);
  }

  @Override
  public List<Contact> contactsByPhone(String orgId, String phone) {
    return contacts.byPhone(orgId, phone);
  }

  @Override
  public List<Contact> contacts(String orgId, long listId, long afterId, int limit) {
    return contacts.page(orgId, listId, afterId, limit);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The list row is committed at once with status {@code IMPORTING}; each chunk is then one
   * transaction (a {@code COPY} on PostgreSQL, a JDBC batch elsewhere). Imports abandoned first
   * (see {@link AbandonedImports}) are removed before the new one begins.
   */
  @Override
  public ContactImport beginImport(String orgId, String listName, Instant now) {
    abandonedImports.removeAll(now);
    long listId = lists.create(orgId, listName, now, ListSql.IMPORTING).id();
    return new JdbcContactImport(tx, writer, orgId, listId, now);
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

  /**
   * Reachable (a connection answers within two seconds) and migrated (no p2p migration pending):
   * details {@code database}, {@code schemaVersion} and {@code pendingMigrations}, or {@code error}
   * (the failure's type and SQLState, never its message, which may quote the URL).
   */
  @Override
  public StoreHealth health() {
    return Migrations.health(tx.dataSource(), tx.dialect());
  }

  /** Closes the connection pool this store opened, if any; a caller's data source stays open. */
  @Override
  public void close() {
    if (tx.close() && ownedPool != null) {
      try {
        ownedPool.close();
      } catch (Exception e) {
        throw new StoreException("Could not close the database connections", false, e);
      }
    }
  }

  /** The store's transactions, for tests of the event feed. */
  Tx transactions() {
    return tx;
  }

  /** How imports write their chunks on this database. */
  ContactWriter contactWriter() {
    return writer;
  }

  @Override
  public String toString() {
    return "JdbcStore[" + tx.dialect() + "]";
  }
}
