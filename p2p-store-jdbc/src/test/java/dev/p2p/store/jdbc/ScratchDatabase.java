package dev.p2p.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each test an empty database of its own on a server: a schema on PostgreSQL, a database on
 * MariaDB. The servers' URLs come from the system properties {@code p2p.postgres.url} and {@code
 * p2p.mariadb.url}. An unreachable server fails the test.
 *
 * <p>Creating, migrating and dropping a database per test took most of the database runs' time, so
 * databases are recycled within a JVM: after a test, a database that still holds exactly what the
 * newest p2p migrations create (the same tables, indexes, sequences and routines as a freshly
 * migrated reference database, and every migration recorded as successful) is emptied (PostgreSQL:
 * {@code TRUNCATE .. RESTART IDENTITY}; MariaDB: {@code TRUNCATE} each table, which restarts {@code
 * AUTO_INCREMENT}) and kept for the next test; any other database is dropped. Either way a test
 * starts on an empty, fully migrated database whose ids start at 1. A test that needs an empty,
 * unmigrated database (to check migrations themselves) uses {@link #fresh()}. Kept databases are
 * dropped when the JVM exits.
 */
final class ScratchDatabase implements BeforeEachCallback, AfterEachCallback {
  private static final Pattern MARIADB_URL =
      Pattern.compile("(jdbc:(?:mariadb|mysql)://[^/?]+/)([^?]*)(.*)");

  private enum Server {
    POSTGRES("CREATE SCHEMA %s", "DROP SCHEMA %s CASCADE", Dialect.POSTGRESQL),
    MARIADB("CREATE DATABASE %s CHARACTER SET utf8mb4", "DROP DATABASE %s", Dialect.MARIADB);

    final String create;
    final String drop;
    final Dialect dialect;

    Server(String create, String drop, Dialect dialect) {
      this.create = create;
      this.drop = drop;
      this.dialect = dialect;
    }
  }

  /** One server: the databases kept for reuse, and what a clean one holds. */
  private static final class Pool {
    final Server server;
    final String serverUrl;
    final ConcurrentLinkedDeque<String> clean = new ConcurrentLinkedDeque<>();

    /** Whether the reference was made (or tried). */
    boolean started;

    /** What a freshly migrated database holds, or null if databases cannot be recycled. */
    @Nullable Reference reference;

    Pool(Server server, String serverUrl) {
      this.server = server;
      this.serverUrl = serverUrl;
    }
  }

  /** A freshly migrated database's objects, migrations, tables and standalone sequences. */
  private record Reference(
      Set<String> objects,
      MigrationVersion newest,
      Set<String> versions,
      List<String> tables,
      List<String> sequences) {}

  private static final Map<String, Pool> POOLS = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(ScratchDatabase::dropPooled, "scratch-database-cleanup"));
  }

  private final Server server;
  private final String serverUrl;
  private final boolean recycle;
  private String name = "";
  private @Nullable DataSource dataSource;

  private ScratchDatabase(Server server, String serverUrl, boolean recycle) {
    this.server = server;
    this.serverUrl = serverUrl;
    this.recycle = recycle;
  }

  /** A schema per test on the PostgreSQL server. */
  static ScratchDatabase postgres() {
    return new ScratchDatabase(
        Server.POSTGRES,
        System.getProperty(
            "p2p.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"),
        true);
  }

  /** A database per test on the MariaDB server. */
  static ScratchDatabase mariadb() {
    return new ScratchDatabase(
        Server.MARIADB,
        System.getProperty(
            "p2p.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test?user=root&password="),
        true);
  }

  /**
   * The same server, but each test gets a newly created database without any table (not one a
   * previous test used), dropped after the test.
   */
  ScratchDatabase fresh() {
    return new ScratchDatabase(server, serverUrl, false);
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
    return url(server, serverUrl, name);
  }

  private static String url(Server server, String serverUrl, String name) {
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
    String reused = recycle ? pool().clean.poll() : null;
    name = reused != null ? reused : create(server, serverUrl);
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
    if (recycle) {
      Pool pool = pool();
      Reference reference = pool.reference;
      try {
        if (reference != null && emptied(pool.server, pool.serverUrl, name, reference)) {
          pool.clean.push(name);
          return;
        }
      } catch (SQLException e) {
        // Not emptied: dropped below like any database that cannot be reused.
      }
    }
    drop(server, serverUrl, name);
  }

  private Pool pool() throws SQLException {
    Pool pool = POOLS.computeIfAbsent(server + " " + serverUrl, k -> new Pool(server, serverUrl));
    synchronized (pool) {
      if (!pool.started) {
        // Migrate one database to learn what a clean one holds; it then serves the first test.
        String first = create(server, serverUrl);
        try {
          pool.reference = reference(server, serverUrl, first);
        } catch (SQLException | RuntimeException e) {
          drop(server, serverUrl, first);
          throw e;
        }
        pool.started = true;
        if (pool.reference != null) {
          pool.clean.push(first);
        } else {
          System.err.println(
              "Scratch databases on " + server + " are not recycled: the migrations leave rows");
          drop(server, serverUrl, first);
        }
      }
    }
    return pool;
  }

  private static String create(Server server, String serverUrl) throws SQLException {
    String name =
        "p2p_test_"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 16)
                .toLowerCase(Locale.ROOT);
    execute(serverUrl, String.format(Locale.ROOT, server.create, name));
    return name;
  }

  private static void drop(Server server, String serverUrl, String name) throws SQLException {
    execute(serverUrl, String.format(Locale.ROOT, server.drop, name));
  }

  private static void execute(String serverUrl, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * Migrates the new database {@code name} and records what it holds; null (no recycling) if the
   * migrations leave rows behind, which emptying a database would remove.
   */
  private static @Nullable Reference reference(Server server, String serverUrl, String name)
      throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url(server, serverUrl, name));
    config.setMaximumPoolSize(2);
    config.setPoolName(name + "-reference");
    MigrationVersion newest;
    try (HikariDataSource migrated = new HikariDataSource(config)) {
      Migrations.run(migrated, server.dialect);
      MigrationInfo[] known =
          Flyway.configure(Migrations.class.getClassLoader())
              .dataSource(migrated)
              .locations(server.dialect.migrations())
              .table(Migrations.HISTORY_TABLE)
              .load()
              .info()
              .all();
      newest =
          Arrays.stream(known)
              .map(MigrationInfo::getVersion)
              .filter(Objects::nonNull)
              .max(MigrationVersion::compareTo)
              .orElseThrow(() -> new IllegalStateException("no p2p migration found"));
    }
    try (Connection c = DriverManager.getConnection(serverUrl)) {
      Set<String> versions = versions(c, server, name);
      if (versions == null || !MigrationVersion.fromVersion(max(versions)).equals(newest)) {
        return null;
      }
      List<String> tables = tables(c, name);
      for (String table : tables) {
        try (Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery("SELECT COUNT(*) FROM " + qualified(server, name, table))) {
          rs.next();
          if (rs.getLong(1) != 0) {
            return null;
          }
        }
      }
      List<String> sequences =
          server == Server.POSTGRES
              ? strings(
                  c,
                  "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                      + " WHERE n.nspname = ? AND c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM"
                      + " pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid"
                      + " AND d.deptype IN ('a', 'i'))",
                  name)
              : List.of();
      return new Reference(objects(c, server, name), newest, versions, tables, sequences);
    }
  }

  private static String max(Set<String> versions) {
    return versions.stream()
        .map(MigrationVersion::fromVersion)
        .max(MigrationVersion::compareTo)
        .map(MigrationVersion::getVersion)
        .orElse("0");
  }

  /**
   * Empties {@code name} if it holds exactly what the reference holds, newest migration included;
   * false if it holds anything else (it must then be dropped).
   */
  private static boolean emptied(Server server, String serverUrl, String name, Reference reference)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl)) {
      if (!objects(c, server, name).equals(reference.objects())) {
        return false;
      }
      Set<String> versions = versions(c, server, name);
      if (versions == null
          || !versions.equals(reference.versions())
          || !MigrationVersion.fromVersion(max(versions)).equals(reference.newest())) {
        return false;
      }
      try (Statement s = c.createStatement()) {
        if (server == Server.POSTGRES) {
          s.execute(
              "TRUNCATE "
                  + reference.tables().stream()
                      .map(t -> qualified(server, name, t))
                      .collect(Collectors.joining(", "))
                  + " RESTART IDENTITY CASCADE");
          for (String sequence : reference.sequences()) {
            s.execute("ALTER SEQUENCE " + qualified(server, name, sequence) + " RESTART");
          }
        } else {
          s.execute("SET FOREIGN_KEY_CHECKS = 0");
          try {
            for (String table : reference.tables()) {
              s.execute("TRUNCATE TABLE " + qualified(server, name, table));
            }
          } finally {
            s.execute("SET FOREIGN_KEY_CHECKS = 1");
          }
        }
      }
      return true;
    }
  }

  /** The successful migrations' versions, or null if one failed. */
  private static @Nullable Set<String> versions(Connection c, Server server, String name)
      throws SQLException {
    Set<String> versions = new TreeSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version, success FROM "
                    + qualified(server, name, Migrations.HISTORY_TABLE))) {
      while (rs.next()) {
        if (!rs.getBoolean(2)) {
          return null;
        }
        String version = rs.getString(1);
        if (version != null) {
          versions.add(version);
        }
      }
    }
    return versions;
  }

  /** The tables to empty: every table but the migration history, read from the database. */
  private static List<String> tables(Connection c, String name) throws SQLException {
    List<String> tables =
        strings(
            c,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                + " AND table_type = 'BASE TABLE' ORDER BY table_name",
            name);
    tables.remove(Migrations.HISTORY_TABLE);
    return tables;
  }

  /** Every table, view, index, sequence, routine and trigger in the database, as "kind name". */
  private static Set<String> objects(Connection c, Server server, String name) throws SQLException {
    List<String> all = new ArrayList<>();
    if (server == Server.POSTGRES) {
      all.addAll(
          strings(
              c,
              "SELECT CASE c.relkind WHEN 'r' THEN 'table ' WHEN 'p' THEN 'table '"
                  + " ELSE 'relation ' || c.relkind::text || ' ' END || c.relname FROM pg_class c"
                  + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?",
              name));
      all.addAll(
          strings(
              c,
              "SELECT 'routine ' || p.proname FROM pg_proc p JOIN pg_namespace n"
                  + " ON n.oid = p.pronamespace WHERE n.nspname = ?",
              name));
      all.addAll(
          strings(
              c,
              "SELECT 'type ' || t.typname FROM pg_type t JOIN pg_namespace n"
                  + " ON n.oid = t.typnamespace WHERE n.nspname = ? AND t.typtype IN ('e', 'd')",
              name));
      all.addAll(
          strings(
              c,
              "SELECT 'trigger ' || t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                  + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?"
                  + " AND NOT t.tgisinternal",
              name));
    } else {
      all.addAll(
          strings(
              c,
              "SELECT CONCAT(CASE table_type WHEN 'BASE TABLE' THEN 'table ' ELSE 'view ' END,"
                  + " table_name) FROM information_schema.tables WHERE table_schema = ?",
              name));
      all.addAll(
          strings(
              c,
              "SELECT DISTINCT CONCAT('index ', table_name, '.', index_name)"
                  + " FROM information_schema.statistics WHERE table_schema = ?",
              name));
      all.addAll(
          strings(
              c,
              "SELECT CONCAT('routine ', routine_name) FROM information_schema.routines"
                  + " WHERE routine_schema = ?",
              name));
      all.addAll(
          strings(
              c,
              "SELECT CONCAT('trigger ', trigger_name) FROM information_schema.triggers"
                  + " WHERE trigger_schema = ?",
              name));
    }
    return Collections.unmodifiableSet(new TreeSet<>(all));
  }

  private static List<String> strings(Connection c, String sql, String parameter)
      throws SQLException {
    List<String> result = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          result.add(rs.getString(1));
        }
      }
    }
    return result;
  }

  private static String qualified(Server server, String name, String table) {
    return server == Server.POSTGRES
        ? '"' + name + "\".\"" + table + '"'
        : '`' + name + "`.`" + table + '`';
  }

  /** At JVM exit: drops every kept database, so none is left on the servers. */
  private static void dropPooled() {
    for (Pool pool : POOLS.values()) {
      for (String name = pool.clean.poll(); name != null; name = pool.clean.poll()) {
        try {
          drop(pool.server, pool.serverUrl, name);
        } catch (SQLException e) {
          System.err.println("Could not drop the scratch database " + name + ": " + e);
        }
      }
    }
  }
}
