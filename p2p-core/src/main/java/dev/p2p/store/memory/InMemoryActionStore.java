package dev.p2p.store.memory;

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
 * {@link InMemoryStore}'s action part: each operation runs {@link InMemoryActions} under the
 * store's one lock, on the organization the store looks up.
 */
final class InMemoryActionStore implements ActionStore {
  private final InMemoryStore store;
  private final InMemoryActions actions = new InMemoryActions();

  InMemoryActionStore(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public void createTag(String orgId, Tag tag) {
    store.locked(() -> actions.createTag(store.org(orgId), tag));
  }

  @Override
  public boolean updateTag(String orgId, Tag tag) {
    return store.locked(() -> actions.updateTag(store.org(orgId), tag));
  }

  @Override
  public Optional<Tag> findTag(String orgId, String name) {
    return store.locked(() -> actions.findTag(store.org(orgId), name));
  }

  @Override
  public List<Tag> tags(String orgId) {
    return store.locked(() -> actions.tags(store.org(orgId)));
  }

  @Override
  public boolean deleteTag(String orgId, String name) {
    return store.locked(() -> actions.deleteTag(store.org(orgId), name));
  }

  @Override
  public void createField(String orgId, CustomField field) {
    store.locked(() -> actions.createField(store.org(orgId), field));
  }

  @Override
  public boolean updateField(String orgId, CustomField field) {
    return store.locked(() -> actions.updateField(store.org(orgId), field));
  }

  @Override
  public Optional<CustomField> findField(String orgId, String name) {
    return store.locked(() -> actions.findField(store.org(orgId), name));
  }

  @Override
  public List<CustomField> fields(String orgId) {
    return store.locked(() -> actions.fields(store.org(orgId)));
  }

  @Override
  public boolean deleteField(String orgId, String name) {
    return store.locked(() -> actions.deleteField(store.org(orgId), name));
  }

  @Override
  public Action createAction(String orgId, ActionSpec spec, Instant now) {
    return store.locked(() -> actions.createAction(store.org(orgId), spec, now));
  }

  @Override
  public Optional<Action> findAction(String orgId, long actionId) {
    return store.locked(() -> actions.findAction(store.org(orgId), actionId));
  }

  @Override
  public List<Action> actions(String orgId, long beforeId, int limit) {
    return store.locked(() -> actions.actions(store.org(orgId), beforeId, limit));
  }

  @Override
  public Optional<Action> saveAction(
      String orgId, Action current, ActionStatus status, ActionSpec spec, Instant now) {
    return store.locked(() -> actions.saveAction(store.org(orgId), current, status, spec, now));
  }

  @Override
  public boolean deleteDraft(String orgId, long actionId) {
    return store.locked(() -> actions.deleteDraft(store.org(orgId), actionId));
  }

  @Override
  public Set<String> listFieldNames(String orgId, long listId) {
    return store.locked(() -> actions.listFieldNames(store.org(orgId), listId));
  }

  @Override
  public OptionalLong lastContactId(String orgId, long listId) {
    return store.locked(() -> actions.lastContactId(store.org(orgId), listId));
  }
}
