package dev.p2p.store.jdbc;

import dev.p2p.StoreException;
import dev.p2p.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcConnectionPool;

/** Embedded H2 databases with H2's own connection pool. */
final class H2Pools {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  private H2Pools() {}

  static JdbcConnectionPool file(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new StoreException(
          "Could not create the H2 database folder " + directory + ": " + e, false, e);
    }
    String path = directory.toAbsolutePath().resolve("p2p").toString();
    if (path.indexOf(';') >= 0) {
      throw ValidationException.of("directory", "must not contain ';': " + directory);
    }
    // DB_CLOSE_ON_EXIT=FALSE: the store closes the database in close(); H2's own exit hook would
    // close it under the application's shutdown (a graceful one still storing send outcomes).
    return JdbcConnectionPool.create(
        "jdbc:h2:file:" + path + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256", "sa", "");
  }

  static JdbcConnectionPool memory(String name) {
    if (!NAME.matcher(name).matches()) {
      throw ValidationException.of(
          "name", "of an in-memory H2 database must be 1 to 100 letters, digits, '_' or '-'");
    }
    return JdbcConnectionPool.create(
        "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256",
        "sa",
        "");
  }

  /** Closes the database (freeing an in-memory one) and then the pool. */
  static void shutdown(JdbcConnectionPool pool) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } finally {
      pool.dispose();
    }
  }
}
