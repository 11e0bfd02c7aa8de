package dev.p2p.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A texter's request for the next contacts of an action's pool ({@link AssignmentStore#claim}).
 *
 * @param count how many to claim at most, 1 or more
 * @param maxHeld the most conversations of the action the texter may hold in all after the claim; 0
 *     for no limit
 * @param windowKeys claim only conversations whose window key (see {@link
 *     AssignmentStore#windowKeys}) is one of these: those inside texting hours now
 * @param keepTargets empty when Keep Assignments is off; otherwise the texters who are targets of
 *     the action now: a conversation whose contact's earlier texter is among them goes only to that
 *     texter, and the requesting texter's own earlier contacts come first
 * @param lockedAfter skip conversations whose phone got another action's initial message after this
 *     instant (the organization's lock window, see {@link
 *     dev.p2p.store.support.SendRule#lockCutoff}); empty when the organization has none
 */
public record ClaimRequest(
    int count,
    int maxHeld,
    Set<String> windowKeys,
    Optional<Set<String>> keepTargets,
    Optional<Instant> lockedAfter) {
  /** Checks the numbers and copies the sets. */
  public ClaimRequest {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
    if (maxHeld < 0) {
      throw new IllegalArgumentException("maxHeld must not be negative");
    }
    windowKeys = Set.copyOf(windowKeys);
    Objects.requireNonNull(keepTargets, "keepTargets");
    keepTargets = keepTargets.map(Set::copyOf);
    Objects.requireNonNull(lockedAfter, "lockedAfter");
  }

  /** A request with no lock window. */
  public ClaimRequest(
      int count, int maxHeld, Set<String> windowKeys, Optional<Set<String>> keepTargets) {
    this(count, maxHeld, windowKeys, keepTargets, Optional.empty());
  }
}
