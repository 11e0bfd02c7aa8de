package dev.p2p.texter;

import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import dev.p2p.store.support.IdOrder;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The organization's teams, or its user lists: named groups of texters that actions are assigned
 * to. Obtained from {@code Organization.teams()} or {@code userLists()}; thread-safe.
 */
public interface Groups {
  /**
   * Creates the group or renames it; its members are kept.
   *
   * @param groupId 1 to {@value Group#MAX_ID_LENGTH} characters, compared exactly: no space at
   *     either end, no control character or lone surrogate
   * @param name 1 to {@value Group#MAX_NAME_LENGTH} characters; each NUL and lone surrogate becomes
   *     U+FFFD
   * @throws ValidationException naming {@code groupId} or {@code name}
   */
  Group upsert(String groupId, String name);

  /**
   * The group with this id, with its size.
   *
   * @throws ValidationException naming {@code groupId} if it is not a valid group id
   */
  Optional<Group> find(String groupId);

  /** Every group of this kind, ordered by id. */
  List<Group> all();

  /**
   * Adds texters to the group; texters already in it are left alone.
   *
   * @throws ValidationException naming {@code groupId} or {@code texterIds} for an id that is not
   *     valid
   * @throws NotFoundException if the group or any texter does not exist (nothing is added)
   */
  void addMembers(String groupId, Collection<String> texterIds);

  /**
   * Removes texters from the group; ids that are not members are ignored.
   *
   * @throws ValidationException naming {@code groupId} or {@code texterIds} for an id that is not
   *     valid
   */
  void removeMembers(String groupId, Collection<String> texterIds);

  /**
   * The ids of the group's members, ordered by code point on every store ({@link IdOrder}).
   *
   * @throws NotFoundException if the group does not exist
   */
  List<String> members(String groupId);

  /** Deletes the group (not its texters). Returns whether it existed. */
  boolean delete(String groupId);
}
