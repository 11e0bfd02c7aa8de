package dev.p2p.testkit;

import dev.p2p.store.Store;
import dev.p2p.store.memory.InMemoryStore;

/** Runs the store contract on the in-memory store. */
class InMemoryStoreContractTest extends StoreContract {
  @Override
  protected Store createStore() {
    return InMemoryStore.create();
  }
}
