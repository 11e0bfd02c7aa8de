package dev.p2p.event;

import dev.p2p.Beta;
import dev.p2p.P2PException;

/**
 * A read of the event feed started before the feed's start: the events after the cursor were pruned
 * ({@link Events#prune}, {@link Events#pruneOlderThan}), so the reader would miss them. Thrown
 * instead of a page that skips them or an empty page that looks like the end. To go on knowingly,
 * read from {@code firstPosition() - 1}.
 */
@Beta
public final class EventsPrunedException extends P2PException {
  private static final long serialVersionUID = 1L;

  private final long afterPosition;
  private final long firstPosition;

  /**
   * Creates the exception.
   *
   * @param afterPosition the reader's cursor
   * @param firstPosition the first position the feed still holds
   */
  public EventsPrunedException(long afterPosition, long firstPosition) {
    super(
        "afterPosition "
            + afterPosition
            + " is before the start of the event feed: events through "
            + (firstPosition - 1)
            + " were pruned and the first position still held is "
            + firstPosition
            + "; read from "
            + (firstPosition - 1)
            + " to go on without them");
    this.afterPosition = afterPosition;
    this.firstPosition = firstPosition;
  }

  /** The reader's cursor. */
  public long afterPosition() {
    return afterPosition;
  }

  /** The first position the feed still holds. */
  public long firstPosition() {
    return firstPosition;
  }
}
