package dev.p2p.store.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The interrupted import on MariaDB, a database per test. Runs with {@code -Pdatabases}. */
@EnabledIfSystemProperty(named = "p2p.databases", matches = "true")
class MariaDbInterruptedImportTest extends InterruptedImportScenario {
  @RegisterExtension final ScratchDatabase database = ScratchDatabase.mariadb();

  @Override
  DataSource database() {
    return database.dataSource();
  }
}
