package dev.p2p.store.jdbc;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Store failures on PostgreSQL, a schema per test. Runs with {@code -Pdatabases}. */
@EnabledIfSystemProperty(named = "p2p.databases", matches = "true")
class PostgresStoreFailureTest extends StoreFailureScenario {
  @RegisterExtension final ScratchDatabase database = ScratchDatabase.postgres();

  @Override
  String url() {
    return database.url();
  }

  @Override
  String shortLockTimeout() {
    return "SET lock_timeout = 200";
  }
}
