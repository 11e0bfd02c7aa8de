package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.store.Store;
import dev.p2p.testkit.StoreContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store contract on PostgreSQL, a schema per test. Runs with {@code -Pdatabases}; then an
 * unreachable server fails the build.
 */
@EnabledIfSystemProperty(named = "p2p.databases", matches = "true")
class PostgresStoreContractTest extends StoreContract {
  @RegisterExtension final ScratchDatabase database = ScratchDatabase.postgres();

  @Override
  protected Store createStore() {
    return JdbcStore.of(database.dataSource());
  }

  @Test
  @DisplayName("imports use COPY, which keeps quotes, newlines, backslashes and empty strings")
  void importsWithCopy() {
    JdbcStore jdbc = (JdbcStore) store;
    assertThat(jdbc.contactWriter()).isInstanceOf(PgCopyWriter.class);
    VendorChecks.importRoundTripsAwkwardText(jdbc);
  }

  @Test
  void opensFromAJdbcUrlWithItsOwnPool() {
    try (JdbcStore fromUrl = JdbcStore.of(database.url())) {
      VendorChecks.importRoundTripsAwkwardText(fromUrl);
    }
  }

  @Test
  void concurrentAddsKeepCountAndUniqueness() throws Exception {
    VendorChecks.concurrentAddsKeepCountAndUniqueness((JdbcStore) store);
  }

  @Test
  void concurrentEarlyStatusesPark() throws Exception {
    VendorChecks.concurrentEarlyStatusesPark((JdbcStore) store);
  }

  @Test
  void statusParkedWhileReceiptCommitsIsApplied() throws Exception {
    VendorChecks.statusParkedWhileReceiptCommitsIsApplied(
        (JdbcStore) store,
        database.dataSource(),
        "SELECT pg_backend_pid()",
        "SELECT COUNT(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))");
  }

  @Test
  void receiptsAndStatusesRacing() throws Exception {
    VendorChecks.receiptsAndStatusesRacing((JdbcStore) store);
  }

  @Test
  void writesToAnUnknownOrganizationAreNotFound() {
    VendorChecks.writesToAnUnknownOrganizationAreNotFound((JdbcStore) store);
  }
}
