package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ContactList;
import dev.p2p.store.ContactImport;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks shared by the PostgreSQL and MariaDB test classes, beyond the store contract. */
final class ServerStoreChecks {
  private static final Instant NOW = Instant.parse("2026-11-03T14:00:00Z");

  private ServerStoreChecks() {}

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
}
