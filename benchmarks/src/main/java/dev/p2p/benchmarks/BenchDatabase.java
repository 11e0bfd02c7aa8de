package dev.p2p.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A database for one texting benchmark run with a pool of {@code connections}: an H2 file in a new
 * temporary folder (H2's own pool, as {@code JdbcStore.h2} uses), or a new PostgreSQL schema behind
 * HikariCP (as {@code JdbcStore.of(url)} uses). The store and the raw baseline share the pool.
 */
final class BenchDatabase implements AutoCloseable {
  static final String DEFAULT_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private final String label;
  private final DataSource dataSource;
  private final AutoCloseable closer;

  private BenchDatabase(String label, DataSource dataSource, AutoCloseable closer) {
    this.label = label;
    this.dataSource = dataSource;
    this.closer = closer;
  }

  static BenchDatabase open(String kind, String postgresUrl, int connections) throws Exception {
    if (kind.equals("h2")) {
      Path dir = Files.createTempDirectory("p2p-bench-texting");
      JdbcConnectionPool pool =
          JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("p2p"), "sa", "");
      pool.setMaxConnections(connections);
      return new BenchDatabase(
          "H2 (file)",
          pool,
          () -> {
            try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
              s.execute("SHUTDOWN");
            } finally {
              pool.dispose();
              delete(dir);
            }
          });
    }
    if (kind.equals("postgres")) {
      PostgresSchema schema = PostgresSchema.create(postgresUrl, "texting", false);
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(schema.url());
      config.setMaximumPoolSize(connections);
      HikariDataSource pool = new HikariDataSource(config);
      return new BenchDatabase(
          "PostgreSQL",
          pool,
          () -> {
            pool.close();
            schema.close();
          });
    }
    throw new IllegalArgumentException("databases are h2 and postgres: " + kind);
  }

  String label() {
    return label;
  }

  DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() throws Exception {
    closer.close();
  }

  /** {@code name=value} arguments. */
  static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("arguments are name=value, such as threads=16: " + arg);
      }
      options.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    return options;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
