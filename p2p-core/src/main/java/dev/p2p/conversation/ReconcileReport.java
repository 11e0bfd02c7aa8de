package dev.p2p.conversation;

import dev.p2p.Beta;
import java.util.List;
import java.util.Objects;

/**
 * What one reconciliation did with the organization's sends of unknown fate (see {@link
 * dev.p2p.Organization#reconcile()}).
 *
 * @param confirmedSent sends the carrier's list shows it took: now sent, with the carrier's id
 * @param markedFailed sends the carrier's list shows it never took: now {@code FAILED}, safe to
 *     send again by hand
 * @param leftForPerson the ids of sends the list could not settle (several candidates, or a gateway
 *     that cannot look messages up), by id: still {@code QUEUED} and unconfirmed, never resent; a
 *     person settles each with {@link Conversations#settleAsSent} or {@link
 *     Conversations#settleAsFailed}
 * @param unanswered sends whose lookup failed (the carrier did not answer): looked up again by the
 *     next reconciliation
 */
@Beta
public record ReconcileReport(
    int confirmedSent, int markedFailed, List<Long> leftForPerson, int unanswered) {

  /** Checks the counts and copies the ids. */
  public ReconcileReport {
    Objects.requireNonNull(leftForPerson, "leftForPerson");
    leftForPerson = List.copyOf(leftForPerson);
    if (confirmedSent < 0 || markedFailed < 0 || unanswered < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /** How many sends this reconciliation looked at. */
  public int checked() {
    return confirmedSent + markedFailed + leftForPerson.size() + unanswered;
  }
}
