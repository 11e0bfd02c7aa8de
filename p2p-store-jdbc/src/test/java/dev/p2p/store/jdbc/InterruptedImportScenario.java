package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.P2P;
import dev.p2p.StoreException;
import dev.p2p.contact.ContactList;
import dev.p2p.contact.Contacts;
import dev.p2p.contact.ImportReport;
import dev.p2p.store.support.ImportRule;
import dev.p2p.testkit.ContactCsvGenerator;
import dev.p2p.testkit.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node stops mid-import: its connection to the database is lost after a few chunks are committed,
 * and the {@code P2P} instance and its connections are abandoned, never closed. A new node on the
 * same database then re-runs the import. The reliability suite's "crash and restart" item, import
 * half; each database runs it through a short subclass.
 */
abstract class InterruptedImportScenario {
  /** Rows of the file imported: six chunks of the importer's 5,000. */
  static final long ROWS = 30_000;

  private final MutableClock clock = MutableClock.at("2026-11-03T16:00:00Z");

  @TempDir Path dir;

  /** The database, fresh for each test; it outlives the nodes. */
  abstract DataSource database();

  private P2P node(DataSource dataSource) {
    return P2P.builder().store(JdbcStore.of(dataSource)).clock(clock).build();
  }

  @Test
  @DisplayName(
      "a node stopped mid-import leaves nothing visible; the re-run import adds no duplicate"
          + " contact; the next import after 15 minutes removes the dead rows")
  void nodeStoppedMidImport() throws Exception {
    Path csv = dir.resolve("voters.csv");
    ContactCsvGenerator.Counts expected =
        ContactCsvGenerator.builder().rows(ROWS).seed(17).build().writeTo(csv);
    long started = System.nanoTime();

    CuttableDataSource lost = new CuttableDataSource(database());
    Contacts dying = node(lost).organization("acme").contacts();
    lost.cutAfterCommits(4);
    assertThatThrownBy(() -> dying.importCsv("GOTV", csv))
        .as("a lost connection: try again")
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(lost.isCut()).isTrue();
    // The dying node is abandoned as it is: never closed.

    clock.advance(Duration.ofMinutes(1));
    Contacts restarted = node(database()).organization("acme").contacts();
    long dead = count("SELECT COUNT(*) FROM contacts WHERE list_id IN" + IMPORTING_LISTS);
    assertThat(dead).as("committed rows of the lost import").isPositive();
    assertThat(restarted.lists()).isEmpty();

    ImportReport rerun = restarted.importCsv("GOTV", csv);

    assertThat(rerun.imported()).isEqualTo(expected.imported());
    List<ContactList> lists = restarted.lists();
    assertThat(lists).singleElement().extracting(ContactList::size).isEqualTo(rerun.imported());
    assertThat(count(VISIBLE_PHONES_TWICE)).as("phones stored twice in visible lists").isZero();
    String firstPhone = restarted.page(lists.get(0).id(), 1).items().get(0).phone();
    assertThat(restarted.findByPhone(firstPhone)).hasSize(1);

    clock.advance(ImportRule.ABANDONED_AFTER);
    ImportReport next = restarted.importCsv("Next", smallFile());

    assertThat(next.imported()).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM contact_lists WHERE status = 'IMPORTING'")).isZero();
    assertThat(count("SELECT COUNT(*) FROM contacts")).isEqualTo(rerun.imported() + 1);
    assertThat(restarted.lists()).hasSize(2).contains(lists.get(0));
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    System.out.printf(
        "[reliability] %s: %d rows, cut after 4 commits, %d dead contact rows left; re-run"
            + " imported %d, 0 phones twice; dead rows after the next import: 0; %d ms%n",
        getClass().getSimpleName(), ROWS, dead, rerun.imported(), millis);
  }

  private static final String IMPORTING_LISTS =
      " (SELECT id FROM contact_lists WHERE status = 'IMPORTING')";

  private static final String VISIBLE_PHONES_TWICE =
      "SELECT COUNT(*) FROM (SELECT c.org_id, c.phone FROM contacts c"
          + " JOIN contact_lists l ON l.id = c.list_id WHERE l.status = 'READY'"
          + " GROUP BY c.org_id, c.phone HAVING COUNT(*) > 1) twice";

  private Path smallFile() throws IOException {
    Path file = dir.resolve("one.csv");
    Files.writeString(file, "phone\n+13125550199\n", StandardCharsets.UTF_8);
    return file;
  }

  private long count(String sql) throws SQLException {
    try (Connection c = database().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
