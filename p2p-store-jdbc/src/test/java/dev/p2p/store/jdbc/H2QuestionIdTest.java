package dev.p2p.store.jdbc;

import dev.p2p.store.Store;
import dev.p2p.testkit.QuestionIdContract;
import java.util.UUID;

/** The question-id contract on a fresh in-memory H2 database. */
class H2QuestionIdTest extends QuestionIdContract {
  @Override
  protected Store createStore() {
    return JdbcStore.h2InMemory("questions-" + UUID.randomUUID());
  }
}
