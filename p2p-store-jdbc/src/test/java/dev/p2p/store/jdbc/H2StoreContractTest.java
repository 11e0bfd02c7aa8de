package dev.p2p.store.jdbc;

import dev.p2p.store.Store;
import dev.p2p.testkit.StoreContract;
import java.util.UUID;

/** The store contract on a fresh in-memory H2 database per test. */
class H2StoreContractTest extends StoreContract {
  @Override
  protected Store createStore() {
    return JdbcStore.h2InMemory("contract-" + UUID.randomUUID());
  }
}
