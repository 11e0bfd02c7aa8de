package dev.p2p.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an organization's event feed.
 *
 * @param position the event's place in its organization's feed: 1 for the first event, then one
 *     more for each event, without gaps, in the order the changes committed
 * @param organization the organization's id
 * @param occurredAt when the change was made, by the p2p clock
 * @param change what changed
 */
public record Event(long position, String organization, Instant occurredAt, Change change) {
  /** Checks presence and that the position is positive. */
  public Event {
    if (position < 1) {
      throw new IllegalArgumentException("position must be at least 1, was " + position);
    }
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(change, "change");
  }

  /** The change's type, such as {@code message.sent}: shorthand for {@code change().type()}. */
  public String type() {
    return change.type();
  }
}
