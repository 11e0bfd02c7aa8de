package dev.p2p.texter;

import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.internal.Inputs;
import dev.p2p.internal.OrgContext;
import dev.p2p.store.support.IdOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The organization's teams, or its user lists: named groups of texters that actions are assigned
 * to. Obtained from {@code Organization.teams()} or {@code userLists()}; thread-safe.
 */
public final class Groups {
  private final OrgContext ctx;
  private final GroupKind kind;

  /** Internal: obtain through {@code Organization.teams()} or {@code userLists()}. */
  public Groups(OrgContext ctx, GroupKind kind) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * Creates the group or renames it; its members are kept.
   *
   * @param groupId 1 to {@value Group#MAX_ID_LENGTH} characters, compared exactly: no space at
   *     either end, no control character or lone surrogate
   * @param name 1 to {@value Group#MAX_NAME_LENGTH} characters; each NUL and lone surrogate becomes
   *     U+FFFD
   * @throws ValidationException naming {@code groupId} or {@code name}
   */
  public Group upsert(String groupId, String name) {
    List<Violation> problems = new ArrayList<>();
    Inputs.idProblem(groupId, Group.MAX_ID_LENGTH)
        .ifPresent(p -> problems.add(new Violation("groupId", p)));
    if (name.isBlank()) {
      problems.add(new Violation("name", "must not be blank"));
    } else if (name.length() > Group.MAX_NAME_LENGTH) {
      problems.add(
          new Violation("name", "must be at most " + Group.MAX_NAME_LENGTH + " characters"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    ctx.store().upsertGroup(ctx.orgId(), kind, groupId, Inputs.text(name.strip()));
    return find(groupId).orElseThrow(() -> new NotFoundException(kind.noun(), groupId));
  }

  /**
   * The group with this id, with its size.
   *
   * @throws ValidationException naming {@code groupId} if it is not a valid group id
   */
  public Optional<Group> find(String groupId) {
    return ctx.store().findGroup(ctx.orgId(), kind, checkId(groupId));
  }

  /** Every group of this kind, ordered by id. */
  public List<Group> all() {
    return ctx.store().groups(ctx.orgId(), kind);
  }

  /**
   * Adds texters to the group; texters already in it are left alone.
   *
   * @throws ValidationException naming {@code groupId} or {@code texterIds} for an id that is not
   *     valid
   * @throws NotFoundException if the group or any texter does not exist (nothing is added)
   */
  public void addMembers(String groupId, Collection<String> texterIds) {
    List<String> ids = checkMembers(texterIds);
    ctx.store().addMembers(ctx.orgId(), kind, checkId(groupId), ids);
  }

  /**
   * Removes texters from the group; ids that are not members are ignored.
   *
   * @throws ValidationException naming {@code groupId} or {@code texterIds} for an id that is not
   *     valid
   */
  public void removeMembers(String groupId, Collection<String> texterIds) {
    List<String> ids = checkMembers(texterIds);
    requireGroup(checkId(groupId));
    ctx.store().removeMembers(ctx.orgId(), kind, groupId, ids);
  }

  /**
   * The ids of the group's members, ordered by code point on every store ({@link IdOrder}).
   *
   * @throws NotFoundException if the group does not exist
   */
  public List<String> members(String groupId) {
    List<String> members = ctx.store().members(ctx.orgId(), kind, checkId(groupId));
    if (members.isEmpty()) {
      requireGroup(groupId);
    }
    List<String> sorted = new ArrayList<>(members);
    sorted.sort(IdOrder.CODE_POINTS);
    return List.copyOf(sorted);
  }

  /** Deletes the group (not its texters). Returns whether it existed. */
  public boolean delete(String groupId) {
    return ctx.store().deleteGroup(ctx.orgId(), kind, checkId(groupId));
  }

  private void requireGroup(String groupId) {
    if (find(groupId).isEmpty()) {
      throw new NotFoundException(kind.noun(), groupId);
    }
  }

  private static String checkId(String groupId) {
    return Inputs.id("groupId", groupId, Group.MAX_ID_LENGTH);
  }

  private static List<String> checkMembers(Collection<String> texterIds) {
    List<String> ids = List.copyOf(texterIds);
    Inputs.ids("texterIds", ids, TexterProfile.MAX_ID_LENGTH);
    return ids;
  }
}
