package dev.p2p.store.jdbc;

import dev.p2p.action.Action;
import dev.p2p.action.ActionSpec;
import dev.p2p.action.ActionStatus;
import dev.p2p.field.CustomField;
import dev.p2p.field.Tag;
import dev.p2p.store.ActionStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@link JdbcStore}'s action part: tags and custom fields through {@link FieldSql}, actions through
 * {@link ActionSql}, what actions read of lists through {@link ListFieldNames}; every method one
 * transaction of the store's {@link Tx}.
 */
final class JdbcActionStore implements ActionStore {
  private final Tx tx;
  private final FieldSql fields;
  private final ActionSql actions;

  JdbcActionStore(Tx tx) {
    this.tx = tx;
    this.fields = new FieldSql(tx);
    this.actions = new ActionSql(tx);
  }

  @Override
  public void createTag(String orgId, Tag tag) {
    fields.createTag(orgId, tag);
  }

  @Override
  public boolean updateTag(String orgId, Tag tag) {
    return fields.updateTag(orgId, tag);
  }

  @Override
  public Optional<Tag> findTag(String orgId, String name) {
    return fields.findTag(orgId, name);
  }

  @Override
  public List<Tag> tags(String orgId) {
    return fields.tags(orgId);
  }

  @Override
  public boolean deleteTag(String orgId, String name) {
    return fields.deleteTag(orgId, name);
  }

  @Override
  public void createField(String orgId, CustomField field) {
    fields.createField(orgId, field);
  }

  @Override
  public boolean updateField(String orgId, CustomField field) {
    return fields.updateField(orgId, field);
  }

  @Override
  public Optional<CustomField> findField(String orgId, String name) {
    return fields.findField(orgId, name);
  }

  @Override
  public List<CustomField> fields(String orgId) {
    return fields.fields(orgId);
  }

  @Override
  public boolean deleteField(String orgId, String name) {
    return fields.deleteField(orgId, name);
  }

  @Override
  public Action createAction(String orgId, ActionSpec spec, Instant now) {
    return actions.create(orgId, spec, now);
  }

  @Override
  public Optional<Action> findAction(String orgId, long actionId) {
    return actions.find(orgId, actionId);
  }

  @Override
  public List<Action> actions(String orgId, long beforeId, int limit) {
    return actions.page(orgId, beforeId, limit);
  }

  @Override
  public Optional<Action> saveAction(
      String orgId, Action current, ActionStatus status, ActionSpec spec, Instant now) {
    return actions.save(orgId, current, status, spec, now);
  }

  @Override
  public boolean deleteDraft(String orgId, long actionId) {
    return actions.deleteDraft(orgId, actionId);
  }

  @Override
  public Set<String> listFieldNames(String orgId, long listId) {
    return tx.run(
        "read the list's field names",
        c -> Set.copyOf(ListFieldNames.readComplete(c, orgId, listId)));
  }

  @Override
  public OptionalLong lastContactId(String orgId, long listId) {
    return tx.run(
        "read the list's last contact", c -> ListFieldNames.lastContactId(c, orgId, listId));
  }
}
