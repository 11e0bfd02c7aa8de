package dev.p2p.store.jdbc;

import dev.p2p.action.Action;
import dev.p2p.action.ActionSpec;
import dev.p2p.action.ActionStatus;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.action.SenderSettings;
import dev.p2p.action.TextingHours;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Actions: one row each with its settings, JSON for the script tree and report, and the tags and
 * fields it uses in {@code action_uses} (the fields it sets and the variables its bodies read, as
 * {@code FIELD} rows, so that neither can be deleted while it is in use). Every change is a
 * compare-and-set on (status, version). Saving as published or paused first locks the rows of the
 * tags and fields the action uses and fails if one is missing; deleting a tag or field locks its
 * row before looking for uses. So a delete and a save racing on one tag are serialized, and a live
 * action never uses a missing one.
 */
final class ActionSql {
  /** The columns of the spec, in the order {@link #bindSpec} binds them. */
  private static final String SPEC_COLUMNS =
      "name, list_id, script, report, own_tags, own_fields, hours_start, hours_end, default_zone,"
          + " sender_gateway, messaging_service_id, sender_numbers, assign_policy, batch_size,"
          + " max_per_texter, keep_assignments, smart_encoding, asks_report";

  private static final String SELECT =
      "SELECT id, status, version, created_at, updated_at, " + SPEC_COLUMNS + " FROM actions";

  /** The longest name a tag or field can have; longer names in a draft are never defined. */
  private static final int MAX_USE_NAME = 64;

  private final Tx tx;

  ActionSql(Tx tx) {
    this.tx = tx;
  }

