package dev.p2p.store.jdbc;

import dev.p2p.store.Store;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The webhook storm on PostgreSQL, pooled as an app node runs it; runs with {@code -Pdatabases}.
 */
@EnabledIfSystemProperty(named = "p2p.databases", matches = "true")
class PostgresWebhookStormTest extends WebhookStormContract {
  @RegisterExtension final ScratchDatabase database = ScratchDatabase.postgres();

  @Override
  protected Store createStore() {
    return JdbcStore.of(database.url());
  }

  @Override
  protected int contacts() {
    return 5_000;
  }
}
