package dev.p2p.store.jdbc;

import dev.p2p.store.Store;
import dev.p2p.testkit.PagingContract;
import java.util.UUID;

/** The paging contract on a fresh in-memory H2 database. */
class H2PagingTest extends PagingContract {
  @Override
  protected Store createStore() {
    return JdbcStore.h2InMemory("paging-" + UUID.randomUUID());
  }
}