  Action create(String orgId, ActionSpec spec, Instant now) {
    return tx.runInOrganization(
        "create the action",
        orgId,
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO actions (org_id, status, version, created_at, updated_at, "
                      + SPEC_COLUMNS
                      + ") VALUES (?, 'DRAFT', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                      + " ?, ?, ?, ?)",
                  new String[] {"id"})) {
            ps.setString(1, orgId);
            ps.setObject(2, Times.toColumn(now));
            ps.setObject(3, Times.toColumn(now));
            bindSpec(ps, 4, spec);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              id = keys.getLong(1);
            }
          }
          writeUses(c, orgId, id, spec);
          Instant stored = Times.stored(now);
          return new Action(id, ActionStatus.DRAFT, 1, stored, stored, spec);
        });
  }

  Optional<Action> find(String orgId, long actionId) {
    return tx.run("read the action", c -> find(c, orgId, actionId));
  }

  List<Action> page(String orgId, long beforeId, int limit) {
    return tx.run(
        "read actions",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  SELECT + " WHERE org_id = ? AND id < ? ORDER BY org_id DESC, id DESC LIMIT ?")) {
            ps.setString(1, orgId);
            ps.setLong(2, beforeId);
            ps.setInt(3, limit);
            return read(ps);
          }
        });
  }

  Optional<Action> save(
      String orgId, Action current, ActionStatus status, ActionSpec spec, Instant now) {
    return tx.run(
        "save the action",
        c -> {
          if ((status == ActionStatus.PUBLISHED || status == ActionStatus.PAUSED)
              && !(FieldSql.lockDefined(c, orgId, FieldSql.TAG, spec.tagsUsed())
                  && FieldSql.lockDefined(c, orgId, FieldSql.FIELD, spec.fieldsUsed()))) {
            return Optional.<Action>empty();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE actions SET status = ?, version = version + 1, updated_at = ?, "
                      + SPEC_COLUMNS.replace(",", " = ?,")
                      + " = ? WHERE org_id = ? AND id = ? AND status = ? AND version = ?")) {
            ps.setString(1, status.name());
            ps.setObject(2, Times.toColumn(now));
            int next = bindSpec(ps, 3, spec);
            ps.setString(next, orgId);
            ps.setLong(next + 1, current.id());
            ps.setString(next + 2, current.status().name());
            ps.setLong(next + 3, current.version());
            if (ps.executeUpdate() == 0) {
              return Optional.<Action>empty();
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM action_uses WHERE action_id = ?")) {
            ps.setLong(1, current.id());
            ps.executeUpdate();
          }
          writeUses(c, orgId, current.id(), spec);
          return Optional.of(
              new Action(
                  current.id(),
                  status,
                  current.version() + 1,
                  current.createdAt(),
                  Times.stored(now),
                  spec));
        });
  }

  boolean deleteDraft(String orgId, long actionId) {
    return tx.run(
        "delete the draft",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM actions WHERE org_id = ? AND id = ? AND status = 'DRAFT'")) {
            ps.setString(1, orgId);
            ps.setLong(2, actionId);
            return ps.executeUpdate() > 0;
          }
        });
  }

  // ---- rows ----

  private static Optional<Action> find(Connection c, String orgId, long actionId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE org_id = ? AND id = ?")) {
      ps.setString(1, orgId);
      ps.setLong(2, actionId);
      return read(ps).stream().findFirst();
    }
  }

  private static void writeUses(Connection c, String orgId, long actionId, ActionSpec spec)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO action_uses (org_id, action_id, kind, name) VALUES (?, ?, ?, ?)")) {
      addUses(ps, orgId, actionId, FieldSql.TAG, spec.tagsUsed());
      Set<String> fields = new LinkedHashSet<>(spec.fieldsUsed());
      fields.addAll(spec.variablesUsed()); // a field a body reads is in use too
      addUses(ps, orgId, actionId, FieldSql.FIELD, fields);
      ps.executeBatch();
    }
  }

  private static void addUses(
      PreparedStatement ps, String orgId, long actionId, String kind, Set<String> names)
      throws SQLException {
    for (String name : names) {
      if (name.length() <= MAX_USE_NAME) {
        ps.setString(1, orgId);
        ps.setLong(2, actionId);
        ps.setString(3, kind);
        ps.setString(4, name);
        ps.addBatch();
      }
    }
  }

  /** Binds the spec's columns from {@code index}; returns the next free index. */
  private static int bindSpec(PreparedStatement ps, int index, ActionSpec spec)
      throws SQLException {
    int i = index;
    ps.setString(i++, spec.name());
    if (spec.contactListId().isPresent()) {
      ps.setLong(i++, spec.contactListId().getAsLong());
    } else {
      ps.setNull(i++, Types.BIGINT);
    }
    ps.setString(i++, ActionJson.script(spec.script()));
    ps.setString(i++, ActionJson.report(spec.report()));
    ps.setString(i++, ActionJson.strings(spec.tags()));
    ps.setString(i++, ActionJson.strings(spec.fields()));
    TextingHours hours = spec.textingHours();
    ps.setString(i++, hours.start().toString());
    ps.setString(i++, hours.end().toString());
    ps.setString(i++, hours.defaultZone().getId());
    Optional<SenderSettings> sender = spec.sender();
    ps.setString(i++, sender.map(SenderSettings::gateway).orElse(null));
    ps.setString(i++, sender.flatMap(SenderSettings::messagingServiceId).orElse(null));
    ps.setString(
        i++,
        sender
            .filter(s -> !s.numbers().isEmpty())
            .map(s -> ActionJson.strings(s.numbers()))
            .orElse(null));
    AssignmentSettings assignment = spec.assignment();
    ps.setString(i++, assignment.policy().name());
    ps.setInt(i++, assignment.batchSize());
    ps.setInt(i++, assignment.maxPerTexter());
    ps.setBoolean(i++, assignment.keepAssignments());
    ps.setBoolean(i++, spec.smartEncoding());
    ps.setBoolean(i++, !spec.report().isEmpty()); // asks_report: see V4__texting.sql
    return i;
  }

  private static List<Action> read(PreparedStatement ps) throws SQLException {
    List<Action> actions = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        actions.add(read(rs));
      }
    }
    return actions;
  }

  private static Action read(ResultSet rs) throws SQLException {
    long listId = rs.getLong(7);
    OptionalLong list = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(listId);
    String gateway = rs.getString(15);
    String numbers = rs.getString(17);
    Optional<SenderSettings> sender =
        gateway == null
            ? Optional.empty()
            : Optional.of(
                new SenderSettings(
                    gateway,
                    Optional.ofNullable(rs.getString(16)),
                    numbers == null ? List.of() : ActionJson.strings(numbers)));
    ActionSpec spec =
        new ActionSpec(
            rs.getString(6),
            list,
            ActionJson.script(rs.getString(8)),
            ActionJson.strings(rs.getString(10)),
            ActionJson.strings(rs.getString(11)),
            ActionJson.report(rs.getString(9)),
            new TextingHours(
                LocalTime.parse(rs.getString(12)),
                LocalTime.parse(rs.getString(13)),
                ZoneId.of(rs.getString(14))),
            sender,
            AssignmentSettings.DEFAULT
                .withPolicy(AssignmentSettings.Policy.valueOf(rs.getString(18)))
                .withBatchSize(rs.getInt(19))
                .withMaxPerTexter(rs.getInt(20))
                .withKeepAssignments(rs.getBoolean(21)),
            rs.getBoolean(22));
    return new Action(
        rs.getLong(1),
        ActionStatus.valueOf(rs.getString(2)),
        rs.getLong(3),
        Times.fromColumn(rs.getObject(4, LocalDateTime.class)),
        Times.fromColumn(rs.getObject(5, LocalDateTime.class)),
        spec);
  }
}
