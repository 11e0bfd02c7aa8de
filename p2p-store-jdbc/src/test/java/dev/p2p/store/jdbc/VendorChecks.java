package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ContactList;
import dev.p2p.store.ContactImport;
import dev.p2p.texter.GroupKind;
import dev.p2p.texter.TexterProfile;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Checks beyond the store contract that every database runs: H2, PostgreSQL and MariaDB. */
final class VendorChecks {
  private static final Instant NOW = Instant.parse("2026-11-03T14:00:00Z");

  private VendorChecks() {}

  /** A contact whose text needs escaping in every wire format: quotes, commas, newlines. */
  static ContactDetails awkwardContact() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("note", "line one\nline \"two\", \\N\ttab");
    fields.put("empty", "");
    return new ContactDetails(
        "+13125550100",
        "\"Ana\", María",
        "O'Brien\r\n",
        Optional.of(""),
        Optional.of(ZoneOffset.ofHours(-5)),
        Optional.empty(),
        Optional.of("IL"),
        Optional.of("\\N"),
        fields);
  }

  /** Imports awkward and empty-string values and reads them back unchanged. */
  static void importRoundTripsAwkwardText(JdbcStore store) {
    store.ensureOrganization("acme", NOW);
    ContactList list;
    try (ContactImport imp = store.beginImport("acme", "Awkward", NOW)) {
      imp.add(List.of(awkwardContact(), ContactDetails.ofPhone("+13125550101")));
      list = imp.complete();
    }
    assertThat(list.size()).isEqualTo(2);
    assertThat(store.contacts("acme", list.id(), 0, 10))
        .extracting(Contact::details)
        .containsExactly(awkwardContact(), ContactDetails.ofPhone("+13125550101"));
  }

  /**
   * Threads adding contacts to one list at once: every distinct phone lands, each contested phone
   * exactly once, and the list's size counts them all.
   */
  static void concurrentAddsKeepCountAndUniqueness(JdbcStore store) throws Exception {
    store.ensureOrganization("acme", NOW);
    long listId = store.createList("acme", "Race", NOW).id();
    int threads = 6;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  int refused = 0;
                  for (int i = 0; i < perThread; i++) {
                    String own = String.format("+1312555%02d%02d", thread, i);
                    store.addContact("acme", listId, ContactDetails.ofPhone(own));
                    String shared = String.format("+1313555%04d", i);
                    try {
                      store.addContact("acme", listId, ContactDetails.ofPhone(shared));
                    } catch (ValidationException e) {
                      refused++;
                    }
                  }
                  return refused;
                }));
      }
      start.countDown();
      int refused = 0;
      for (Future<Integer> result : results) {
        refused += result.get(60, TimeUnit.SECONDS);
      }
      assertThat(refused).isEqualTo((threads - 1) * perThread);
      assertThat(store.findList("acme", listId).map(ContactList::size))
          .contains((long) threads * perThread + perThread);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Writes for an organization that was never ensured are refused as not found. */
  static void writesToAnUnknownOrganizationAreNotFound(JdbcStore store) {
    assertThatThrownBy(() -> store.createList("nobody", "GOTV", NOW))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("organization nobody");
    assertThatThrownBy(() -> store.upsertTexter("nobody", new TexterProfile("ana", "Ana", "")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> store.upsertGroup("nobody", GroupKind.TEAM, "vols", "Volunteers"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> store.beginImport("nobody", "Voters", NOW))
        .isInstanceOf(NotFoundException.class);
  }
}
