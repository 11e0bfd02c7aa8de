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
}
