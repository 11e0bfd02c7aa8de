package dev.p2p.internal.action;

import dev.p2p.Violation;
import dev.p2p.action.ActionSpec;
import dev.p2p.action.ActionStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Which parts of an action may change in which status.
 *
 * <ul>
 *   <li>{@link ActionStatus#DRAFT}: everything.
 *   <li>{@link ActionStatus#PUBLISHED} and {@link ActionStatus#PAUSED}: the name, the scripts, the
 *       tags and fields texters may set, the report and the texting hours; the change is checked as
 *       at publish and applies to messages not yet sent. The contact list, sender, assignment and
 *       smart encoding are fixed.
 *   <li>{@link ActionStatus#CLOSED}: nothing.
 * </ul>
 */
final class EditRules {
  private EditRules() {}

  /** The fixed parts the edit changes, one violation each; empty when the edit is allowed. */
  static List<Violation> problems(ActionStatus status, ActionSpec before, ActionSpec after) {
    List<Violation> problems = new ArrayList<>();
    if (status == ActionStatus.CLOSED) {
      problems.add(new Violation("status", "is CLOSED: a closed action cannot be edited"));
      return problems;
    }
    if (status == ActionStatus.DRAFT) {
      return problems;
    }
    String reason =
        "cannot change once the action is published (it is "
            + status
            + "): copy the action and change the copy";
    if (!before.contactListId().equals(after.contactListId())) {
      problems.add(new Violation("contacts", reason));
    }
    if (!before.sender().equals(after.sender())) {
      problems.add(new Violation("sender", reason));
    }
    if (!before.assignment().equals(after.assignment())) {
      problems.add(new Violation("assignment", reason));
    }
    if (before.smartEncoding() != after.smartEncoding()) {
      problems.add(new Violation("smartEncoding", reason));
    }
    return problems;
  }
}
