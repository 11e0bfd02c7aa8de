package dev.p2p.store.jdbc;

import dev.p2p.store.Store;
import dev.p2p.testkit.StoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store contract on MariaDB, a database per test. Runs with {@code -Pdatabases}; then an
 * unreachable server fails the build.
 */
@EnabledIfSystemProperty(named = "p2p.databases", matches = "true")
class MariaDbStoreContractTest extends StoreContract {
  @RegisterExtension final ScratchDatabase database = ScratchDatabase.mariadb();

  @Override
  protected Store createStore() {
    return JdbcStore.of(database.dataSource());
  }

  @Test
  void importsKeepAwkwardText() {
    VendorChecks.importRoundTripsAwkwardText((JdbcStore) store);
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
  void receiptsAndStatusesRacing() throws Exception {
    VendorChecks.receiptsAndStatusesRacing((JdbcStore) store);
  }

  @Test
  void writesToAnUnknownOrganizationAreNotFound() {
    VendorChecks.writesToAnUnknownOrganizationAreNotFound((JdbcStore) store);
  }
}
