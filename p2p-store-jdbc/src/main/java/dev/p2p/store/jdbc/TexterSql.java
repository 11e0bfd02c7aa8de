package dev.p2p.store.jdbc;

import dev.p2p.texter.TexterProfile;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Organizations and texters. */
final class TexterSql {
  private static final String COLUMNS = "id, first_name, last_name";

  private final Tx tx;

  TexterSql(Tx tx) {
    this.tx = tx;
  }

  void ensureOrganization(String orgId, Instant now) {
    tx.run(
        "create the organization",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(tx.dialect().insertOrganization)) {
            ps.setString(1, orgId);
            ps.setObject(2, Times.toColumn(now));
            if (ps.executeUpdate() == 0) {
              return 0;
            }
          }
          EventSql.createCounter(c, tx.dialect(), orgId);
          return 1;
        });
  }

  void upsert(String orgId, TexterProfile texter) {
    tx.runInOrganization(
        "save the texter",
        orgId,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(tx.dialect().upsertTexter)) {
            ps.setString(1, orgId);
            ps.setString(2, texter.id());
            ps.setString(3, texter.firstName());
            ps.setString(4, texter.lastName());
            return ps.executeUpdate();
          }
        });
  }

  Optional<TexterProfile> find(String orgId, String texterId) {
    return tx.run(
        "read a texter",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM texters WHERE org_id = ? AND id = ?")) {
            ps.setString(1, orgId);
            ps.setString(2, texterId);
            return read(ps).stream().findFirst();
          }
        });
  }

  List<TexterProfile> page(String orgId, String afterId, int limit) {
    return tx.run(
        "read texters",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM texters WHERE org_id = ? AND "
                      + tx.dialect().idKey("id")
                      + " > "
                      + tx.dialect().idKey("?")
                      + " ORDER BY "
                      + tx.dialect().idKey("id")
                      + " LIMIT ?")) {
            ps.setString(1, orgId);
            ps.setString(2, afterId);
            ps.setInt(3, limit);
            return read(ps);
          }
        });
  }

  private static List<TexterProfile> read(PreparedStatement ps) throws SQLException {
    List<TexterProfile> texters = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        texters.add(new TexterProfile(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    return texters;
  }
}
