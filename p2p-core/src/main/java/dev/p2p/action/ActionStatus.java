package dev.p2p.action;

/** Where an action is in its lifecycle: {@code DRAFT → PUBLISHED ⇄ PAUSED → CLOSED}. */
public enum ActionStatus {
  /** Being written; nothing is sent. Fully editable; publishing checks it. */
  DRAFT,
  /** Live: texters send and reply. */
  PUBLISHED,
  /** Stopped for now: nothing is sent until resumed. */
  PAUSED,
  /** Over for good: read-only. */
  CLOSED;

  /** Whether the lifecycle allows moving from this status to {@code next}. */
  public boolean canMoveTo(ActionStatus next) {
    switch (this) {
      case DRAFT:
        return next == PUBLISHED;
      case PUBLISHED:
        return next == PAUSED || next == CLOSED;
      case PAUSED:
        return next == PUBLISHED || next == CLOSED;
      default:
        return false;
    }
  }
}
