package dev.p2p.store;

import dev.p2p.action.Action;
import dev.p2p.action.ActionSpec;
import dev.p2p.action.ActionStatus;
import dev.p2p.field.CustomField;
import dev.p2p.field.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The storage operations behind tags, custom fields and actions: the part of a {@link Store}
 * returned by {@link Store#actions()}, sharing its transactions (or lock) and lifecycle. Like every
 * store operation, each method runs atomically and never crosses organizations. Inputs arrive
 * validated by the core; the store checks what needs data (existence, uniqueness, the status an
 * action is in) and reports it with {@link dev.p2p.NotFoundException} or {@link
 * dev.p2p.ValidationException}. Thread-safe; SQL stores settle races between app nodes in the
 * database.
 */
public interface ActionStore {

  // ---- tags ----

  /**
   * Defines a tag. Events: none.
   *
   * @throws dev.p2p.ValidationException naming {@code name} if the tag exists ({@link
   *     dev.p2p.store.support.Refusals#tagExists})
   */
  void createTag(String orgId, Tag tag);

  /** Replaces an existing tag's description. Returns whether the tag exists. Events: none. */
  boolean updateTag(String orgId, Tag tag);

  /** The tag with this name. */
  Optional<Tag> findTag(String orgId, String name);

  /** Every tag of the organization, ordered by name. */
  List<Tag> tags(String orgId);

  /**
   * Deletes a tag. Returns whether it existed. Events: none.
   *
   * @throws dev.p2p.ValidationException naming {@code name} if an action that is not closed uses it
   *     ({@link ActionSpec#tagsUsed()}; {@link dev.p2p.store.support.Refusals#inUse}); nothing is
   *     deleted
   */
  boolean deleteTag(String orgId, String name);

  // ---- custom fields ----

  /**
   * Defines a custom field. Events: none.
   *
   * @throws dev.p2p.ValidationException naming {@code name} if the field exists ({@link
   *     dev.p2p.store.support.Refusals#fieldExists})
   */
  void createField(String orgId, CustomField field);

  /**
   * Replaces an existing field's label and options, checked against the stored field in the same
   * transaction ({@link dev.p2p.store.support.FieldRule}): the type stays, a choice field keeps
   * every option, so a concurrent update can never drop an option another one relied on. Returns
   * whether the field exists. Events: none.
   *
   * @throws dev.p2p.ValidationException naming {@code type} or {@code options}; nothing is written
   */
  boolean updateField(String orgId, CustomField field);

  /** The field with this name. */
  Optional<CustomField> findField(String orgId, String name);

  /** Every custom field of the organization, ordered by name. */
  List<CustomField> fields(String orgId);

  /**
   * Deletes a custom field. Returns whether it existed. Events: none.
   *
   * @throws dev.p2p.ValidationException naming {@code name} if an action that is not closed sets it
   *     ({@link ActionSpec#fieldsUsed()}) or reads it in a body ({@link
   *     ActionSpec#variablesUsed()}; {@link dev.p2p.store.support.Refusals#inUse}); nothing is
   *     deleted
   */
  boolean deleteField(String orgId, String name);

  // ---- actions ----

  /** Stores a new action as a {@link ActionStatus#DRAFT} of version 1. Events: none. */
  Action createAction(String orgId, ActionSpec spec, Instant now);

  /** The action with this id. */
  Optional<Action> findAction(String orgId, long actionId);

  /** Actions newest first (by id, descending), strictly before {@code beforeId}. */
  List<Action> actions(String orgId, long beforeId, int limit);

  /**
   * Replaces an action's status and spec if it is still exactly as {@code current} says (same
   * status and version): a compare-and-set, so that of two nodes changing one action only one
   * succeeds. The version goes up by one.
   *
   * <p>Saving as {@link ActionStatus#PUBLISHED} or {@link ActionStatus#PAUSED} also requires every
   * tag and custom field the spec uses ({@link ActionSpec#tagsUsed()}, {@link
   * ActionSpec#fieldsUsed()}) to be defined, checked atomically with the save: a concurrent {@link
   * #deleteTag} or {@link #deleteField} either sees the saved action (and is refused) or makes the
   * save write nothing. The core checked them before saving; this closes the gap in between.
   *
   * <p>Events: none.
   *
   * @return the action as saved, or empty if it changed meanwhile, no longer exists, or (saving as
   *     published or paused) uses a tag or field that is not defined (nothing written)
   */
  Optional<Action> saveAction(
      String orgId, Action current, ActionStatus status, ActionSpec spec, Instant now);

  /** Deletes an action if it is a draft. Returns whether it was deleted. Events: none. */
  boolean deleteDraft(String orgId, long actionId);

  // ---- what actions need to know of contact lists ----

  /**
   * The custom-field names present in a list's contacts, recorded as contacts are added and
   * imported (not recomputed on removal: it may name a field no remaining contact has); empty when
   * the list is missing or still being imported.
   */
  Set<String> listFieldNames(String orgId, long listId);

  /**
   * The highest contact id of a list; empty when the list is empty, missing or still being
   * imported.
   */
  OptionalLong lastContactId(String orgId, long listId);
}
