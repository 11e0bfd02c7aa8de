package dev.p2p.store.jdbc;

import dev.p2p.ValidationException;
import dev.p2p.action.ActionStatus;
import dev.p2p.field.CustomField;
import dev.p2p.field.FieldType;
import dev.p2p.field.Tag;
import dev.p2p.store.support.FieldRule;
import dev.p2p.store.support.Refusals;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The organization's tags and custom fields. */
final class FieldSql {
  static final String TAG = "TAG";
  static final String FIELD = "FIELD";

  private static final String FIELD_COLUMNS = "name, label, field_type, options";

  private final Tx tx;

  FieldSql(Tx tx) {
    this.tx = tx;
  }

  void createTag(String orgId, Tag tag) {
    insert(
        orgId,
        "tag",
        () -> Refusals.tagExists(tag.name()),
        "INSERT INTO tags (org_id, name, description) VALUES (?, ?, ?)",
        tag.name(),
        tag.description());
  }

  boolean updateTag(String orgId, Tag tag) {
    return update(
        "UPDATE tags SET description = ? WHERE org_id = ? AND name = ?",
        orgId,
        tag.name(),
        tag.description());
  }

  Optional<Tag> findTag(String orgId, String name) {
    return tags(orgId, " AND name = ?", name).stream().findFirst();
  }

  List<Tag> tags(String orgId) {
    return tags(orgId, "", null);
  }

  boolean deleteTag(String orgId, String name) {
    return delete(orgId, TAG, "tag", name, "DELETE FROM tags WHERE org_id = ? AND name = ?");
  }

  void createField(String orgId, CustomField field) {
    insert(
        orgId,
        "custom field",
        () -> Refusals.fieldExists(field.name()),
        "INSERT INTO custom_fields (org_id, " + FIELD_COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
        field.name(),
        field.label(),
        field.type().name(),
        options(field));
  }

