package dev.p2p.texter;

import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.internal.OrgContext;
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
  private static final int MAX_ID = 255;

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
   * @throws ValidationException naming {@code id} or {@code name}
   */
  public Group upsert(String groupId, String name) {
    List<Violation> problems = new ArrayList<>();
    checkId("id", groupId, problems);
    if (name.isBlank()) {
      problems.add(new Violation("name", "must not be blank"));
    } else if (name.length() > MAX_ID) {
      problems.add(new Violation("name", "must be at most 255 characters"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    ctx.store().upsertGroup(ctx.orgId(), kind, groupId, name.strip());
    return find(groupId).orElseThrow(() -> new NotFoundException(kind.noun(), groupId));
  }

  /** The group with this id, with its size. */
  public Optional<Group> find(String groupId) {
    return ctx.store().findGroup(ctx.orgId(), kind, groupId);
  }

  /** Every group of this kind, ordered by id. */
  public List<Group> all() {
    return ctx.store().groups(ctx.orgId(), kind);
  }

  /**
   * Adds texters to the group; texters already in it are left alone.
   *
   * @throws NotFoundException if the group or any texter does not exist (nothing is added)
   */
  public void addMembers(String groupId, Collection<String> texterIds) {
    ctx.store().addMembers(ctx.orgId(), kind, groupId, List.copyOf(texterIds));
  }

  /** Removes texters from the group; ids that are not members are ignored. */
  public void removeMembers(String groupId, Collection<String> texterIds) {
    requireGroup(groupId);
    ctx.store().removeMembers(ctx.orgId(), kind, groupId, List.copyOf(texterIds));
  }

  /**
   * The ids of the group's members, ordered.
   *
   * @throws NotFoundException if the group does not exist
   */
  public List<String> members(String groupId) {
    List<String> members = ctx.store().members(ctx.orgId(), kind, groupId);
    if (members.isEmpty()) {
      requireGroup(groupId);
    }
    return members;
  }

  /** Deletes the group (not its texters). Returns whether it existed. */
  public boolean delete(String groupId) {
    return ctx.store().deleteGroup(ctx.orgId(), kind, groupId);
  }

  private void requireGroup(String groupId) {
    if (find(groupId).isEmpty()) {
      throw new NotFoundException(kind.noun(), groupId);
    }
  }

  private static void checkId(String field, String id, List<Violation> problems) {
    if (id.isBlank()) {
      problems.add(new Violation(field, "must not be blank"));
    } else if (id.length() > MAX_ID) {
      problems.add(new Violation(field, "must be at most 255 characters"));
    }
  }
}
