package dev.p2p.internal.action;

import dev.p2p.ValidationException;
import dev.p2p.action.ActionStatus;
import java.util.Set;

/**
 * The four moves of an action's lifecycle, each allowed from its own statuses only: publish a
 * draft, pause a published action, resume a paused one, close a published or paused one. Publishing
 * and resuming both lead to {@link ActionStatus#PUBLISHED}, but neither does the other's job.
 */
enum LifecycleMove {
  PUBLISH("published", ActionStatus.PUBLISHED, Set.of(ActionStatus.DRAFT)),
  PAUSE("paused", ActionStatus.PAUSED, Set.of(ActionStatus.PUBLISHED)),
  RESUME("resumed", ActionStatus.PUBLISHED, Set.of(ActionStatus.PAUSED)),
  CLOSE("closed", ActionStatus.CLOSED, Set.of(ActionStatus.PUBLISHED, ActionStatus.PAUSED));

  private final String done;
  private final ActionStatus to;
  private final Set<ActionStatus> from;

  LifecycleMove(String done, ActionStatus to, Set<ActionStatus> from) {
    this.done = done;
    this.to = to;
    this.from = from;
  }

  /** The status the move leads to. */
  ActionStatus to() {
    return to;
  }

  /** Whether an action in this status may make the move. */
  boolean allowedFrom(ActionStatus status) {
    return from.contains(status);
  }

  /**
   * The exception for making the move from a status it is not allowed from, naming {@code status}
   * and saying what to do instead.
   */
  ValidationException refusal(ActionStatus status) {
    return ValidationException.of(
        "status", "is " + status + ": it cannot be " + done + "; " + advice(status));
  }

  private String advice(ActionStatus status) {
    if (status == ActionStatus.CLOSED) {
      return this == CLOSE
          ? "it is already closed"
          : "a closed action stays closed: copy it to start a new draft";
    }
    if (status == to) {
      return this == PAUSE ? "it is already paused" : "it is already live";
    }
    switch (this) {
      case PUBLISH:
        return "resume a paused action instead";
      case RESUME:
        return "publish a draft instead";
      case PAUSE:
        return "publish it first: only a live action can be paused";
      default:
        return "delete a draft instead";
    }
  }
}
