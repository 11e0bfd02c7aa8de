package dev.p2p.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.NotFoundException;
import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.Page;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.store.memory.InMemoryStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactsTest {
  private Contacts contacts;

  @BeforeEach
  void setUp() {
    Organization org = P2P.builder().store(InMemoryStore.create()).build().organization("acme");
    contacts = org.contacts();
  }

  private static InputStream csv(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("a contact added through the API is normalized to E.164 and placed by its ZIP")
  void addNormalizes() {
    long listId = contacts.createList("Voters").id();
    Contact c =
        contacts.add(
            listId,
            NewContact.builder("(312) 555-0101")
                .firstName("Ana")
                .zip("60601")
                .field("Polling Place", "City Hall")
                .build());
    assertThat(c.phone()).isEqualTo("+13125550101");
    assertThat(c.details().timeZone()).contains(ZoneId.of("America/Chicago"));
    assertThat(c.details().zipState()).contains("IL");
    assertThat(c.details().fields()).containsEntry("pollingPlace", "City Hall");
  }

  @Test
  @DisplayName(
      "a contact with several problems is refused listing every one, and nothing is stored")
  void addListsEveryProblem() {
    long listId = contacts.createList("Voters").id();
    NewContact bad =
        NewContact.builder("12").firstName("x".repeat(1_001)).timeZone("Mars/Olympus").build();
    assertThatThrownBy(() -> contacts.add(listId, bad))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .contains("phone", "firstName", "timeZone"));
    assertThat(contacts.list(listId).orElseThrow().size()).isZero();
  }

  @Test
  void aPhoneIsFoundWhateverItsFormat() {
    long listId = contacts.createList("Voters").id();
    Contact c = contacts.add(listId, NewContact.builder("+1 312 555 0101").build());
    assertThat(contacts.findByPhone(listId, "312.555.0101")).contains(c);
    assertThat(contacts.findByPhone("(312) 555-0101")).containsExactly(c);
  }

  @Test
  void addingAPhoneTwiceToAListIsRefused() {
    long listId = contacts.createList("Voters").id();
    contacts.add(listId, NewContact.builder("312-555-0101").build());
    assertThatThrownBy(() -> contacts.add(listId, NewContact.builder("+13125550101").build()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("phone")
        .hasMessageNotContaining("5550101");
  }

  @Test
  void pagingWalksTheWholeListOnce() {
    long listId = contacts.createList("Voters").id();
    for (int i = 0; i < 25; i++) {
      contacts.add(listId, NewContact.builder(String.format("312555%04d", i + 100)).build());
    }
    List<Contact> seen = new ArrayList<>();
    Page<Contact> page = contacts.page(listId, 10);
    seen.addAll(page.items());
    while (page.hasNext()) {
      page = contacts.page(listId, page.next().orElseThrow(), 10);
      seen.addAll(page.items());
    }
    assertThat(seen).hasSize(25).doesNotHaveDuplicates();
  }

  @Test
  void pagingAnUnknownListIsNotFound() {
    assertThatThrownBy(() -> contacts.page(42, 10)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aBadCursorIsRefused() {
    long listId = contacts.createList("Voters").id();
    assertThatThrownBy(() -> contacts.page(listId, "abc", 10))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cursor");
  }

  @Test
  void aListNeedsAName() {
    assertThatThrownBy(() -> contacts.createList("  "))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("name");
  }

  @Test
  @DisplayName("an import stores the valid, first-seen rows as a new list")
  void importStoresANewList() {
    ImportReport report =
        contacts.importCsv(
            "GOTV",
            csv(
                "phone,first name,Polling Place\n312-555-0101,Ana,Hall\n12,Bad,\n(312) 555-0101,Dup,\n"),
            ImportOptions.defaults(),
            p -> {});
    long listId = report.listId().orElseThrow();
    assertThat(report.imported()).isEqualTo(1);
    assertThat(report.invalid()).isEqualTo(1);
    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(contacts.list(listId).orElseThrow().name()).isEqualTo("GOTV");
    Contact ana = contacts.findByPhone(listId, "3125550101").orElseThrow();
    assertThat(ana.details().firstName()).isEqualTo("Ana");
    assertThat(ana.details().fields()).containsEntry("pollingPlace", "Hall");
  }

  @Test
  @DisplayName("an import with no phone column fails and leaves no list behind")
  void fatalImportLeavesNoList() {
    assertThatThrownBy(
            () ->
                contacts.importCsv(
                    "GOTV", csv("name,zip\nAna,60601\n"), ImportOptions.defaults(), p -> {}))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("phone");
    assertThat(contacts.lists()).isEmpty();
  }

  @Test
  @DisplayName("bytes that are not UTF-8 fail the import and leave no list behind")
  void nonUtf8LeavesNoList() {
    byte[] latin1 =
        "phone,first_name\n3125550101,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(
            () ->
                contacts.importCsv(
                    "GOTV", new ByteArrayInputStream(latin1), ImportOptions.defaults(), p -> {}))
        .hasMessageContaining("UTF-8");
    assertThat(contacts.lists()).isEmpty();
  }

  @Test
  @DisplayName("an I/O failure midway leaves no list behind")
  void ioFailureLeavesNoList() {
    StringBuilder text = new StringBuilder("phone\n");
    for (int i = 0; i < 20_000; i++) {
      text.append(String.format("312555%04d%n", i % 10_000));
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    InputStream failing =
        new InputStream() {
          private int pos;

          @Override
          public int read() throws IOException {
            if (pos >= bytes.length / 2) {
              throw new IOException("disk unplugged");
            }
            return bytes[pos++];
          }
        };
    assertThatThrownBy(() -> contacts.importCsv("GOTV", failing, ImportOptions.defaults(), p -> {}))
        .isInstanceOf(dev.p2p.P2PException.class);
    assertThat(contacts.lists()).isEmpty();
  }

  @Test
  @DisplayName("a progress callback that throws does not stop the import")
  void throwingProgressIsIgnored() {
    ImportReport report =
        contacts.importCsv(
            "GOTV",
            csv("phone\n3125550101\n3125550102\n"),
            ImportOptions.defaults(),
            p -> {
              throw new IllegalStateException("UI gone");
            });
    assertThat(report.imported()).isEqualTo(2);
  }

  @Test
  @DisplayName("checking a CSV reports what an import would do and stores nothing")
  void checkStoresNothing(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("voters.csv");
    Files.writeString(file, "phone\n3125550101\nnope\n");
    ImportReport report = contacts.checkCsv(file, ImportOptions.defaults());
    assertThat(report.listId()).isEmpty();
    assertThat(report.imported()).isEqualTo(1);
    assertThat(report.invalid()).isEqualTo(1);
    assertThat(report.errors()).extracting(RowError::row).containsExactly(3L);
    assertThat(contacts.lists()).isEmpty();
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> contacts.importCsv("GOTV", dir.resolve("nope.csv")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("file");
  }
}
