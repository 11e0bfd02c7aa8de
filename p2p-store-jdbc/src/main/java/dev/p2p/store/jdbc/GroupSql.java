package dev.p2p.store.jdbc;

import dev.p2p.store.support.Refusals;
import dev.p2p.texter.Group;
import dev.p2p.texter.GroupKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Teams and user lists, and their members. */
final class GroupSql {
  private static final String SELECT =
      "SELECT g.id, g.name, (SELECT COUNT(*) FROM group_members m"
          + " WHERE m.org_id = g.org_id AND m.kind = g.kind AND m.group_id = g.id)"
          + " FROM texter_groups g WHERE g.org_id = ? AND g.kind = ?";
  private static final String LOCK =
      "SELECT id FROM texter_groups WHERE org_id = ? AND kind = ? AND id = ? FOR UPDATE";
  private static final String MEMBER_KEY = " WHERE org_id = ? AND kind = ? AND group_id = ?";

  /** How many ids one {@code IN (...)} lookup carries. */
  private static final int IN_CHUNK = 500;

  private final Tx tx;

  GroupSql(Tx tx) {
    this.tx = tx;
  }

  void upsert(String orgId, GroupKind kind, String groupId, String name) {
    tx.runInOrganization(
        "save the group",
        orgId,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(tx.dialect().upsertGroup)) {
            bindKey(ps, orgId, kind, groupId);
            ps.setString(4, name);
            return ps.executeUpdate();
          }
        });
  }

  Optional<Group> find(String orgId, GroupKind kind, String groupId) {
    return tx.run(
        "read a group",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(SELECT + " AND g.id = ?")) {
            bindKey(ps, orgId, kind, groupId);
            return read(ps, kind).stream().findFirst();
          }
        });
  }

  List<Group> all(String orgId, GroupKind kind) {
    return tx.run(
        "read groups",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(SELECT + " ORDER BY " + tx.dialect().idKey("g.id"))) {
            ps.setString(1, orgId);
            ps.setString(2, kind.name());
            return read(ps, kind);
          }
        });
  }

  void addMembers(String orgId, GroupKind kind, String groupId, Collection<String> texterIds) {
    Set<String> ids = new LinkedHashSet<>(texterIds);
    tx.run(
        "add members to the group",
        c -> {
          if (!lock(c, orgId, kind, groupId)) {
            throw Refusals.noGroup(kind, groupId);
          }
          Set<String> known = existingTexters(c, orgId, ids);
          for (String id : ids) {
            if (!known.contains(id)) {
              throw Refusals.noTexter(id);
            }
          }
          try (PreparedStatement ps = c.prepareStatement(tx.dialect().insertMember)) {
            for (String id : ids) {
              bindKey(ps, orgId, kind, groupId);
              ps.setString(4, id);
              ps.addBatch();
            }
            return ids.isEmpty() ? new int[0] : ps.executeBatch();
          }
        });
  }

  void removeMembers(String orgId, GroupKind kind, String groupId, Collection<String> texterIds) {
    Set<String> ids = new LinkedHashSet<>(texterIds);
    tx.run(
        "remove members from the group",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM group_members" + MEMBER_KEY + " AND texter_id = ?")) {
            for (String id : ids) {
              bindKey(ps, orgId, kind, groupId);
              ps.setString(4, id);
              ps.addBatch();
            }
            return ids.isEmpty() ? new int[0] : ps.executeBatch();
          }
        });
  }

  List<String> members(String orgId, GroupKind kind, String groupId) {
    return tx.run(
        "read the group's members",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT texter_id FROM group_members"
                      + MEMBER_KEY
                      + " ORDER BY "
                      + tx.dialect().idKey("texter_id"))) {
            bindKey(ps, orgId, kind, groupId);
            List<String> members = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                members.add(rs.getString(1));
              }
            }
            return members;
          }
        });
  }

  boolean delete(String orgId, GroupKind kind, String groupId) {
    return tx.run(
        "delete the group",
        c -> {
          if (!lock(c, orgId, kind, groupId)) {
            return false;
          }
          try (PreparedStatement members =
                  c.prepareStatement("DELETE FROM group_members" + MEMBER_KEY);
              PreparedStatement group =
                  c.prepareStatement(
                      "DELETE FROM texter_groups WHERE org_id = ? AND kind = ? AND id = ?")) {
            bindKey(members, orgId, kind, groupId);
            members.executeUpdate();
            bindKey(group, orgId, kind, groupId);
            return group.executeUpdate() > 0;
          }
        });
  }

  private static boolean lock(Connection c, String orgId, GroupKind kind, String groupId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(LOCK)) {
      bindKey(ps, orgId, kind, groupId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static Set<String> existingTexters(Connection c, String orgId, Set<String> ids)
      throws SQLException {
    Set<String> found = new HashSet<>();
    List<String> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
      String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement ps =
          c.prepareStatement("SELECT id FROM texters WHERE org_id = ? AND id IN (" + marks + ")")) {
        ps.setString(1, orgId);
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 2, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.add(rs.getString(1));
          }
        }
      }
    }
    return found;
  }

  private static List<Group> read(PreparedStatement ps, GroupKind kind) throws SQLException {
    List<Group> groups = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        groups.add(new Group(kind, rs.getString(1), rs.getString(2), rs.getInt(3)));
      }
    }
    return groups;
  }

  private static void bindKey(PreparedStatement ps, String orgId, GroupKind kind, String groupId)
      throws SQLException {
    ps.setString(1, orgId);
    ps.setString(2, kind.name());
    ps.setString(3, groupId);
  }
}
