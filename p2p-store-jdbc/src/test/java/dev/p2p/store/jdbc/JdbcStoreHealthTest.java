package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.store.StoreHealth;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JdbcStore#health()} on H2: up when reachable and migrated, down otherwise, never thrown.
 */
class JdbcStoreHealthTest {
  @TempDir Path dir;

  private static JdbcDataSource memory(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  @Test
  @DisplayName("a reachable, migrated store is up, with the database and schema version")
  void up() {
    try (JdbcStore store = JdbcStore.h2(dir)) {
      StoreHealth health = store.health();
      assertThat(health.up()).isTrue();
      assertThat(health.details()).containsKeys("database", "schemaVersion");
      assertThat(health.details().get("pendingMigrations")).isEqualTo("0");
      assertThat(health.details().get("schemaVersion")).isNotEqualTo("none");
    }
  }

  @Test
  @DisplayName("after the store closed its own pool it is down, with the error's type, no throw")
  void downWhenClosed() {
    JdbcStore store = JdbcStore.h2(dir);
    store.close();
    StoreHealth health = store.health();
    assertThat(health.up()).isFalse();
    assertThat(health.details()).containsKey("error");
  }

  @Test
  @DisplayName("a data source that lost the database is down, with the SQLState and not the URL")
  void downWhenUnreachable() {
    CuttableDataSource cuttable = new CuttableDataSource(memory("health-cut"));
    try (JdbcStore store = JdbcStore.of(cuttable)) {
      assertThat(store.health().up()).isTrue();
      cuttable.cutAfterCommits(1);
      store.ensureOrganization("acme", Instant.now());
      assertThat(cuttable.isCut()).isTrue();
      StoreHealth health = store.health();
      assertThat(health.up()).isFalse();
      assertThat(health.details().get("error")).contains("SQLState 08006");
      assertThat(health.details().get("error")).doesNotContain("jdbc:");
    }
  }

  @Test
  @DisplayName("a pending migration (the schema behind this build) is down")
  void downWhenMigrationPending() throws Exception {
    JdbcDataSource ds = memory("health-pending");
    try (JdbcStore store = JdbcStore.of(ds)) {
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement()) {
        s.executeUpdate(
            "DELETE FROM \"p2p_schema_history\" WHERE \"installed_rank\" ="
                + " (SELECT MAX(\"installed_rank\") FROM \"p2p_schema_history\")");
      }
      StoreHealth health = store.health();
      assertThat(health.up()).isFalse();
      assertThat(health.details().get("pendingMigrations")).isEqualTo("1");
    }
  }
}
