package dev.p2p.store.jdbc;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The interrupted import on an embedded H2 database in memory, kept while the JVM runs. */
class H2InterruptedImportTest extends InterruptedImportScenario {
  private final JdbcDataSource h2 = new JdbcDataSource();

  H2InterruptedImportTest() {
    h2.setURL("jdbc:h2:mem:interrupted-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
  }

  @Override
  DataSource database() {
    return h2;
  }
}
