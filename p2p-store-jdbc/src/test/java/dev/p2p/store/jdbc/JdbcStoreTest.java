package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.NotFoundException;
import dev.p2p.P2PException;
import dev.p2p.StoreException;
import dev.p2p.ValidationException;
import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ContactList;
import dev.p2p.store.ContactImport;
import dev.p2p.texter.Group;
import dev.p2p.texter.GroupKind;
import dev.p2p.texter.TexterProfile;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JdbcStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-03T14:00:00.123456789Z");
  private static final String ORG = "acme";

  private final JdbcDataSource dataSource = new JdbcDataSource();
  private Connection keepAlive;
  private JdbcStore store;

  @BeforeEach
  void open() throws SQLException {
    dataSource.setURL("jdbc:h2:mem:jdbc-store-" + UUID.randomUUID());
    keepAlive = dataSource.getConnection(); // the in-memory database lives while it is open
    store = JdbcStore.of(dataSource);
    store.ensureOrganization(ORG, NOW);
  }

  @AfterEach
  void close() throws SQLException {
    store.close();
    keepAlive.close();
  }

  @Test
  @DisplayName("opening a store creates the tables and records the migration in p2p_schema_history")
  void migrationsRun() throws SQLException {
    assertThat(
            count(
                "SELECT COUNT(*) FROM \"p2p_schema_history\" WHERE \"version\" = '1' AND \"success\""))
        .isOne();
    assertThat(count("SELECT COUNT(*) FROM contacts")).isZero();
  }

  @Test
  void openingASecondStoreOnTheSameDatabaseMigratesNothingAndSeesTheData() throws SQLException {
    long listId = store.createList(ORG, "GOTV", NOW).id();
    try (JdbcStore second = JdbcStore.of(dataSource)) {
      assertThat(second.findList(ORG, listId)).isPresent();
    }
    assertThat(count("SELECT COUNT(*) FROM \"p2p_schema_history\" WHERE \"version\" = '1'"))
        .isOne();
  }

  @Test
  @DisplayName("closing a store over a caller's data source leaves the data source usable")
  void closeLeavesTheCallersDataSourceOpen() throws SQLException {
    store.close();
    store.close();
    try (Connection c = dataSource.getConnection()) {
      assertThat(c.isValid(1)).isTrue();
    }
    assertThatThrownBy(() -> store.lists(ORG)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void timesAreKeptToTheMicrosecond() {
    ContactList created = store.createList(ORG, "GOTV", NOW);
    Instant micros = Instant.parse("2026-11-03T14:00:00.123456Z");
    assertThat(created.createdAt()).isEqualTo(micros);
    assertThat(store.findList(ORG, created.id()).map(ContactList::createdAt)).contains(micros);
  }

  @Test
  void everyTexterAndGroupOperationRoundTrips() {
    store.upsertTexter(ORG, new TexterProfile("ana", "Ana", "López"));
    store.upsertTexter(ORG, new TexterProfile("Ben", "Ben", ""));
    store.upsertGroup(ORG, GroupKind.TEAM, "vols", "Volunteers");
    store.addMembers(ORG, GroupKind.TEAM, "vols", List.of("ana", "Ben", "ana"));

    assertThat(store.findTexter(ORG, "ana")).contains(new TexterProfile("ana", "Ana", "López"));
    assertThat(store.texters(ORG, "", 10))
        .extracting(TexterProfile::id)
        .containsExactly("Ben", "ana");
    assertThat(store.groups(ORG, GroupKind.TEAM))
        .containsExactly(new Group(GroupKind.TEAM, "vols", "Volunteers", 2));
    assertThat(store.members(ORG, GroupKind.TEAM, "vols")).containsExactly("Ben", "ana");
    store.removeMembers(ORG, GroupKind.TEAM, "vols", List.of("Ben"));
    assertThat(store.findGroup(ORG, GroupKind.TEAM, "vols").map(Group::size)).contains(1);
    assertThat(store.deleteGroup(ORG, GroupKind.TEAM, "vols")).isTrue();
    assertThat(store.groups(ORG, GroupKind.TEAM)).isEmpty();
  }

  @Test
  void addingMembersToAnUnknownGroupNamesTheGroup() {
    assertThatThrownBy(() -> store.addMembers(ORG, GroupKind.USER_LIST, "tue", List.of()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("user list tue");
  }

  @Test
  void everyContactOperationRoundTrips() {
    long listId = store.createList(ORG, "GOTV", NOW).id();
    Contact a = store.addContact(ORG, listId, ContactDetails.ofPhone("+13125550001"));
    Contact b = store.addContact(ORG, listId, ContactDetails.ofPhone("+13125550002"));

    assertThat(store.findContact(ORG, a.id())).contains(a);
    assertThat(store.findContactByPhone(ORG, listId, "+13125550002")).contains(b);
    assertThat(store.contactsByPhone(ORG, "+13125550001")).containsExactly(a);
    assertThat(store.contacts(ORG, listId, 0, 10)).containsExactly(a, b);
    assertThat(store.contacts(ORG, listId, a.id(), 10)).containsExactly(b);
    assertThat(store.removeContact(ORG, a.id())).isTrue();
    assertThat(store.lists(ORG)).extracting(ContactList::size).containsExactly(1L);
    assertThat(store.deleteList(ORG, listId)).isTrue();
    assertThat(store.findContact(ORG, b.id())).isEmpty();
  }

  @Test
  @DisplayName("a duplicate phone is reported on the phone field, masked, and writes nothing")
  void duplicatePhoneIsAValidationErrorWithoutThePhone() throws SQLException {
    long listId = store.createList(ORG, "GOTV", NOW).id();
    store.addContact(ORG, listId, ContactDetails.ofPhone("+13125550001"));
    assertThatThrownBy(() -> store.addContact(ORG, listId, ContactDetails.ofPhone("+13125550001")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("1 problem: phone is already in list " + listId);
    assertThat(count("SELECT contact_count FROM contact_lists")).isOne();
    assertThat(count("SELECT COUNT(*) FROM contacts")).isOne();
  }

  @Test
  @DisplayName("a database error names the failed operation and keeps the SQL exception as cause")
  void sqlErrorsNameTheOperation() {
    assertThatThrownBy(() -> store.ensureOrganization("x".repeat(200), NOW))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageStartingWith("Could not create the organization")
        .hasMessageContaining("SQLState 22001")
        .hasCauseInstanceOf(SQLException.class);
  }

  @Test
  @DisplayName("an aborted import leaves no row in any table")
  void abortedImportLeavesNoRow() throws SQLException {
    ContactImport imp = store.beginImport(ORG, "Voters", NOW);
    imp.add(chunk(0, 2_500));
    imp.add(chunk(2_500, 25_000)); // spans several delete windows
    imp.abort();

    assertThat(count("SELECT COUNT(*) FROM contacts")).isZero();
    assertThat(count("SELECT COUNT(*) FROM contact_lists")).isZero();
    assertThatThrownBy(imp::complete).isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("a chunk that fails writes none of its rows, and the import can go on")
  void failedChunkWritesNothing() throws SQLException {
    try (ContactImport imp = store.beginImport(ORG, "Voters", NOW)) {
      imp.add(chunk(0, 10));
      List<ContactDetails> bad = List.of(phone(10), phone(11), phone(3));
      assertThatThrownBy(() -> imp.add(bad)).isInstanceOf(P2PException.class);
      assertThat(count("SELECT COUNT(*) FROM contacts")).isEqualTo(10);
      imp.add(chunk(10, 12));
      assertThat(imp.complete().size()).isEqualTo(12);
    }
  }

  @Test
  @DisplayName("a list left importing by a crash stays invisible to every reader")
  void listStuckImportingIsInvisible() {
    ContactImport crashed = store.beginImport(ORG, "Voters", NOW);
    crashed.add(chunk(0, 5));
    // The JVM dies here: neither complete() nor abort() runs. A new store on the same database:
    try (JdbcStore afterRestart = JdbcStore.of(dataSource)) {
      assertThat(afterRestart.findList(ORG, crashed.listId())).isEmpty();
      assertThat(afterRestart.lists(ORG)).isEmpty();
      assertThat(afterRestart.contactsByPhone(ORG, "+13125550001")).isEmpty();
      assertThat(afterRestart.findContactByPhone(ORG, crashed.listId(), "+13125550001")).isEmpty();
      assertThat(afterRestart.contacts(ORG, crashed.listId(), 0, 10)).isEmpty();
      assertThatThrownBy(() -> afterRestart.addContact(ORG, crashed.listId(), phone(99)))
          .isInstanceOf(NotFoundException.class);
      assertThat(afterRestart.deleteList(ORG, crashed.listId())).isFalse();
    }
  }

  @Test
  void concurrentAddsKeepCountAndUniqueness() throws Exception {
    VendorChecks.concurrentAddsKeepCountAndUniqueness(store);
  }

  @Test
  void writesToAnUnknownOrganizationAreNotFound() {
    VendorChecks.writesToAnUnknownOrganizationAreNotFound(store);
  }

  @Test
  void importsKeepAwkwardText() {
    VendorChecks.importRoundTripsAwkwardText(store);
  }

  private static List<ContactDetails> chunk(int from, int to) {
    return IntStream.range(from, to).mapToObj(JdbcStoreTest::phone).toList();
  }

  private static ContactDetails phone(int n) {
    return ContactDetails.ofPhone(String.format("+1312555%04d", n));
  }

  private long count(String sql) throws SQLException {
    try (Statement s = keepAlive.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
