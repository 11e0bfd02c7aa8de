package dev.p2p.store.jdbc;

import dev.p2p.store.Store;
import dev.p2p.testkit.ParityContract;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The parity day on PostgreSQL, a schema per test, against the in-memory store; runs with {@code
 * -Pdatabases}.
 */
@EnabledIfSystemProperty(named = "p2p.databases", matches = "true")
class PostgresParityTest extends ParityContract {
  @RegisterExtension final ScratchDatabase database = ScratchDatabase.postgres();

  @Override
  protected Store createStore() {
    return JdbcStore.of(database.url()); // pooled, as an app node runs it
  }
}
