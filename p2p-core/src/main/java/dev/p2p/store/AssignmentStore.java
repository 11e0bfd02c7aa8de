package dev.p2p.store;

import dev.p2p.assign.Target;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The storage SPI for assignment: an action's pool of conversations, who holds which, the action's
 * targets and its join token. It is the part of a {@link Store} returned by {@link
 * Store#assignments()}, sharing its transactions (or lock) and lifecycle. Each method is one domain
 * operation, atomic: it completes or changes nothing.
 *
 * <p>A conversation is assigned to one texter at most, however many threads or app nodes claim at
 * once. That rule races across nodes, so it holds here, in the store (SQL stores: row locks, {@code
 * FOR UPDATE SKIP LOCKED}), never in JVM memory alone.
 *
 * <p><b>The pool.</b> When an action goes live its pool is opened ({@link #openPool}): one
 * conversation per contact of its list, {@code NEEDS_FIRST_MESSAGE}, unassigned. Each conversation
 * has a <em>window key</em>, {@code zone|areaCodeState|zipState} from its contact ({@code
 * contact.timeZone().map(ZoneId::getId).orElse("") + "|" + areaCodeState.orElse("") + "|" +
 * zipState.orElse("")}), so that the core can say which keys are inside texting hours now and the
 * store can filter by them without time-zone arithmetic. Each conversation also remembers the
 * texter who last had the same phone in an earlier action of the organization (for Keep
 * Assignments).
 *
 * <p>Methods take the organization id and never see another organization's records.
 */
public interface AssignmentStore {

  /**
   * Opens a live action's pool: creates a conversation for every contact of its list that has none
   * yet (status {@code NEEDS_FIRST_MESSAGE}, unassigned, with its window key and earlier texter).
   * Idempotent and cheap once done; safe when several nodes call it at once. Events: none.
   *
   * @return how many conversations it created now
   * @throws dev.p2p.NotFoundException if the action does not exist
   */
  int openPool(String orgId, long actionId, Instant now);

  /**
   * The distinct window keys of the action's conversations (an empty set before its pool opens).
   */
  Set<String> windowKeys(String orgId, long actionId);

  /**
   * Assigns up to {@code request.count()} unassigned {@code NEEDS_FIRST_MESSAGE} conversations of
   * the action to the texter, lowest id first (Keep Assignments: the texter's own earlier contacts
   * first). Skips conversations whose phone is opted out or invalid, whose window key is not in
   * {@code request.windowKeys()}, or whose phone another action's initial message locks ({@code
   * request.lockedAfter()}, the core's {@link dev.p2p.store.support.SendRule#lockCutoff}). With
   * {@code maxHeld > 0}, the texter never holds more than {@code maxHeld} conversations of the
   * action, even when the same texter asks twice at once. Each conversation goes to one texter
   * however many claim at once.
   *
   * <p>Events: assignment.changed ({@code CLAIMED}, to the texter) for the conversations claimed,
   * as {@link dev.p2p.store.support.AssignmentRule#moved} gives them; none when none is claimed.
   *
   * @return the ids of the conversations claimed now, ascending; empty when none is left
   */
  List<Long> claim(String orgId, long actionId, String texterId, ClaimRequest request, Instant now);

  /**
   * The fixed split: assigns every unassigned, not opted-out {@code NEEDS_FIRST_MESSAGE}
   * conversation of the action to the texters, round robin in the given order by conversation id,
   * skipping a texter who holds {@code maxPerTexter} (0: no cap). With {@code keep}, a contact
   * whose earlier texter is among {@code texterIds} goes to that texter (cap permitting) first.
   *
   * <p>Events: assignment.changed ({@code ASSIGNED}) for each texter who got conversations, in
   * texter id order, as {@link dev.p2p.store.support.AssignmentRule#moved} gives them.
   *
   * @return how many conversations each texter got now, for every texter given (0 included)
   */
  Map<String, Integer> assignAll(
      String orgId,
      long actionId,
      List<String> texterIds,
      int maxPerTexter,
      boolean keep,
      Instant now);

  /**
   * Moves every conversation of the action assigned to {@code fromTexter} (any status) to {@code
   * toTexter}.
   *
   * <p>Events: assignment.changed ({@code REASSIGNED}, from one texter to the other) for the
   * conversations moved, as {@link dev.p2p.store.support.AssignmentRule#moved} gives them.
   *
   * @return how many moved
   */
  int reassign(String orgId, long actionId, String fromTexter, String toTexter, Instant now);

  /**
   * Puts the texter's unsent ({@code NEEDS_FIRST_MESSAGE}) conversations of the action back in the
   * pool, unassigned.
   *
   * <p>Events: assignment.changed ({@code RELEASED}, from the texter to the pool) for the
   * conversations released, as {@link dev.p2p.store.support.AssignmentRule#moved} gives them.
   *
   * @return how many were released
   */
  int release(String orgId, long actionId, String texterId, Instant now);

  /** Adds targets to the action; ones already there are kept once. Events: none. */
  void addTargets(String orgId, long actionId, Collection<Target> targets);

  /** Removes a target. Returns whether it was there. Events: none. */
  boolean removeTarget(String orgId, long actionId, Target target);

  /** The action's targets, in the order they were added. */
  List<Target> targets(String orgId, long actionId);

  /**
   * Sets (or, when empty, revokes) the action's join token, stored as the hash the core gives.
   * Events: none.
   *
   * @throws dev.p2p.NotFoundException if the action does not exist
   */
  void setJoinToken(String orgId, long actionId, Optional<String> tokenHash);

  /** The action whose current join token has this hash. */
  OptionalLong findActionByJoinToken(String orgId, String tokenHash);
}
