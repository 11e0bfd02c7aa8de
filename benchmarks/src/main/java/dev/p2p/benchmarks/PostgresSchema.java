package dev.p2p.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.postgresql.ds.PGSimpleDataSource;

/** A fresh PostgreSQL schema for one run, dropped with everything in it at {@link #close()}. */
final class PostgresSchema implements AutoCloseable {
  private final String baseUrl;
  private final String name;
  private final boolean keep;

  private PostgresSchema(String baseUrl, String name, boolean keep) {
    this.baseUrl = baseUrl;
    this.name = name;
    this.keep = keep;
  }

  /** Creates {@code p2p_bench_<random>} on the database of {@code baseUrl}. */
  static PostgresSchema create(String baseUrl, String purpose, boolean keep) throws SQLException {
    String name =
        "p2p_bench_"
            + purpose
            + "_"
            + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 4);
    try (Connection c = DriverManager.getConnection(baseUrl);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    }
    return new PostgresSchema(baseUrl, name, keep);
  }

  /** The base URL with {@code currentSchema} set to this schema. */
  String url() {
    return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
  }

  /** A data source on this schema, without a pool. */
  PGSimpleDataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url());
    return ds;
  }

  String name() {
    return name;
  }

  @Override
  public void close() throws SQLException {
    if (keep) {
      return;
    }
    try (Connection c = DriverManager.getConnection(baseUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + name + " CASCADE");
    }
  }
}
