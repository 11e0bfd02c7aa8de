package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.p2p.StoreException;
import dev.p2p.texter.TexterProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a caller is told when the database fails under a {@link JdbcStore}: a {@link StoreException}
 * whose {@link StoreException#retryable()} says whether trying again may work. Each database runs
 * it through a short subclass.
 */
abstract class StoreFailureScenario {
  static final String ORG = "acme";
  static final Instant NOW = Instant.parse("2026-11-03T14:00:00Z");
  static final TexterProfile ANA = new TexterProfile("ana", "Ana", "Diaz");

  private HikariDataSource pool;
  private JdbcStore store;

  /** The JDBC URL of an empty database for this test. */
  abstract String url();

  /** The statement that makes a connection give up waiting for a row lock within a second. */
  abstract String shortLockTimeout();

  /** Opens the store on a pool whose connections give up waiting for a lock soon. */
  JdbcStore store() {
    if (store == null) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url());
      config.setMaximumPoolSize(4);
      config.setConnectionInitSql(shortLockTimeout());
      pool = new HikariDataSource(config);
      store = JdbcStore.of(pool);
      store.ensureOrganization(ORG, NOW);
      store.upsertTexter(ORG, ANA);
    }
    return store;
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
      pool.close();
    }
  }

  @Test
  @DisplayName("a write that times out waiting for another transaction's row lock is retryable")
  void lockTimeoutIsRetryable() throws SQLException {
    JdbcStore store = store();
    try (Connection locker = pool.getConnection()) {
      locker.setAutoCommit(false);
      try (PreparedStatement lock =
          locker.prepareStatement(
              "UPDATE texters SET first_name = 'Ann' WHERE org_id = ? AND id = ?")) {
        lock.setString(1, ORG);
        lock.setString(2, ANA.id());
        assertThat(lock.executeUpdate()).isOne();
      }
      assertThatThrownBy(() -> store.upsertTexter(ORG, ANA))
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue())
          .hasMessageStartingWith("Could not ")
          .hasMessageContaining("SQLState")
          .hasMessageContaining("try again")
          .hasMessageNotContaining("Diaz")
          .hasCauseInstanceOf(SQLException.class);
      locker.rollback();
    }
    store.upsertTexter(ORG, ANA); // the same call, tried again, goes through
    assertThat(store.findTexter(ORG, ANA.id())).contains(ANA);
  }

  @Test
  @DisplayName("a call on a closed connection pool is retryable: nothing was written")
  void closedPoolIsRetryable() {
    JdbcStore store = store();
    pool.close();
    assertThatThrownBy(() -> store.upsertTexter(ORG, ANA))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("no connection to the database");
  }
}
