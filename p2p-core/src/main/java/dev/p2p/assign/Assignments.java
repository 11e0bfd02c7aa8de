package dev.p2p.assign;

import dev.p2p.ForbiddenException;
import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import dev.p2p.action.Action;
import dev.p2p.action.ActionStatus;
import dev.p2p.action.AssignmentSettings;
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

/**
 * Who texts an action's contacts. Targets (texters, teams, user lists) are added with {@link
 * #assign}; under a fixed split that also shares the contacts out at once, under dynamic assignment
 * each texter then asks for batches ({@code Texter.requestBatch}). An action link's join token lets
 * a texter add themselves. Reassigning, releasing and unassigning move conversations between
 * texters and the pool. A contact is assigned to one texter at most, enforced by the store. Obtain
 * through {@code Organization.assignments()}.
 */
public final class Assignments {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OrgContext ctx;
  private final Store store;
  private final AssignmentStore assignments;
  private final Texting texting;

  /** Internal: obtain through {@code Organization.assignments()}. */
  public Assignments(OrgContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.store = ctx.store();
    this.assignments = store.assignments();
    this.texting = ctx.texting();
  }

  /**
   * Adds targets to a published or paused action. Under a fixed split, shares every unassigned
   * contact out among all the action's target texters now (evenly, or up to the per-texter cap;
   * with Keep Assignments, a contact goes back to its earlier texter first).
   *
   * @return how many contacts each texter got now (empty under dynamic assignment)
   * @throws NotFoundException if the action or a target does not exist
   * @throws ValidationException naming {@code status} if the action is a draft or closed
   */
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

  /** The action's targets, in the order they were added. */
  public List<Target> targets(long actionId) {
    action(actionId);
    return assignments.targets(ctx.orgId(), actionId);
  }

  /**
   * Makes a new join token for the action's link, replacing (and so revoking) the previous one.
   * Only its hash is stored: keep the returned token in the link the CRM sends to volunteers.
   */
  public String rotateJoinToken(long actionId) {
    action(actionId);
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    assignments.setJoinToken(ctx.orgId(), actionId, Optional.of(hash(token)));
    return token;
  }

  /** Revokes the action's join token: its link no longer lets anyone join. */
  public void revokeJoinToken(long actionId) {
    action(actionId);
    assignments.setJoinToken(ctx.orgId(), actionId, Optional.empty());
  }

  /**
   * Adds the texter to the targets of the action whose link carries this token.
   *
   * @return the action's id
   * @throws ForbiddenException if no action of the organization has this token now (wrong, rotated
   *     or revoked)
   * @throws NotFoundException if the texter does not exist
   */
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

  /**
   * Moves every conversation of the action from one texter to another (the other need not be a
   * target).
   *
   * @return how many moved
   */
  public int reassign(long actionId, String fromTexter, String toTexter) {
    Inputs.id("fromTexter", fromTexter, TexterProfile.MAX_ID_LENGTH);
    action(actionId);
    exists(Target.texter(toTexter));
    return assignments.reassign(
        ctx.orgId(), actionId, fromTexter, toTexter, texting.clock().instant());
  }

  /**
   * Puts the texter's contacts that have not had a first message back in the action's pool.
   *
   * @return how many were released
   */
  public int release(long actionId, String texterId) {
    Inputs.id("texterId", texterId, TexterProfile.MAX_ID_LENGTH);
    action(actionId);
    return assignments.release(ctx.orgId(), actionId, texterId, texting.clock().instant());
  }

  /**
   * A texter leaves the action: their unsent contacts go back to the pool and they are no longer a
   * target themselves (a team they belong to still is; remove them from the team too). Their
   * started conversations stay with them until {@link #reassign}ed.
   *
   * @return how many contacts went back to the pool
   */
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
