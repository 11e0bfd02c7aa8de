package dev.p2p.testkit;

import dev.p2p.store.InMemoryStore;
import dev.p2p.store.Store;

class InMemoryTextingScenarioTest extends TextingScenarioContract {
  @Override
  protected Store createStore() {
    return InMemoryStore.create();
  }
}
