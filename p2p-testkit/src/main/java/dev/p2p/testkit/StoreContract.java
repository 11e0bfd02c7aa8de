package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.NotFoundException;
import dev.p2p.P2P;
import dev.p2p.StoreException;
import dev.p2p.ValidationException;
import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ContactList;
import dev.p2p.contact.ImportOptions;
import dev.p2p.contact.ImportReport;
import dev.p2p.store.ContactImport;
import dev.p2p.store.Store;
import dev.p2p.store.support.ImportRule;
import dev.p2p.store.support.Refusals;
import dev.p2p.texter.Group;
import dev.p2p.texter.GroupKind;
import dev.p2p.texter.TexterProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Store} must show. A store adapter proves itself with a short subclass:
 *
 * <pre>{@code
 * class MyStoreContractTest extends StoreContract {
 *   protected Store createStore() { return MyStore.connect(...); }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh, empty store from {@link #createStore()} and closes it afterwards.
 */
public abstract class StoreContract {
  /** The time every record is stamped with. */
  protected static final Instant NOW = Instant.parse("2026-11-03T14:00:00Z");

  /** The organization most tests use. */
  protected static final String ORG = "acme";

  /** A second organization, to prove isolation. */
  protected static final String OTHER_ORG = "globex";

  /** The store under test; fresh for each test. */
  protected Store store;

  /** Returns a new, empty store. Called once before each test. */
  protected abstract Store createStore();

  @BeforeEach
  void openStore() {
    store = createStore();
    store.ensureOrganization(ORG, NOW);
    store.ensureOrganization(OTHER_ORG, NOW);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  /** A contact with every field set, for round-trip checks. */
  protected static ContactDetails fullContact(String phone) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("pollingPlace", "City Hall, Room \"B\"");
    fields.put("ward", "3");
    fields.put("note", "café ✓ 😀");
    return new ContactDetails(
        phone,
        "Ana",
        "García",
        Optional.of("60601"),
        Optional.of(ZoneId.of("America/Chicago")),
        Optional.of("IL"),
        Optional.of("IL"),
        Optional.of("crm-42"),
        fields);
  }

  /** A phone number numbered {@code n}, valid in E.164 form. */
  protected static String phone(int n) {
    return String.format("+1312555%04d", n);
  }

  @Nested
  @DisplayName("organizations")
  class Organizations {
    @Test
    @DisplayName("ensuring an organization twice is harmless")
    void ensureIsIdempotent() {
      store.ensureOrganization(ORG, NOW);
      store.createList(ORG, "after", NOW);
      store.ensureOrganization(ORG, NOW.plusSeconds(5));
      assertThat(store.lists(ORG)).extracting(ContactList::name).containsExactly("after");
    }

    @Test
    void textingSettingsRoundTripAndAreReplaced() {
      assertThat(store.settings(ORG)).isEmpty();
      store.saveSettings(ORG, "{\"lockHours\":24,\"help\":\"Reply STOP ✓\"}", NOW);
      store.saveSettings(ORG, "{\"lockHours\":48}", NOW);
      assertThat(store.settings(ORG)).contains("{\"lockHours\":48}");
      assertThat(store.settings(OTHER_ORG)).isEmpty();
    }
  }

  @Nested
  @DisplayName("parts")
  class Parts {
    @Test
    @DisplayName("each part is one object, returned on every call")
    void eachPartIsOneObject() {
      assertThat(store.actions()).isSameAs(store.actions());
      assertThat(store.assignments()).isSameAs(store.assignments());
      assertThat(store.messages()).isSameAs(store.messages());
      assertThat(store.conversations()).isSameAs(store.conversations());
      assertThat(store.optOuts()).isSameAs(store.optOuts());
      assertThat(store.reports()).isSameAs(store.reports());
      assertThat(store.events()).isSameAs(store.events());
    }
  }

  @Nested
  @DisplayName("texters")
  class Texters {
    @Test
    void upsertInsertsThenReplacesNames() {
      store.upsertTexter(ORG, new TexterProfile("ana", "Ana", "Lopez"));
      store.upsertTexter(ORG, new TexterProfile("ana", "Anita", "López"));
      assertThat(store.findTexter(ORG, "ana")).contains(new TexterProfile("ana", "Anita", "López"));
    }

    @Test
    void unknownTexterIsNotFound() {
      assertThat(store.findTexter(ORG, "nobody")).isEmpty();
    }

    @Test
    void textersArePagedByIdAfterACursor() {
      for (String id : List.of("c", "a", "e", "b", "d")) {
        store.upsertTexter(ORG, new TexterProfile(id, id.toUpperCase(), ""));
      }
      assertThat(store.texters(ORG, "", 2)).extracting(TexterProfile::id).containsExactly("a", "b");
      assertThat(store.texters(ORG, "b", 2))
          .extracting(TexterProfile::id)
          .containsExactly("c", "d");
      assertThat(store.texters(ORG, "d", 2)).extracting(TexterProfile::id).containsExactly("e");
    }

    @Test
    void anotherOrganizationsTextersAreInvisible() {
      store.upsertTexter(OTHER_ORG, new TexterProfile("ana", "Ana", ""));
      assertThat(store.findTexter(ORG, "ana")).isEmpty();
      assertThat(store.texters(ORG, "", 10)).isEmpty();
    }
  }

  @Nested
  @DisplayName("teams and user lists")
  class Groups {
    @BeforeEach
    void texters() {
      for (String id : List.of("ana", "ben", "cy")) {
        store.upsertTexter(ORG, new TexterProfile(id, id, ""));
      }
    }

    @Test
    void upsertCreatesThenRenamesKeepingMembers() {
      store.upsertGroup(ORG, GroupKind.TEAM, "vols", "Volunteers");
      store.addMembers(ORG, GroupKind.TEAM, "vols", List.of("ana", "ben"));
      store.upsertGroup(ORG, GroupKind.TEAM, "vols", "Weekend volunteers");
      assertThat(store.findGroup(ORG, GroupKind.TEAM, "vols"))
          .contains(new Group(GroupKind.TEAM, "vols", "Weekend volunteers", 2));
    }

    @Test
    void teamsAndUserListsAreSeparateNamespaces() {
      store.upsertGroup(ORG, GroupKind.TEAM, "g", "Team G");
      store.upsertGroup(ORG, GroupKind.USER_LIST, "g", "List G");
      store.addMembers(ORG, GroupKind.USER_LIST, "g", List.of("cy"));
      assertThat(store.members(ORG, GroupKind.TEAM, "g")).isEmpty();
      assertThat(store.members(ORG, GroupKind.USER_LIST, "g")).containsExactly("cy");
      assertThat(store.groups(ORG, GroupKind.TEAM))
          .extracting(Group::name)
          .containsExactly("Team G");
    }

    @Test
    void addingMembersTwiceKeepsOneMembership() {
      store.upsertGroup(ORG, GroupKind.TEAM, "vols", "Volunteers");
      store.addMembers(ORG, GroupKind.TEAM, "vols", List.of("ben", "ana"));
      store.addMembers(ORG, GroupKind.TEAM, "vols", List.of("ana", "cy"));
      assertThat(store.members(ORG, GroupKind.TEAM, "vols")).containsExactly("ana", "ben", "cy");
    }

    @Test
    @DisplayName("adding an unknown texter fails and adds none of the batch")
    void addingUnknownTexterAddsNothing() {
      store.upsertGroup(ORG, GroupKind.TEAM, "vols", "Volunteers");
      assertThatThrownBy(() -> store.addMembers(ORG, GroupKind.TEAM, "vols", List.of("ana", "zed")))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("zed");
      assertThat(store.members(ORG, GroupKind.TEAM, "vols")).isEmpty();
    }

    @Test
    void addingToAnUnknownGroupFails() {
      assertThatThrownBy(() -> store.addMembers(ORG, GroupKind.TEAM, "nope", List.of("ana")))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    void removingMembersIgnoresNonMembers() {
      store.upsertGroup(ORG, GroupKind.TEAM, "vols", "Volunteers");
      store.addMembers(ORG, GroupKind.TEAM, "vols", List.of("ana", "ben"));
      store.removeMembers(ORG, GroupKind.TEAM, "vols", List.of("ana", "cy"));
      assertThat(store.members(ORG, GroupKind.TEAM, "vols")).containsExactly("ben");
    }

    @Test
    void deletingAGroupKeepsItsTexters() {
      store.upsertGroup(ORG, GroupKind.TEAM, "vols", "Volunteers");
      store.addMembers(ORG, GroupKind.TEAM, "vols", List.of("ana"));
      assertThat(store.deleteGroup(ORG, GroupKind.TEAM, "vols")).isTrue();
      assertThat(store.deleteGroup(ORG, GroupKind.TEAM, "vols")).isFalse();
      assertThat(store.findGroup(ORG, GroupKind.TEAM, "vols")).isEmpty();
      assertThat(store.findTexter(ORG, "ana")).isPresent();
    }

    @Test
    void anotherOrganizationsGroupsAreInvisible() {
      store.upsertGroup(OTHER_ORG, GroupKind.TEAM, "vols", "Theirs");
      assertThat(store.findGroup(ORG, GroupKind.TEAM, "vols")).isEmpty();
      assertThat(store.groups(ORG, GroupKind.TEAM)).isEmpty();
    }
  }

  @Nested
  @DisplayName("contact lists and contacts")
  class Contacts {
    @Test
    void aNewListIsEmptyAndListed() {
      ContactList list = store.createList(ORG, "GOTV", NOW);
      assertThat(list.name()).isEqualTo("GOTV");
      assertThat(list.size()).isZero();
      assertThat(list.createdAt()).isEqualTo(NOW);
      assertThat(store.findList(ORG, list.id())).contains(list);
      assertThat(store.lists(ORG)).containsExactly(list);
    }

    @Test
    void listsAreNewestFirst() {
      store.createList(ORG, "old", NOW);
      store.createList(ORG, "new", NOW.plusSeconds(60));
      assertThat(store.lists(ORG)).extracting(ContactList::name).containsExactly("new", "old");
    }

    @Test
    void aContactRoundTripsEveryField() {
      long listId = store.createList(ORG, "GOTV", NOW).id();
      Contact added = store.addContact(ORG, listId, fullContact(phone(1)));
      assertThat(added.listId()).isEqualTo(listId);
      assertThat(added.details()).isEqualTo(fullContact(phone(1)));
      assertThat(store.findContact(ORG, added.id())).contains(added);
      assertThat(added.details().fields())
          .containsExactly(
              Map.entry("pollingPlace", "City Hall, Room \"B\""),
              Map.entry("ward", "3"),
              Map.entry("note", "café ✓ 😀"));
    }

    @Test
    void aMinimalContactRoundTrips() {
      long listId = store.createList(ORG, "GOTV", NOW).id();
      Contact added = store.addContact(ORG, listId, ContactDetails.ofPhone(phone(2)));
      assertThat(store.findContact(ORG, added.id()).map(Contact::details))
          .contains(ContactDetails.ofPhone(phone(2)));
    }

    @Test
    void listSizeFollowsAddsAndRemoves() {
      long listId = store.createList(ORG, "GOTV", NOW).id();
      Contact a = store.addContact(ORG, listId, ContactDetails.ofPhone(phone(1)));
      store.addContact(ORG, listId, ContactDetails.ofPhone(phone(2)));
      assertThat(store.findList(ORG, listId).map(ContactList::size)).contains(2L);
      assertThat(store.removeContact(ORG, a.id())).isTrue();
      assertThat(store.removeContact(ORG, a.id())).isFalse();
      assertThat(store.findList(ORG, listId).map(ContactList::size)).contains(1L);
      assertThat(store.findContact(ORG, a.id())).isEmpty();
    }

    @Test
    @DisplayName(
        "a phone already in the list is refused, naming the phone field, and nothing is written")
    void duplicatePhoneInListIsRefused() {
      long listId = store.createList(ORG, "GOTV", NOW).id();
      store.addContact(ORG, listId, ContactDetails.ofPhone(phone(1)));
      assertThatThrownBy(() -> store.addContact(ORG, listId, fullContact(phone(1))))
          .isInstanceOf(ValidationException.class)
          .satisfies(
              e ->
                  assertThat(((ValidationException) e).violations())
                      .extracting(v -> v.field())
                      .containsExactly("phone"))
          .hasMessageNotContaining(phone(1));
      assertThat(store.findList(ORG, listId).map(ContactList::size)).contains(1L);
    }

    @Test
    void theSamePhoneMayBeInTwoLists() {
      long a = store.createList(ORG, "A", NOW).id();
      long b = store.createList(ORG, "B", NOW).id();
      Contact inA = store.addContact(ORG, a, ContactDetails.ofPhone(phone(1)));
      Contact inB = store.addContact(ORG, b, ContactDetails.ofPhone(phone(1)));
      assertThat(store.contactsByPhone(ORG, phone(1))).containsExactly(inA, inB);
      assertThat(store.findContactByPhone(ORG, b, phone(1))).contains(inB);
    }

    @Test
    void addingToAnUnknownListFails() {
      assertThatThrownBy(() -> store.addContact(ORG, 987_654L, ContactDetails.ofPhone(phone(1))))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    void contactsArePagedInInsertionOrder() {
      long listId = store.createList(ORG, "GOTV", NOW).id();
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        ids.add(store.addContact(ORG, listId, ContactDetails.ofPhone(phone(i))).id());
      }
      List<Contact> first = store.contacts(ORG, listId, 0, 3);
      assertThat(first).extracting(Contact::id).containsExactlyElementsOf(ids.subList(0, 3));
      List<Contact> second = store.contacts(ORG, listId, first.get(2).id(), 3);
      assertThat(second).extracting(Contact::id).containsExactlyElementsOf(ids.subList(3, 6));
      assertThat(store.contacts(ORG, listId, second.get(2).id(), 3))
          .extracting(Contact::id)
          .containsExactly(ids.get(6));
    }

    @Test
    void deletingAListDeletesItsContacts() {
      long listId = store.createList(ORG, "GOTV", NOW).id();
      Contact c = store.addContact(ORG, listId, ContactDetails.ofPhone(phone(1)));
      assertThat(store.deleteList(ORG, listId)).isTrue();
      assertThat(store.deleteList(ORG, listId)).isFalse();
      assertThat(store.findList(ORG, listId)).isEmpty();
      assertThat(store.findContact(ORG, c.id())).isEmpty();
      assertThat(store.contactsByPhone(ORG, phone(1))).isEmpty();
    }

    @Test
    @DisplayName("another organization's lists and contacts are never found, even by id")
    void anotherOrganizationsContactsAreInvisible() {
      long theirList = store.createList(OTHER_ORG, "Theirs", NOW).id();
      Contact theirs = store.addContact(OTHER_ORG, theirList, ContactDetails.ofPhone(phone(1)));
      assertThat(store.findList(ORG, theirList)).isEmpty();
      assertThat(store.lists(ORG)).isEmpty();
      assertThat(store.findContact(ORG, theirs.id())).isEmpty();
      assertThat(store.contactsByPhone(ORG, phone(1))).isEmpty();
      assertThat(store.findContactByPhone(ORG, theirList, phone(1))).isEmpty();
      assertThat(store.contacts(ORG, theirList, 0, 10)).isEmpty();
      assertThat(store.removeContact(ORG, theirs.id())).isFalse();
      assertThat(store.deleteList(ORG, theirList)).isFalse();
      assertThatThrownBy(() -> store.addContact(ORG, theirList, ContactDetails.ofPhone(phone(2))))
          .isInstanceOf(NotFoundException.class);
      assertThat(store.findContact(OTHER_ORG, theirs.id())).contains(theirs);
    }
  }

  @Nested
  @DisplayName("bulk import")
  class Imports {
    private List<ContactDetails> chunk(int from, int to) {
      return IntStream.range(from, to).mapToObj(i -> fullContact(phone(i))).toList();
    }

    @Test
    void aCompletedImportIsVisibleWithEveryContact() {
      ContactList list;
      try (ContactImport imp = store.beginImport(ORG, "Voters", NOW)) {
        imp.add(chunk(0, 2_500));
        imp.add(chunk(2_500, 5_000));
        list = imp.complete();
      }
      assertThat(list.name()).isEqualTo("Voters");
      assertThat(list.size()).isEqualTo(5_000);
      assertThat(store.findList(ORG, list.id())).contains(list);
      List<Contact> firstPage = store.contacts(ORG, list.id(), 0, 3);
      assertThat(firstPage)
          .extracting(Contact::phone)
          .containsExactly(phone(0), phone(1), phone(2));
      assertThat(firstPage.get(0).details()).isEqualTo(fullContact(phone(0)));
      assertThat(store.findContactByPhone(ORG, list.id(), phone(4_999))).isPresent();
    }

    @Test
    @DisplayName("an import in progress is invisible")
    void importInProgressIsInvisible() {
      try (ContactImport imp = store.beginImport(ORG, "Voters", NOW)) {
        imp.add(chunk(0, 10));
        assertThat(store.findList(ORG, imp.listId())).isEmpty();
        assertThat(store.lists(ORG)).isEmpty();
        assertThat(store.contactsByPhone(ORG, phone(3))).isEmpty();
        imp.complete();
      }
    }

    @Test
    @DisplayName("an aborted import leaves no list and no contact behind")
    void abortedImportLeavesNothing() {
      long listId;
      try (ContactImport imp = store.beginImport(ORG, "Voters", NOW)) {
        listId = imp.listId();
        imp.add(chunk(0, 3_000));
        imp.abort();
        imp.abort();
      }
      assertThat(store.findList(ORG, listId)).isEmpty();
      assertThat(store.lists(ORG)).isEmpty();
      assertThat(store.contactsByPhone(ORG, phone(1))).isEmpty();
      assertThat(store.contacts(ORG, listId, 0, 10)).isEmpty();
    }

    @Test
    @DisplayName("closing an import without completing it aborts it")
    void closingWithoutCompleteAborts() {
      long listId;
      try (ContactImport imp = store.beginImport(ORG, "Voters", NOW)) {
        listId = imp.listId();
        imp.add(chunk(0, 10));
      }
      assertThat(store.findList(ORG, listId)).isEmpty();
      assertThat(store.contactsByPhone(ORG, phone(1))).isEmpty();
    }

    @Test
    @DisplayName(
        "an import that wrote nothing for 15 minutes is removed by the next import, in any"
            + " organization, and its writer is refused")
    void anAbandonedImportIsRemovedByTheNextImport() {
      ContactImport abandoned = store.beginImport(ORG, "Crashed", NOW);
      abandoned.add(chunk(0, 3_000));
      Instant later = NOW.plus(ImportRule.ABANDONED_AFTER).plusSeconds(1);

      ContactList next;
      try (ContactImport imp = store.beginImport(OTHER_ORG, "Next", later)) {
        imp.add(List.of(ContactDetails.ofPhone(phone(1))));
        next = imp.complete();
      }

      String refusal = Refusals.importAbandoned(abandoned.listId()).getMessage();
      assertThatThrownBy(() -> abandoned.add(chunk(3_000, 3_010)))
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue())
          .hasMessage(refusal);
      assertThatThrownBy(abandoned::complete)
          .isInstanceOf(StoreException.class)
          .hasMessage(refusal);
      abandoned.close();
      assertThat(store.findList(ORG, abandoned.listId())).isEmpty();
      assertThat(store.lists(ORG)).isEmpty();
      assertThat(store.findList(OTHER_ORG, next.id())).contains(next);
      assertThat(next.createdAt()).isEqualTo(later);
    }

    @Test
    @DisplayName("an import that wrote within 15 minutes survives the next import and completes")
    void aLiveImportSurvivesTheNextImport() {
      ContactList list;
      try (ContactImport live = store.beginImport(ORG, "Live", NOW)) {
        live.add(chunk(0, 10));
        try (ContactImport other =
            store.beginImport(ORG, "Other", NOW.plus(ImportRule.ABANDONED_AFTER).minusSeconds(1))) {
          other.complete();
        }
        live.add(chunk(10, 20));
        list = live.complete();
      }
      assertThat(list.size()).isEqualTo(20);
      assertThat(list.createdAt()).isEqualTo(NOW);
      assertThat(store.findList(ORG, list.id())).contains(list);
    }

    @Test
    @DisplayName("custom fields named in any script keep their names and values")
    void nonLatinFieldNamesRoundTrip() {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("имя", "Анна");
      fields.put("名前", "花子");
      fields.put("이름", "지민");
      ContactDetails contact =
          new ContactDetails(
              phone(1),
              "",
              "",
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              fields);
      ContactList list;
      try (ContactImport imp = store.beginImport(ORG, "Voters", NOW)) {
        imp.add(List.of(contact));
        list = imp.complete();
      }
      assertThat(store.contacts(ORG, list.id(), 0, 10))
          .singleElement()
          .satisfies(c -> assertThat(c.details().fields()).containsExactlyEntriesOf(fields));
      assertThat(store.actions().listFieldNames(ORG, list.id()))
          .containsExactlyInAnyOrder("имя", "名前", "이름");
    }

    @Test
    void anEmptyImportCompletesAsAnEmptyList() {
      try (ContactImport imp = store.beginImport(ORG, "Empty", NOW)) {
        ContactList list = imp.complete();
        assertThat(list.size()).isZero();
        assertThat(store.findList(ORG, list.id())).contains(list);
      }
    }

    @Test
    void anImportedListAcceptsSinglesAfterwardsAndRefusesItsPhones() {
      ContactList list;
      try (ContactImport imp = store.beginImport(ORG, "Voters", NOW)) {
        imp.add(chunk(0, 10));
        list = imp.complete();
      }
      long listId = list.id();
      store.addContact(ORG, listId, ContactDetails.ofPhone(phone(10)));
      assertThatThrownBy(() -> store.addContact(ORG, listId, ContactDetails.ofPhone(phone(3))))
          .isInstanceOf(ValidationException.class);
      assertThat(store.findList(ORG, listId).map(ContactList::size)).contains(11L);
    }
  }

  @Nested
  @DisplayName("messages")
  class Messages extends MessageStoreContract {
    @Override
    Store store() {
      return store;
    }
  }

  @Nested
  @DisplayName("sender numbers")
  class SenderNumbers extends SenderBindingContract {
    @Override
    Store store() {
      return store;
    }
  }

  @Nested
  @DisplayName("drafts of every shape through P2P")
  class ScriptShapes extends ScriptShapesContract {
    @Override
    Store store() {
      return store;
    }
  }

  @Nested
  @DisplayName("webhooks through P2P")
  class WebhooksThroughP2P extends WebhookPipelineContract {
    @Override
    Store store() {
      return store;
    }
  }

  @Nested
  @DisplayName("a CSV import through P2P")
  class ImportThroughP2P {
    private final ContactCsvGenerator csv =
        ContactCsvGenerator.builder().rows(12_000).seed(11).build();

    private dev.p2p.contact.Contacts contacts() {
      return P2P.builder().store(store).build().organization(ORG).contacts();
    }

    private ImportReport importGenerated(dev.p2p.contact.Contacts contacts) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      csv.writeTo(out);
      return contacts.importCsv(
          "Generated",
          new ByteArrayInputStream(out.toByteArray()),
          ImportOptions.defaults(),
          progress -> {});
    }

    @Test
    @DisplayName("stores exactly the unique valid rows, in file order, and reports the rest")
    void storesTheUniqueValidRows() {
      dev.p2p.contact.Contacts contacts = contacts();
      ImportReport report = importGenerated(contacts);
      ContactCsvGenerator.Counts expected = csv.expected();
      assertThat(report.rowsRead()).isEqualTo(expected.rowsRead());
      assertThat(report.imported()).isEqualTo(expected.imported());
      assertThat(report.duplicates()).isEqualTo(expected.duplicates());
      assertThat(report.invalid()).isEqualTo(expected.invalid());
      long listId = report.listId().orElseThrow();
      assertThat(store.findList(ORG, listId).map(ContactList::size)).contains(expected.imported());
      List<Contact> firstPage = store.contacts(ORG, listId, 0, 1_000);
      assertThat(firstPage).extracting(Contact::phone).doesNotHaveDuplicates();
      assertThat(firstPage).allSatisfy(c -> assertThat(c.phone()).matches("\\+1[2-9]\\d{9}"));
    }

    @Test
    @DisplayName("a failure midway leaves no list behind")
    void failureMidwayLeavesNoList() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      csv.writeTo(out);
      byte[] bytes = out.toByteArray();
      InputStream breaking =
          new FilterInputStream(new ByteArrayInputStream(bytes)) {
            private long read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
              if (read > bytes.length * 3L / 4) {
                throw new IOException("connection reset");
              }
              int n = super.read(b, off, Math.min(len, 4_096));
              read += Math.max(n, 0);
              return n;
            }
          };
      dev.p2p.contact.Contacts contacts = contacts();
      assertThatThrownBy(
              () -> contacts.importCsv("Broken", breaking, ImportOptions.defaults(), p -> {}))
          .hasMessageContaining("rolled back");
      assertThat(store.lists(ORG)).isEmpty();
      assertThat(contacts.lists()).isEmpty();
    }
  }

  @Nested
  @DisplayName("the rulebook through P2P: one answer on every store")
  class Rulebook extends RulebookContract {
    @Override
    Store store() {
      return StoreContract.this.store;
    }
  }

  @Nested
  @DisplayName("blocked phones: neither waiting nor in the remaining cost, on every store")
  class BlockedContacts extends BlockedContactsContract {
    @Override
    Store store() {
      return StoreContract.this.store;
    }
  }

  @Nested
  @DisplayName("the federal quiet-hours floor and its waiver, on every store")
  class QuietHours extends QuietHoursContract {
    @Override
    Store store() {
      return StoreContract.this.store;
    }
  }

  @Nested
  @DisplayName("tags, custom fields and actions")
  class Actions extends ActionStoreContract {
    @Override
    Store store() {
      return StoreContract.this.store;
    }
  }

  @Nested
  @DisplayName("assignment: pools, claims, splits, targets")
  class Assignment extends AssignmentStoreContract {
    @Override
    Store store() {
      return StoreContract.this.store;
    }
  }

  @Nested
  @DisplayName("opt-outs and invalid phones")
  class OptOuts extends OptOutStoreContract {
    @Override
    Store store() {
      return StoreContract.this.store;
    }
  }

  @Nested
  @DisplayName("conversations: sends, updates, inboxes, inbound messages")
  class Texting extends TextingContract {
    @Override
    Store store() {
      return StoreContract.this.store;
    }
  }

  @Nested
  @DisplayName("lookups: by phone, within an action and across the organization; a texter's unsent")
  class Lookups extends LookupContract {
    @Override
    Store store() {
      return StoreContract.this.store;
    }
  }

  @Nested
  @DisplayName("the event feed")
  class EventFeed extends EventContract {
    @Override
    Store store() {
      return StoreContract.this.store;
    }
  }

  @Nested
  @DisplayName("reports and exports")
  class Reporting extends ReportContract {
    @Override
    Store store() {
      return StoreContract.this.store;
    }
  }

  @Nested
  @DisplayName("inputs bounded and normalized in core")
  class Inputs extends InputContract {
    @Override
    Store store() {
      return StoreContract.this.store;
    }
  }
}
