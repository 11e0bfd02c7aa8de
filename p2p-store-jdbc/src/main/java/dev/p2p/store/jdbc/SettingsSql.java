package dev.p2p.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** The organization's texting settings: one JSON text per organization in {@code org_settings}. */
final class SettingsSql {
  private final Tx tx;

  SettingsSql(Tx tx) {
    this.tx = tx;
  }

  Optional<String> settings(String orgId) {
    return tx.run(
        "read the texting settings",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT settings FROM org_settings WHERE org_id = ?")) {
            ps.setString(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  void save(String orgId, String json, Instant now) {
    String sql =
        switch (tx.dialect()) {
          case POSTGRESQL ->
              "INSERT INTO org_settings (org_id, settings, updated_at) VALUES (?, ?, ?)"
                  + " ON CONFLICT (org_id) DO UPDATE"
                  + " SET settings = EXCLUDED.settings, updated_at = EXCLUDED.updated_at";
          case MARIADB ->
              "INSERT INTO org_settings (org_id, settings, updated_at) VALUES (?, ?, ?)"
                  + " ON DUPLICATE KEY UPDATE settings = VALUES(settings),"
                  + " updated_at = VALUES(updated_at)";
          case H2 ->
              "MERGE INTO org_settings (org_id, settings, updated_at) KEY (org_id)"
                  + " VALUES (?, ?, ?)";
        };
    tx.runInOrganization(
        "save the texting settings",
        orgId,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, orgId);
            ps.setString(2, json);
            ps.setObject(3, Times.toColumn(now));
            return ps.executeUpdate();
          }
        });
  }
}
