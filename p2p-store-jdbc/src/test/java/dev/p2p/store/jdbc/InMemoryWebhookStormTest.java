package dev.p2p.store.jdbc;

import dev.p2p.store.Store;
import dev.p2p.store.memory.InMemoryStore;

/** The webhook storm on the in-memory store: 10,000 messages. */
class InMemoryWebhookStormTest extends WebhookStormContract {
  @Override
  protected Store createStore() {
    return InMemoryStore.create();
  }

  @Override
  protected int contacts() {
    return 5_000;
  }
}
