package dev.p2p.store.support;

import dev.p2p.event.Change;
import dev.p2p.event.Change.AssignmentChanged;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The events of conversations changing hands, decided once for every store: a move writes
 * assignment.changed with its conversation ids ascending, split into events of at most {@link
 * AssignmentChanged#MAX_IDS} ids; a move of nothing writes nothing. Which conversations move is the
 * store's query (claim, fixed split, reassign, release); a fixed split is one move per texter, in
 * texter id order.
 */
public final class AssignmentRule {
  private AssignmentRule() {}

  /**
   * The events of one move.
   *
   * @param actionId the action
   * @param reason what moved them
   * @param texterId who holds them now; empty when they went back to the pool
   * @param previousTexterId who held them; empty when they came from the pool
   * @param conversationIds the conversations moved, in any order
   */
  public static List<Change> moved(
      long actionId,
      AssignmentChanged.Reason reason,
      Optional<String> texterId,
      Optional<String> previousTexterId,
      Collection<Long> conversationIds) {
    List<Long> ids = conversationIds.stream().sorted().toList();
    List<Change> changes = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += AssignmentChanged.MAX_IDS) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + AssignmentChanged.MAX_IDS));
      changes.add(new AssignmentChanged(actionId, reason, texterId, previousTexterId, chunk));
    }
    return changes;
  }
}
