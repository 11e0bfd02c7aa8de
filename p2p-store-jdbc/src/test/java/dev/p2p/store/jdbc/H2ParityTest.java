package dev.p2p.store.jdbc;

import dev.p2p.store.Store;
import dev.p2p.testkit.ParityContract;
import java.util.UUID;

/** The parity day on a fresh in-memory H2 database, against the in-memory store. */
class H2ParityTest extends ParityContract {
  @Override
  protected Store createStore() {
    return JdbcStore.h2InMemory("parity-" + UUID.randomUUID());
  }
}
