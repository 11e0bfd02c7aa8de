package dev.p2p.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.p2p.StoreException;

/** Connection pools for JDBC URLs. The only class that touches HikariCP, an optional dependency. */
final class HikariPools {
  private HikariPools() {}

  static HikariDataSource create(String jdbcUrl) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setPoolName("p2p");
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      // HikariCP repeats the URL in some messages ("Failed to get driver instance for jdbcUrl=");
      // it may carry a password, so it is left out of ours.
      String reason = String.valueOf(e.getMessage()).replace(jdbcUrl, "<the JDBC URL>");
      throw new StoreException(
          "Could not open a connection pool for the JDBC URL (check the URL, the server and that"
              + " its driver is on the classpath): "
              + reason,
          Tx.isTransient(e),
          e);
    }
  }
}
