package dev.p2p.store.jdbc;

import dev.p2p.StoreException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * What differs between the supported databases: migrations folder, upserts, error codes, and the
 * functions reports use.
 */
enum Dialect {
  H2(
      "h2",
      "MERGE INTO organizations o USING (VALUES (?, CAST(? AS TIMESTAMP(6))))"
          + " s (org_id, created_at) ON o.org_id = s.org_id"
          + " WHEN NOT MATCHED THEN INSERT (org_id, created_at) VALUES (s.org_id, s.created_at)",
      "MERGE INTO texters (org_id, id, first_name, last_name) KEY (org_id, id) VALUES (?, ?, ?, ?)",
      "MERGE INTO texter_groups (org_id, kind, id, name) KEY (org_id, kind, id) VALUES (?, ?, ?, ?)",
      "MERGE INTO group_members (org_id, kind, group_id, texter_id)"
          + " KEY (org_id, kind, group_id, texter_id) VALUES (?, ?, ?, ?)"),

  POSTGRESQL(
      "postgresql",
      "INSERT INTO organizations (org_id, created_at) VALUES (?, ?) ON CONFLICT (org_id) DO NOTHING",
      "INSERT INTO texters (org_id, id, first_name, last_name) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (org_id, id) DO UPDATE"
          + " SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name",
      "INSERT INTO texter_groups (org_id, kind, id, name) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (org_id, kind, id) DO UPDATE SET name = EXCLUDED.name",
      "INSERT INTO group_members (org_id, kind, group_id, texter_id) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT DO NOTHING"),

  MARIADB(
      "mariadb",
      "INSERT INTO organizations (org_id, created_at) VALUES (?, ?)"
          + " ON DUPLICATE KEY UPDATE org_id = org_id",
      "INSERT INTO texters (org_id, id, first_name, last_name) VALUES (?, ?, ?, ?)"
          + " ON DUPLICATE KEY UPDATE first_name = VALUES(first_name), last_name = VALUES(last_name)",
      "INSERT INTO texter_groups (org_id, kind, id, name) VALUES (?, ?, ?, ?)"
          + " ON DUPLICATE KEY UPDATE name = VALUES(name)",
      "INSERT INTO group_members (org_id, kind, group_id, texter_id) VALUES (?, ?, ?, ?)"
          + " ON DUPLICATE KEY UPDATE texter_id = texter_id");

  private static final int MYSQL_DUPLICATE_KEY = 1062;
  private static final int MYSQL_NO_REFERENCED_ROW = 1452;

  private final String folder;

  /** Inserts (org_id, created_at) unless the organization exists. */
  final String insertOrganization;

  /** Inserts or renames (org_id, id, first_name, last_name). */
  final String upsertTexter;

  /** Inserts or renames (org_id, kind, id, name). */
  final String upsertGroup;

  /** Inserts (org_id, kind, group_id, texter_id) unless already a member. */
  final String insertMember;

  Dialect(
      String folder,
      String insertOrganization,
      String upsertTexter,
      String upsertGroup,
      String insertMember) {
    this.folder = folder;
    this.insertOrganization = insertOrganization;
    this.upsertTexter = upsertTexter;
    this.upsertGroup = upsertGroup;
    this.insertMember = insertMember;
  }

