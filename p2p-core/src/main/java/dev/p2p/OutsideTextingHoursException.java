package dev.p2p;

import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A send was refused because it is outside the texting window in the contact's local time. Nothing
 * was sent and nothing was written; {@link #opensAt()} says when the window opens next.
 */
public final class OutsideTextingHoursException extends P2PException {
  private static final long serialVersionUID = 1L;

  private final transient Optional<ZonedDateTime> opensAt;

  /** Creates the exception with its message and the next opening in the contact's zone. */
  public OutsideTextingHoursException(String message, Optional<ZonedDateTime> opensAt) {
    super(message);
    this.opensAt = opensAt;
  }

  /** When the contact's window opens next, in the contact's zone; empty if it never does. */
  public Optional<ZonedDateTime> opensAt() {
    return opensAt;
  }
}
