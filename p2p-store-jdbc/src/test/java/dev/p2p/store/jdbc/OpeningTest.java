package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.P2PException;
import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OpeningTest {
  private static final Instant NOW = Instant.parse("2026-11-03T14:00:00Z");

  @Test
  void aJdbcUrlGetsAPoolThatCloseCloses() {
    String url = "jdbc:h2:mem:url-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    JdbcStore store = JdbcStore.of(url);
    store.ensureOrganization("acme", NOW);
    store.createList("acme", "GOTV", NOW);
    assertThat(store.lists("acme")).hasSize(1);
    assertThat(store).hasToString("JdbcStore[H2]");
    store.close();
    assertThatThrownBy(() -> store.lists("acme")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("an unreachable database fails with a P2PException saying so")
  void unreachableDatabase() {
    assertThatThrownBy(() -> JdbcStore.of("jdbc:h2:tcp://127.0.0.1:1/nothing"))
        .isInstanceOf(P2PException.class)
        .hasMessageContaining("connection pool");
  }

  @Test
  void anInvalidInMemoryNameIsRefused() {
    assertThatThrownBy(() -> JdbcStore.h2InMemory("a;INIT=RUNSCRIPT"))
        .isInstanceOf(P2PException.class)
        .hasMessageContaining("letters, digits");
  }

  @Test
  @DisplayName("a database other than H2, PostgreSQL or MariaDB/MySQL is refused by name")
  void unsupportedDatabase() {
    DatabaseMetaData derby =
        (DatabaseMetaData)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getDatabaseProductName")) {
                    return "Apache Derby";
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    assertThatThrownBy(() -> Dialect.of(derby))
        .isInstanceOf(P2PException.class)
        .hasMessage(
            "JdbcStore does not support the database 'Apache Derby': use H2, PostgreSQL or"
                + " MariaDB/MySQL");
  }

  @Test
  void eachProductNameMapsToItsDialect() throws Exception {
    assertThat(Dialect.of(metaData("H2"))).isEqualTo(Dialect.H2);
    assertThat(Dialect.of(metaData("PostgreSQL"))).isEqualTo(Dialect.POSTGRESQL);
    assertThat(Dialect.of(metaData("MariaDB"))).isEqualTo(Dialect.MARIADB);
    assertThat(Dialect.of(metaData("MySQL"))).isEqualTo(Dialect.MARIADB);
  }

  private DatabaseMetaData metaData(String product) {
    return (DatabaseMetaData)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DatabaseMetaData.class},
            (proxy, method, args) -> product);
  }
}