  boolean updateField(String orgId, CustomField field) {
    return tx.run(
        "update the custom field",
        c -> {
          // Read and lock the stored field, so the check below holds until the write commits.
          Optional<CustomField> current =
              fields(c, orgId, " AND name = ? FOR UPDATE", field.name()).stream().findFirst();
          if (current.isEmpty()) {
            return false;
          }
          FieldRule.check(current.get(), field);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE custom_fields SET label = ?, options = ? WHERE org_id = ? AND name = ?")) {
            ps.setString(1, field.label());
            ps.setString(2, options(field));
            ps.setString(3, orgId);
            ps.setString(4, field.name());
            return ps.executeUpdate() > 0;
          }
        });
  }

  Optional<CustomField> findField(String orgId, String name) {
    return fields(orgId, " AND name = ?", name).stream().findFirst();
  }

  List<CustomField> fields(String orgId) {
    return fields(orgId, " ORDER BY name", null);
  }

  boolean deleteField(String orgId, String name) {
    return delete(
        orgId,
        FIELD,
        "custom field",
        name,
        "DELETE FROM custom_fields WHERE org_id = ? AND name = ?");
  }

  // ---- helpers ----

  /** Runs an insert whose parameters are org_id, then the values; {@code taken} if the name is. */
  private void insert(
      String orgId,
      String kind,
      Supplier<ValidationException> taken,
      String sql,
      @Nullable String... values) {
    tx.runInOrganization(
        "define the " + kind,
        orgId,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, orgId);
            for (int i = 0; i < values.length; i++) {
              ps.setString(i + 2, values[i]);
            }
            return ps.executeUpdate();
          } catch (SQLException e) {
            if (tx.dialect().isUniqueViolation(e)) {
              throw taken.get();
            }
            throw e;
          }
        });
  }

  /** Runs an update whose parameters are the values, then org_id and name. */
  private boolean update(String sql, String orgId, String name, @Nullable String... values) {
    return tx.run(
        "update a tag or field",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (String value : values) {
              ps.setString(i++, value);
            }
            ps.setString(i++, orgId);
            ps.setString(i, name);
            return ps.executeUpdate() > 0;
          }
        });
  }

  private boolean delete(String orgId, String use, String kind, String name, String sql) {
    return tx.run(
        "delete the " + kind,
        c -> {
          // The row first: a save that uses it (ActionSql.save) has locked it, so this waits for
          // that save to commit and then sees its uses (on MariaDB too: a locking read takes no
          // snapshot, so the first plain read below takes one after the wait).
          lock(c, orgId, use, List.of(name));
          refuseIfUsed(c, orgId, use, kind, name);
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, orgId);
            ps.setString(2, name);
            return ps.executeUpdate() > 0;
          }
        });
  }

  /**
   * Locks the rows of these tags ({@link #TAG}) or fields ({@link #FIELD}), in name order, and
   * tells whether every one is defined. Run in the transaction that goes on to save an action.
   */
  static boolean lockDefined(Connection c, String orgId, String use, Set<String> names)
      throws SQLException {
    return names.isEmpty() || lock(c, orgId, use, names) == names.size();
  }

  /** Locks the existing rows of these names (SELECT ... FOR UPDATE); returns how many exist. */
  private static int lock(Connection c, String orgId, String use, Collection<String> names)
      throws SQLException {
    String table = use.equals(TAG) ? "tags" : "custom_fields";
    String marks = String.join(", ", Collections.nCopies(names.size(), "?"));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT name FROM "
                + table
                + " WHERE org_id = ? AND name IN ("
                + marks
                + ") ORDER BY name FOR UPDATE")) {
      ps.setString(1, orgId);
      int i = 2;
      for (String name : names) {
        ps.setString(i++, name);
      }
      int found = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found++;
        }
      }
      return found;
    }
  }

  private static void refuseIfUsed(Connection c, String orgId, String use, String kind, String name)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.id, a.name, a.status FROM action_uses u"
                + " JOIN actions a ON a.id = u.action_id AND a.org_id = u.org_id"
                + " WHERE u.org_id = ? AND u.kind = ? AND u.name = ? AND a.status <> 'CLOSED'"
                + " ORDER BY a.id")) {
      ps.setString(1, orgId);
      ps.setString(2, use);
      ps.setString(3, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          throw Refusals.inUse(
              kind, name, rs.getLong(1), rs.getString(2), ActionStatus.valueOf(rs.getString(3)));
        }
      }
    }
  }

  private List<Tag> tags(String orgId, String where, @Nullable String name) {
    return tx.run(
        "read tags",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT name, description FROM tags WHERE org_id = ?"
                      + where
                      + " ORDER BY name")) {
            bind(ps, orgId, name);
            List<Tag> tags = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                tags.add(new Tag(rs.getString(1), rs.getString(2)));
              }
            }
            return tags;
          }
        });
  }

  private List<CustomField> fields(String orgId, String where, @Nullable String name) {
    return tx.run("read custom fields", c -> fields(c, orgId, where, name));
  }

  private static List<CustomField> fields(
      Connection c, String orgId, String where, @Nullable String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + FIELD_COLUMNS + " FROM custom_fields WHERE org_id = ?" + where)) {
      bind(ps, orgId, name);
      List<CustomField> fields = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String options = rs.getString(4);
          fields.add(
              new CustomField(
                  rs.getString(1),
                  rs.getString(2),
                  FieldType.valueOf(rs.getString(3)),
                  options == null ? List.of() : ActionJson.strings(options)));
        }
      }
      return fields;
    }
  }

  private static void bind(PreparedStatement ps, String orgId, @Nullable String name)
      throws SQLException {
    ps.setString(1, orgId);
    if (name != null) {
      ps.setString(2, name);
    }
  }

  private static @Nullable String options(CustomField field) {
    return field.options().isEmpty() ? null : ActionJson.strings(field.options());
  }
}
