package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.StoreException;
import java.sql.SQLException;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Store failures on H2, and those every database reports alike. */
class H2StoreFailureTest extends StoreFailureScenario {
  private final String name = "failures-" + UUID.randomUUID();

  @Override
  String url() {
    return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
  }

  @Override
  String shortLockTimeout() {
    return "SET LOCK_TIMEOUT 200";
  }

  @Test
  @DisplayName("a connection lost in the middle of a transaction is retryable")
  void lostConnectionIsRetryable() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + "-cut;DB_CLOSE_DELAY=-1");
    CuttableDataSource cuttable = new CuttableDataSource(h2);
    try (JdbcStore store = JdbcStore.of(cuttable)) {
      store.ensureOrganization(ORG, NOW);
      // The next operation's commit goes through, then the network goes: the one after it loses
      // its connection when its transaction begins.
      cuttable.cutAfterCommits(1);
      store.upsertTexter(ORG, ANA);
      assertThatThrownBy(() -> store.upsertTexter(ORG, ANA))
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue());
    }
  }

  @Test
  @DisplayName("a value the database refuses is not retryable: the same call would fail again")
  void dataErrorIsNotRetryable() {
    assertThatThrownBy(() -> store().ensureOrganization("x".repeat(200), NOW))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("SQLState 22001")
        .hasMessageContaining("see the cause")
        .hasCauseInstanceOf(SQLException.class);
  }
}
