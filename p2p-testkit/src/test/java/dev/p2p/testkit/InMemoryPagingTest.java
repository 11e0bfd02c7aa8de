package dev.p2p.testkit;

import dev.p2p.store.Store;
import dev.p2p.store.memory.InMemoryStore;

class InMemoryPagingTest extends PagingContract {
  @Override
  protected Store createStore() {
    return InMemoryStore.create();
  }
}
