package dev.p2p.internal.texter;

import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.internal.Inputs;
import dev.p2p.internal.OrgContext;
import dev.p2p.store.support.IdOrder;
import dev.p2p.texter.Group;
import dev.p2p.texter.GroupKind;
import dev.p2p.texter.Groups;
import dev.p2p.texter.TexterProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Internal: the implementation of {@link Groups}; obtain it from the facade. */
public final class GroupsImpl implements Groups {
  private final OrgContext ctx;
  private final GroupKind kind;

  /** Internal: obtain through {@code Organization.teams()} or {@code userLists()}. */
  public GroupsImpl(OrgContext ctx, GroupKind kind) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  @Override
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

  @Override
  public Optional<Group> find(String groupId) {
    return ctx.store().findGroup(ctx.orgId(), kind, checkId(groupId));
  }

  @Override
  public List<Group> all() {
    return ctx.store().groups(ctx.orgId(), kind);
  }

  @Override
  public void addMembers(String groupId, Collection<String> texterIds) {
    List<String> ids = checkMembers(texterIds);
    ctx.store().addMembers(ctx.orgId(), kind, checkId(groupId), ids);
  }

  @Override
  public void removeMembers(String groupId, Collection<String> texterIds) {
    List<String> ids = checkMembers(texterIds);
    requireGroup(checkId(groupId));
    ctx.store().removeMembers(ctx.orgId(), kind, groupId, ids);
  }

  @Override
  public List<String> members(String groupId) {
    List<String> members = ctx.store().members(ctx.orgId(), kind, checkId(groupId));
    if (members.isEmpty()) {
      requireGroup(groupId);
    }
    List<String> sorted = new ArrayList<>(members);
    sorted.sort(IdOrder.CODE_POINTS);
    return List.copyOf(sorted);
  }

  @Override
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
