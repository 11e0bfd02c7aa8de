package dev.p2p.store.jdbc;

import dev.p2p.assign.Target;
import dev.p2p.store.support.Refusals;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** An action's targets (in {@code action_targets}, in the order added) and its join token. */
final class TargetSql {
  private final Tx tx;

  TargetSql(Tx tx) {
    this.tx = tx;
  }

  /** Whether the organization has the action. */
  static boolean actionExists(Connection c, String orgId, long actionId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM actions WHERE org_id = ? AND id = ?")) {
      ps.setString(1, orgId);
      ps.setLong(2, actionId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  void addTargets(String orgId, long actionId, Collection<Target> targets) {
    tx.run(
        "add the action's targets",
        c -> {
          if (!actionExists(c, orgId, actionId)) {
            throw Refusals.noAction(actionId);
          }
          for (Target target : targets) {
            Inserts.ifAbsent(
                c,
                tx.dialect(),
                "action_targets",
                "action_id, kind, target_id",
                "action_id, kind, target_id",
                ps -> {
                  ps.setLong(1, actionId);
                  ps.setString(2, target.kind().name());
                  ps.setString(3, target.id());
                });
          }
          return targets.size();
        });
  }

  boolean removeTarget(String orgId, long actionId, Target target) {
    return tx.run(
        "remove a target",
        c -> {
          if (!actionExists(c, orgId, actionId)) {
            return false;
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM action_targets WHERE action_id = ? AND kind = ? AND target_id = ?")) {
            ps.setLong(1, actionId);
            ps.setString(2, target.kind().name());
            ps.setString(3, target.id());
            return ps.executeUpdate() > 0;
          }
        });
  }

  List<Target> targets(String orgId, long actionId) {
    return tx.run(
        "read the action's targets",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT t.kind, t.target_id FROM action_targets t"
                      + " JOIN actions a ON a.id = t.action_id"
                      + " WHERE a.org_id = ? AND t.action_id = ? ORDER BY t.seq")) {
            ps.setString(1, orgId);
            ps.setLong(2, actionId);
            List<Target> targets = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                targets.add(new Target(Target.Kind.valueOf(rs.getString(1)), rs.getString(2)));
              }
            }
            return targets;
          }
        });
  }

  void setJoinToken(String orgId, long actionId, Optional<String> tokenHash) {
    tx.run(
        "set the action's join token",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE actions SET join_token_hash = ? WHERE org_id = ? AND id = ?")) {
            MessageRows.setText(ps, 1, tokenHash);
            ps.setString(2, orgId);
            ps.setLong(3, actionId);
            if (ps.executeUpdate() == 0) {
              throw Refusals.noAction(actionId);
            }
          }
          return actionId;
        });
  }

  OptionalLong findActionByJoinToken(String orgId, String tokenHash) {
    return tx.run(
        "find the action of a join token",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id FROM actions WHERE org_id = ? AND join_token_hash = ?"
                      + " ORDER BY id LIMIT 1")) {
            ps.setString(1, orgId);
            ps.setString(2, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
          }
        });
  }
}