  /** The dialect of the database behind this data source, read from a connection's metadata. */
  static Dialect of(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return of(c.getMetaData());
    } catch (SQLException e) {
      throw Tx.unreachable("connect to the database", e);
    }
  }

  /** The dialect of the database behind this metadata. */
  static Dialect of(DatabaseMetaData metaData) throws SQLException {
    String product = metaData.getDatabaseProductName();
    String name = product.toLowerCase(Locale.ROOT);
    if (name.equals("h2")) {
      return H2;
    } else if (name.equals("postgresql")) {
      return POSTGRESQL;
    } else if (name.equals("mariadb") || name.equals("mysql")) {
      return MARIADB;
    }
    throw new StoreException(
        "JdbcStore does not support the database '"
            + product
            + "': use H2, PostgreSQL or MariaDB/MySQL",
        false);
  }

  /**
   * A keyset page of a list's contacts: (org_id, list_id, after id, limit). Each database must read
   * the index (org_id, list_id, id) in order from the cursor and stop at the limit, even right
   * after a bulk load, before statistics exist. H2 needs the whole index in the ORDER BY to skip
   * its sort; MariaDB needs the index named, or it scans the list from its start for every page,
   * and ORDER BY id alone, or its connection collation makes it sort.
   */
  String contactPage() {
    String where = " WHERE c.org_id = ? AND c.list_id = ? AND c.id > ?";
    String select = "SELECT " + ContactRows.SELECT_COLUMNS + " FROM contacts c";
    if (this == MARIADB) {
      return select + " FORCE INDEX (contacts_by_list)" + where + " ORDER BY c.id LIMIT ?";
    }
    return select + where + " ORDER BY c.org_id, c.list_id, c.id LIMIT ?";
  }

  /**
   * Refreshes the planner's statistics of a table after a bulk write (PostgreSQL: {@code ANALYZE};
   * the others keep theirs current). Without it, PostgreSQL plans the queries that follow a large
   * import with the statistics of an empty table until autovacuum catches up: measured, a contact
   * read by id walked the organization's whole list index.
   */
  void refreshStatistics(Connection c, String table) throws SQLException {
    if (this == POSTGRESQL) {
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE " + table);
      }
    }
  }

  /**
   * The key that orders ids a CRM chooses (texter and group ids) by code point ({@code
   * dev.p2p.store.support.IdOrder}): the column itself where its collation does (PostgreSQL {@code
   * COLLATE "C"}, MariaDB {@code utf8mb4_bin}); on H2, which compares strings as Java does, their
   * UTF-8 bytes.
   */
  String idKey(String expression) {
    return this == H2 ? "CAST(" + expression + " AS VARBINARY)" : expression;
  }

  /** The start of the UTC hour of a timestamp column, as a timestamp. */
  String hourOf(String column) {
    if (this == POSTGRESQL) {
      return "date_trunc('hour', " + column + ")";
    } else if (this == MARIADB) {
      return "CAST(DATE_FORMAT(" + column + ", '%Y-%m-%d %H:00:00') AS DATETIME)";
    }
    return "DATE_TRUNC('HOUR', " + column + ")";
  }

  /**
   * Per texter, the outbound messages of an action (parameter: its id) and the median of their
   * response_ms (NULL when none has one): texter_id, count, median. MariaDB has PERCENTILE_CONT
   * only as a window function, so it reads every row's window and keeps one per texter.
   */
  String texterMessages() {
    String from =
        " FROM messages WHERE action_id = ? AND direction = 'OUTBOUND' AND texter_id IS NOT NULL";
    if (this == MARIADB) {
      return "SELECT DISTINCT texter_id, COUNT(*) OVER (PARTITION BY texter_id),"
          + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY response_ms)"
          + " OVER (PARTITION BY texter_id)"
          + from;
    }
    return "SELECT texter_id, COUNT(*), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY response_ms)"
        + from
        + " GROUP BY texter_id";
  }

  /**
   * Settings for the rest of a report's transaction. PostgreSQL: no JIT compilation (measured on a
   * million conversations, compiling took 20 to 130 ms of each statement and saved less) and room
   * to hash the groups in memory (with the default 4 MB, an hourly grouping was planned as an
   * external sort).
   */
  void prepareReport(Connection c) throws SQLException {
    if (this == POSTGRESQL) {
      try (Statement s = c.createStatement()) {
        s.execute("SET LOCAL jit = off");
        s.execute("SET LOCAL work_mem = '64MB'");
      }
    }
  }

  /** The Flyway location of this database's migrations. */
  String migrations() {
    return "classpath:db/p2p/" + folder;
  }

  /** Whether the exception reports a duplicate key in a unique index or primary key. */
  boolean isUniqueViolation(SQLException e) {
    if (this == MARIADB) {
      return e.getErrorCode() == MYSQL_DUPLICATE_KEY;
    }
    return "23505".equals(e.getSQLState());
  }

  /** Whether the exception reports a row that references a missing row (a foreign key). */
  boolean isForeignKeyViolation(SQLException e) {
    if (this == MARIADB) {
      return e.getErrorCode() == MYSQL_NO_REFERENCED_ROW;
    }
    return "23503".equals(e.getSQLState()) || "23506".equals(e.getSQLState());
  }
}
