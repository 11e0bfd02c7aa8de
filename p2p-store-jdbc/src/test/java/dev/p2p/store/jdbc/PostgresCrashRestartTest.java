package dev.p2p.store.jdbc;

import dev.p2p.store.Store;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Crash and restart on PostgreSQL: each node opens its own pool on the test's schema. Runs with
 * {@code -Pdatabases}.
 */
@EnabledIfSystemProperty(named = "p2p.databases", matches = "true")
class PostgresCrashRestartTest extends CrashRestartCheck {
  @RegisterExtension final ScratchDatabase database = ScratchDatabase.postgres();

  @Override
  Store openStore() {
    return JdbcStore.of(database.url());
  }
}
