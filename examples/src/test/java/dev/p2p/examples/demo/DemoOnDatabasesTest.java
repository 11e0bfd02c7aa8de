package dev.p2p.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.examples.DemoApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --jdbc-url}: the same demo on PostgreSQL and MariaDB, each in a new schema or database
 * dropped afterwards. Runs with {@code -Pdatabases}, as CI does.
 */
@EnabledIfSystemProperty(named = "p2p.databases", matches = "true")
class DemoOnDatabasesTest {

  @Test
  @DisplayName("the demo runs on PostgreSQL")
  void postgres(@TempDir Path dir) throws SQLException {
    String server =
        System.getProperty(
            "p2p.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    String schema = scratchName();
    execute(server, "CREATE SCHEMA " + schema);
    try {
      String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
      assertDemoRuns(url, dir, "postgresql");
    } finally {
      execute(server, "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  @DisplayName("the demo runs on MariaDB")
  void mariadb(@TempDir Path dir) throws SQLException {
    String server =
        System.getProperty(
            "p2p.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test?user=root&password=");
    String database = scratchName();
    execute(server, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
    try {
      // jdbc:mariadb://host:port/test?query -> the same with the scratch database
      String url = server.replaceFirst("(jdbc:(?:mariadb|mysql)://[^/?]+/)[^?]*", "$1" + database);
      assertDemoRuns(url, dir, "mariadb");
    } finally {
      execute(server, "DROP DATABASE " + database);
    }
  }

  private static void assertDemoRuns(String url, Path dir, String kind) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        DemoApp.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "--contacts",
            "150",
            "--texters",
            "3",
            "--jdbc-url",
            url,
            "--out",
            dir.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Database: " + kind, "Per variant", "HTML report:")
        .doesNotContain(url);
    assertThat(dir.resolve("report.html")).isNotEmptyFile();
    assertThat(dir.resolve("h2")).doesNotExist();
  }

  private static String scratchName() {
    return "p2p_demo_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
