package dev.p2p.store.memory;

import dev.p2p.action.Action;
import dev.p2p.action.ActionSpec;
import dev.p2p.action.ActionStatus;
import dev.p2p.field.CustomField;
import dev.p2p.field.Tag;
import dev.p2p.store.memory.OrgData.ListData;
import dev.p2p.store.support.FieldRule;
import dev.p2p.store.support.Refusals;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The tag, custom-field and action operations behind {@link InMemoryActionStore}. Every method runs
 * under the store's lock, on one organization's data.
 */
final class InMemoryActions {
  private final AtomicLong ids = new AtomicLong();
  private final Map<OrgData, OrgActions> byOrg = new HashMap<>();

  /** One organization's tags, fields and actions. */
  private static final class OrgActions {
    final TreeMap<String, Tag> tags = new TreeMap<>();
    final TreeMap<String, CustomField> fields = new TreeMap<>();
    final TreeMap<Long, Action> actions = new TreeMap<>();
  }

  private OrgActions of(OrgData org) {
    return byOrg.computeIfAbsent(org, o -> new OrgActions());
  }

  Tag createTag(OrgData org, Tag tag) {
    if (of(org).tags.putIfAbsent(tag.name(), tag) != null) {
      throw Refusals.tagExists(tag.name());
    }
    return tag;
  }

  boolean updateTag(OrgData org, Tag tag) {
    return of(org).tags.replace(tag.name(), tag) != null;
  }

  Optional<Tag> findTag(OrgData org, String name) {
    return Optional.ofNullable(of(org).tags.get(name));
  }

  List<Tag> tags(OrgData org) {
    return List.copyOf(of(org).tags.values());
  }

  boolean deleteTag(OrgData org, String name) {
    OrgActions data = of(org);
    refuseIfUsed(data, "tag", name, ActionSpec::tagsUsed);
    return data.tags.remove(name) != null;
  }

  CustomField createField(OrgData org, CustomField field) {
    if (of(org).fields.putIfAbsent(field.name(), field) != null) {
      throw Refusals.fieldExists(field.name());
    }
    return field;
  }

  boolean updateField(OrgData org, CustomField field) {
    CustomField current = of(org).fields.get(field.name());
    if (current == null) {
      return false;
    }
    FieldRule.check(current, field);
    of(org).fields.put(field.name(), field);
    return true;
  }

  Optional<CustomField> findField(OrgData org, String name) {
    return Optional.ofNullable(of(org).fields.get(name));
  }

  List<CustomField> fields(OrgData org) {
    return List.copyOf(of(org).fields.values());
  }

  boolean deleteField(OrgData org, String name) {
    OrgActions data = of(org);
    refuseIfUsed(data, "custom field", name, InMemoryActions::fieldsAndVariables);
    return data.fields.remove(name) != null;
  }

  Action createAction(OrgData org, ActionSpec spec, Instant now) {
    Action action = new Action(ids.incrementAndGet(), ActionStatus.DRAFT, 1, now, now, spec);
    of(org).actions.put(action.id(), action);
    return action;
  }

  Optional<Action> findAction(OrgData org, long actionId) {
    return Optional.ofNullable(of(org).actions.get(actionId));
  }

  List<Action> actions(OrgData org, long beforeId, int limit) {
    return of(org).actions.headMap(beforeId, false).descendingMap().values().stream()
        .limit(limit)
        .toList();
  }

  Optional<Action> saveAction(
      OrgData org, Action current, ActionStatus status, ActionSpec spec, Instant now) {
    OrgActions data = of(org);
    Action stored = data.actions.get(current.id());
    if (stored == null
        || stored.status() != current.status()
        || stored.version() != current.version()) {
      return Optional.empty();
    }
    if ((status == ActionStatus.PUBLISHED || status == ActionStatus.PAUSED)
        && !(data.tags.keySet().containsAll(spec.tagsUsed())
            && data.fields.keySet().containsAll(spec.fieldsUsed()))) {
      return Optional.empty();
    }
    Action saved =
        new Action(stored.id(), status, stored.version() + 1, stored.createdAt(), now, spec);
    data.actions.put(saved.id(), saved);
    return Optional.of(saved);
  }

  boolean deleteDraft(OrgData org, long actionId) {
    OrgActions data = of(org);
    Action stored = data.actions.get(actionId);
    if (stored == null || stored.status() != ActionStatus.DRAFT) {
      return false;
    }
    data.actions.remove(actionId);
    return true;
  }

  Set<String> listFieldNames(OrgData org, long listId) {
    return readyList(org, listId)
        .map(l -> Set.copyOf(new TreeSet<>(l.fieldNames)))
        .orElse(Set.of());
  }

  OptionalLong lastContactId(OrgData org, long listId) {
    Optional<ListData> list = readyList(org, listId).filter(l -> !l.contacts.isEmpty());
    return list.isPresent() ? OptionalLong.of(list.get().contacts.lastKey()) : OptionalLong.empty();
  }

  private static Optional<ListData> readyList(OrgData org, long listId) {
    return Optional.ofNullable(org.lists.get(listId)).filter(l -> l.ready);
  }

  private static Set<String> fieldsAndVariables(ActionSpec spec) {
    Set<String> names = new HashSet<>(spec.fieldsUsed());
    names.addAll(spec.variablesUsed());
    return names;
  }

  private static void refuseIfUsed(
      OrgActions data, String kind, String name, Function<ActionSpec, Set<String>> used) {
    for (Action action : data.actions.values()) {
      if (action.status() != ActionStatus.CLOSED && used.apply(action.spec()).contains(name)) {
        throw Refusals.inUse(kind, name, action.id(), action.name(), action.status());
      }
    }
  }
}
