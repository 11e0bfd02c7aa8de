package dev.p2p.internal.assign;

import dev.p2p.ForbiddenException;
import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import dev.p2p.action.Action;
import dev.p2p.action.ActionStatus;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.assign.Assignments;
import dev.p2p.assign.Target;
import dev.p2p.internal.Inputs;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.Texting;
import dev.p2p.store.AssignmentStore;
import dev.p2p.store.Store;
import dev.p2p.texter.GroupKind;
import dev.p2p.texter.TexterProfile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Internal: the implementation of {@link Assignments}; obtain it from the facade. */
public final class AssignmentsImpl implements Assignments {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OrgContext ctx;
  private final Store store;
  private final AssignmentStore assignments;
  private final Texting texting;

  /** Internal: obtain through {@code Organization.assignments()}. */
  public AssignmentsImpl(OrgContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.store = ctx.store();
    this.assignments = store.assignments();
    this.texting = ctx.texting();
  }

  @Override
  public Map<String, Integer> assign(long actionId, Target... targets) {
    Action action = assignable(actionId);
    for (Target target : targets) {
      exists(target);
    }
    assignments.addTargets(ctx.orgId(), actionId, List.of(targets));
    AssignmentSettings settings = action.spec().assignment();
    if (settings.policy() != AssignmentSettings.Policy.FIXED) {
      return Map.of();
    }
    texting.ensurePool(ctx.orgId(), actionId);
    return assignments.assignAll(
        ctx.orgId(),
        actionId,
        new ArrayList<>(texting.targetTexters(ctx.orgId(), actionId)),
        settings.maxPerTexter(),
        settings.keepAssignments(),
        texting.clock().instant());
  }

  @Override
  public List<Target> targets(long actionId) {
    action(actionId);
    return assignments.targets(ctx.orgId(), actionId);
  }

  @Override
  public String rotateJoinToken(long actionId) {
    action(actionId);
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    assignments.setJoinToken(ctx.orgId(), actionId, Optional.of(hash(token)));
    return token;
  }

  @Override
  public void revokeJoinToken(long actionId) {
    action(actionId);
    assignments.setJoinToken(ctx.orgId(), actionId, Optional.empty());
  }

  @Override
  public long join(String token, String texterId) {
    Objects.requireNonNull(token, "token");
    exists(Target.texter(texterId));
    long actionId =
        assignments
            .findActionByJoinToken(ctx.orgId(), hash(token))
            .orElseThrow(
                () ->
                    new ForbiddenException(
                        "the join link is not valid: it was revoked or replaced"));
    Action action = action(actionId);
    if (action.status() == ActionStatus.CLOSED) {
      throw new ForbiddenException("action '" + action.name() + "' is closed: it takes no texters");
    }
    assignments.addTargets(ctx.orgId(), actionId, List.of(Target.texter(texterId)));
    return actionId;
  }

  @Override
  public int reassign(long actionId, String fromTexter, String toTexter) {
    Inputs.id("fromTexter", fromTexter, TexterProfile.MAX_ID_LENGTH);
    action(actionId);
    exists(Target.texter(toTexter));
    return assignments.reassign(
        ctx.orgId(), actionId, fromTexter, toTexter, texting.clock().instant());
  }

  @Override
  public int release(long actionId, String texterId) {
    Inputs.id("texterId", texterId, TexterProfile.MAX_ID_LENGTH);
    action(actionId);
    return assignments.release(ctx.orgId(), actionId, texterId, texting.clock().instant());
  }

  @Override
  public int unassign(long actionId, String texterId) {
    int released = release(actionId, texterId);
    assignments.removeTarget(ctx.orgId(), actionId, Target.texter(texterId));
    return released;
  }

  private Action action(long actionId) {
    return store
        .actions()
        .findAction(ctx.orgId(), actionId)
        .orElseThrow(() -> new NotFoundException("action", actionId));
  }

  private Action assignable(long actionId) {
    Action action = action(actionId);
    if (action.status() == ActionStatus.DRAFT || action.status() == ActionStatus.CLOSED) {
      throw ValidationException.of(
          "status",
          "action '"
              + action.name()
              + "' is "
              + action.status()
              + ": contacts are assigned once it is published");
    }
    return action;
  }

  private void exists(Target target) {
    boolean found;
    switch (target.kind()) {
      case TEXTER:
        found = store.findTexter(ctx.orgId(), target.id()).isPresent();
        break;
      case TEAM:
        found = store.findGroup(ctx.orgId(), GroupKind.TEAM, target.id()).isPresent();
        break;
      default:
        found = store.findGroup(ctx.orgId(), GroupKind.USER_LIST, target.id()).isPresent();
        break;
    }
    if (!found) {
      throw new NotFoundException(
          target.kind().name().toLowerCase().replace('_', ' '), target.id());
    }
  }

  private static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
