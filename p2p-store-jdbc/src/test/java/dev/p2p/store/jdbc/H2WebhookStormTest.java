package dev.p2p.store.jdbc;

import dev.p2p.store.Store;
import java.util.UUID;

/** The webhook storm on a fresh in-memory H2 database: 10,000 messages. */
class H2WebhookStormTest extends WebhookStormContract {
  @Override
  protected Store createStore() {
    return JdbcStore.h2InMemory("storm-" + UUID.randomUUID());
  }

  @Override
  protected int contacts() {
    return 5_000;
  }
}
