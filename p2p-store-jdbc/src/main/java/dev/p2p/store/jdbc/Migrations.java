package dev.p2p.store.jdbc;

import dev.p2p.StoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
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
      MigrateResult result =
          Flyway.configure(Migrations.class.getClassLoader())
              .dataSource(dataSource)
              .locations(dialect.migrations())
              .table(HISTORY_TABLE)
              .baselineOnMigrate(true)
              .baselineVersion("0")
              .load()
              .migrate();
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
}
