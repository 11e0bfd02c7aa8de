package dev.p2p.store.jdbc;

import dev.p2p.store.Store;
import dev.p2p.testkit.TextingScenarioContract;
import java.util.UUID;

/** The texting scenario on a fresh in-memory H2 database. */
class H2TextingScenarioTest extends TextingScenarioContract {
  @Override
  protected Store createStore() {
    return JdbcStore.h2InMemory("scenario-" + UUID.randomUUID());
  }
}
