package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ContactList;
import dev.p2p.texter.TexterProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2FileStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-03T14:00:00Z");

  @TempDir Path dir;

  @Test
  void dataSurvivesCloseAndReopen() {
    Path folder = dir.resolve("not-yet/p2p-data");
    ContactList list;
    Contact contact;
    try (JdbcStore store = JdbcStore.h2(folder)) {
      store.ensureOrganization("acme", NOW);
      store.upsertTexter("acme", new TexterProfile("ana", "Ana", ""));
      list = store.createList("acme", "GOTV", NOW);
      contact = store.addContact("acme", list.id(), ContactDetails.ofPhone("+13125550001"));
    }
    assertThat(Files.isDirectory(folder)).isTrue();

    try (JdbcStore reopened = JdbcStore.h2(folder)) {
      assertThat(reopened.findTexter("acme", "ana")).isPresent();
      assertThat(reopened.findList("acme", list.id()))
          .contains(new ContactList(list.id(), "GOTV", 1, NOW));
      assertThat(reopened.findContact("acme", contact.id())).contains(contact);
    }
  }

  @Test
  void anInMemoryDatabaseIsGoneAfterClose() {
    try (JdbcStore store = JdbcStore.h2InMemory("forgotten")) {
      store.ensureOrganization("acme", NOW);
      store.createList("acme", "GOTV", NOW);
    }
    try (JdbcStore again = JdbcStore.h2InMemory("forgotten")) {
      again.ensureOrganization("acme", NOW);
      assertThat(again.lists("acme")).isEmpty();
    }
  }
}
