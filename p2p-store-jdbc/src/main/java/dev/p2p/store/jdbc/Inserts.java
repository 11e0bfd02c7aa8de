package dev.p2p.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Inserting a row unless its key is taken, on each database, telling whether it was inserted. */
final class Inserts {
  /** Binds the insert's parameters, in column order. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private Inserts() {}

  /**
   * Inserts {@code (columns)} into {@code table} unless a row with the same {@code key} exists
   * (then nothing changes): {@code ON CONFLICT DO NOTHING} on PostgreSQL, whose transaction a
   * failed insert would abort; elsewhere a duplicate key error, which fails only the statement.
   *
   * @return whether the row was inserted now
   */
  static boolean ifAbsent(
      Connection c, Dialect dialect, String table, String columns, String key, Binder binder)
      throws SQLException {
    int count = columns.split(",").length;
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + columns
            + ") VALUES ("
            + ConversationRows.marks(count)
            + ")";
    boolean postgres = dialect == Dialect.POSTGRESQL;
    if (postgres) {
      sql += " ON CONFLICT (" + key + ") DO NOTHING";
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      if (!postgres && dialect.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Inserts the row unless its key is taken, and in both cases leaves it locked for the rest of the
   * transaction. On MariaDB a duplicate-key error would take a shared lock that a later {@code FOR
   * UPDATE} upgrades, which deadlocks two writers racing on one key; an upsert that changes nothing
   * ({@code ON DUPLICATE KEY UPDATE}, {@code ON CONFLICT DO UPDATE}) takes the exclusive lock at
   * once. H2 inserts, then locks with {@code SELECT ... FOR UPDATE}.
   *
   * @param unchanged a column the upsert sets to itself
   * @param keyBinder binds the key's columns, in order, for H2's {@code SELECT ... FOR UPDATE}
   */
  static void locking(
      Connection c,
      Dialect dialect,
      String table,
      String columns,
      String key,
      String unchanged,
      Binder binder,
      Binder keyBinder)
      throws SQLException {
    String insert =
        "INSERT INTO "
            + table
            + " ("
            + columns
            + ") VALUES ("
            + ConversationRows.marks(columns.split(",").length)
            + ")";
    switch (dialect) {
      case POSTGRESQL ->
          run(
              c,
              insert
                  + " ON CONFLICT ("
                  + key
                  + ") DO UPDATE SET "
                  + unchanged
                  + " = "
                  + table
                  + "."
                  + unchanged,
              binder);
      case MARIADB ->
          run(c, insert + " ON DUPLICATE KEY UPDATE " + unchanged + " = " + unchanged, binder);
      case H2 -> {
        ifAbsent(c, dialect, table, columns, key, binder);
        String[] keys = key.split(",");
        StringBuilder where = new StringBuilder();
        for (String k : keys) {
          where.append(where.length() == 0 ? " WHERE " : " AND ").append(k.trim()).append(" = ?");
        }
        try (PreparedStatement ps =
            c.prepareStatement("SELECT 1 FROM " + table + where + " FOR UPDATE")) {
          keyBinder.bind(ps);
          ps.executeQuery().close();
        }
      }
    }
  }

  private static void run(Connection c, String sql, Binder binder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      ps.executeUpdate();
    }
  }
}
