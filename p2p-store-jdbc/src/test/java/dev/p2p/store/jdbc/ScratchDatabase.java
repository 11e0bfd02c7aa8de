package dev.p2p.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each test an empty database of its own on a server: a schema on PostgreSQL, a database on
 * MariaDB, created before the test and dropped after it (after the store is closed). The servers'
 * URLs come from the system properties {@code p2p.postgres.url} and {@code p2p.mariadb.url}. An
 * unreachable server fails the test.
 */
final class ScratchDatabase implements BeforeEachCallback, AfterEachCallback {
  private static final Pattern MARIADB_URL =
      Pattern.compile("(jdbc:(?:mariadb|mysql)://[^/?]+/)([^?]*)(.*)");

  private enum Server {
    POSTGRES("CREATE SCHEMA %s", "DROP SCHEMA %s CASCADE"),
    MARIADB("CREATE DATABASE %s CHARACTER SET utf8mb4", "DROP DATABASE %s");

    final String create;
    final String drop;

    Server(String create, String drop) {
      this.create = create;
      this.drop = drop;
    }
  }

  private final Server server;
  private final String serverUrl;
  private String name = "";
  private @Nullable DataSource dataSource;

  private ScratchDatabase(Server server, String serverUrl) {
    this.server = server;
    this.serverUrl = serverUrl;
  }

  /** A schema per test on the PostgreSQL server. */
  static ScratchDatabase postgres() {
    return new ScratchDatabase(
        Server.POSTGRES,
        System.getProperty(
            "p2p.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
  }

  /** A database per test on the MariaDB server. */
  static ScratchDatabase mariadb() {
    return new ScratchDatabase(
        Server.MARIADB,
        System.getProperty(
            "p2p.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test?user=root&password="));
  }

  /** The current test's database. */
  DataSource dataSource() {
    if (dataSource == null) {
      throw new IllegalStateException("no test is running");
    }
    return dataSource;
  }

  /** The JDBC URL of the current test's database. */
  String url() {
    if (server == Server.POSTGRES) {
      return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }
    Matcher m = MARIADB_URL.matcher(serverUrl);
    if (!m.matches()) {
      throw new IllegalArgumentException("p2p.mariadb.url is not a MariaDB JDBC URL: " + serverUrl);
    }
    return m.group(1) + name + m.group(3);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws SQLException {
    name =
        "p2p_test_"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 16)
                .toLowerCase(Locale.ROOT);
    execute(server.create);
    // Pooled, as an application would run it: without a pool every unit of work opened a new
    // connection (a new server process on PostgreSQL), which made the contract runs several
    // minutes long.
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url());
    config.setMaximumPoolSize(10);
    config.setMinimumIdle(1);
    config.setPoolName(name);
    dataSource = new HikariDataSource(config);
  }

  @Override
  public void afterEach(ExtensionContext context) throws SQLException {
    DataSource used = dataSource;
    dataSource = null;
    if (used instanceof HikariDataSource) {
      ((HikariDataSource) used).close();
    }
    execute(server.drop);
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl);
        Statement s = c.createStatement()) {
      s.execute(String.format(Locale.ROOT, sql, name));
    }
  }
}
