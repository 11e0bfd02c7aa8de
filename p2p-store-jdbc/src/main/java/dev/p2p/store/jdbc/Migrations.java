package dev.p2p.store.jdbc;

import dev.p2p.StoreException;
import dev.p2p.store.StoreHealth;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates or upgrades the p2p schema with Flyway. */
final class Migrations {
  /** Flyway's history table, named so it cannot clash with the application's own. */
  static final String HISTORY_TABLE = "p2p_schema_history";

  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  /**
   * Applies every pending migration of the dialect. A schema that already holds other tables (the
   * CRM's own) is accepted: p2p's tables are added beside them.
   */
  static void run(DataSource dataSource, Dialect dialect) {
    try {
      MigrateResult result = flyway(dataSource, dialect).migrate();
      if (result.migrationsExecuted > 0) {
        log.info(
            "Migrated the p2p schema on {} to version {} ({} migrations)",
            dialect,
            result.targetSchemaVersion,
            result.migrationsExecuted);
      }
    } catch (FlywayException e) {
      throw new StoreException(
          "Could not create or upgrade the p2p schema on " + dialect + ": " + e.getMessage(),
          Tx.isTransient(e),
          e);
    }
  }

  /** Reachable, and no migration pending; see {@link JdbcStore#health()}. */
  static StoreHealth health(DataSource dataSource, Dialect dialect) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("database", dialect.toString());
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(2)) {
        details.put("error", "the connection did not answer within 2 s");
        return StoreHealth.down(details);
      }
    } catch (SQLException e) {
      details.put("error", e.getClass().getSimpleName() + " (SQLState " + e.getSQLState() + ")");
      return StoreHealth.down(details);
    } catch (RuntimeException e) {
      // A closed pool may refuse with an unchecked exception (H2's JdbcConnectionPool does).
      details.put("error", e.getClass().getSimpleName());
      return StoreHealth.down(details);
    }
    try {
      MigrationInfoService info = flyway(dataSource, dialect).info();
      MigrationInfo current = info.current();
      details.put("schemaVersion", current == null ? "none" : current.getVersion().toString());
      int pending = info.pending().length;
      details.put("pendingMigrations", String.valueOf(pending));
      return pending == 0 ? StoreHealth.up(details) : StoreHealth.down(details);
    } catch (FlywayException e) {
      details.put("error", e.getClass().getSimpleName());
      return StoreHealth.down(details);
    }
  }

  private static Flyway flyway(DataSource dataSource, Dialect dialect) {
    return Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(dialect.migrations())
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load();
  }
}
