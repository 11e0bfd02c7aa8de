package dev.p2p.store.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The interrupted import on PostgreSQL, a schema per test. Runs with {@code -Pdatabases}. */
@EnabledIfSystemProperty(named = "p2p.databases", matches = "true")
class PostgresInterruptedImportTest extends InterruptedImportScenario {
  @RegisterExtension final ScratchDatabase database = ScratchDatabase.postgres();

  @Override
  DataSource database() {
    return database.dataSource();
  }
}
