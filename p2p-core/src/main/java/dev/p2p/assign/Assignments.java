package dev.p2p.assign;

import dev.p2p.ForbiddenException;
import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import java.util.List;
import java.util.Map;

/**
 * Who texts an action's contacts. Targets (texters, teams, user lists) are added with {@link
 * #assign}; under a fixed split that also shares the contacts out at once, under dynamic assignment
 * each texter then asks for batches ({@code Texter.requestBatch}). An action link's join token lets
 * a texter add themselves. Reassigning, releasing and unassigning move conversations between
 * texters and the pool. A contact is assigned to one texter at most, enforced by the store. Obtain
 * through {@code Organization.assignments()}.
 */
public interface Assignments {
  /**
   * Adds targets to a published or paused action. Under a fixed split, shares every unassigned
   * contact out among all the action's target texters now (evenly, or up to the per-texter cap;
   * with Keep Assignments, a contact goes back to its earlier texter first).
   *
   * @return how many contacts each texter got now (empty under dynamic assignment)
   * @throws NotFoundException if the action or a target does not exist
   * @throws ValidationException naming {@code status} if the action is a draft or closed
   */
  Map<String, Integer> assign(long actionId, Target... targets);

  /** The action's targets, in the order they were added. */
  List<Target> targets(long actionId);

  /**
   * Makes a new join token for the action's link, replacing (and so revoking) the previous one.
   * Only its hash is stored: keep the returned token in the link the CRM sends to volunteers.
   */
  String rotateJoinToken(long actionId);

  /** Revokes the action's join token: its link no longer lets anyone join. */
  void revokeJoinToken(long actionId);

  /**
   * Adds the texter to the targets of the action whose link carries this token.
   *
   * @return the action's id
   * @throws ForbiddenException if no action of the organization has this token now (wrong, rotated
   *     or revoked)
   * @throws NotFoundException if the texter does not exist
   */
  long join(String token, String texterId);

  /**
   * Moves every conversation of the action from one texter to another (the other need not be a
   * target).
   *
   * @return how many moved
   */
  int reassign(long actionId, String fromTexter, String toTexter);

  /**
   * Puts the texter's contacts that have not had a first message back in the action's pool.
   *
   * @return how many were released
   */
  int release(long actionId, String texterId);

  /**
   * A texter leaves the action: their unsent contacts go back to the pool and they are no longer a
   * target themselves (a team they belong to still is; remove them from the team too). Their
   * started conversations stay with them until {@link #reassign}ed.
   *
   * @return how many contacts went back to the pool
   */
  int unassign(long actionId, String texterId);
}
