package dev.p2p.store.jdbc;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Store failures on MariaDB, a database per test. Runs with {@code -Pdatabases}. */
@EnabledIfSystemProperty(named = "p2p.databases", matches = "true")
class MariaDbStoreFailureTest extends StoreFailureScenario {
  @RegisterExtension final ScratchDatabase database = ScratchDatabase.mariadb();

  @Override
  String url() {
    return database.url();
  }

  @Override
  String shortLockTimeout() {
    return "SET innodb_lock_wait_timeout = 1";
  }
}
