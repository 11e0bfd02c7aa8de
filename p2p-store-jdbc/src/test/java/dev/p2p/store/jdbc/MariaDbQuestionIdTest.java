package dev.p2p.store.jdbc;

import dev.p2p.store.Store;
import dev.p2p.testkit.QuestionIdContract;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The question-id contract on MariaDB, a database per test; runs with {@code -Pdatabases}. */
@EnabledIfSystemProperty(named = "p2p.databases", matches = "true")
class MariaDbQuestionIdTest extends QuestionIdContract {
  @RegisterExtension final ScratchDatabase database = ScratchDatabase.mariadb();

  @Override
  protected Store createStore() {
    return JdbcStore.of(database.url()); // pooled, as an app node runs it
  }
}
