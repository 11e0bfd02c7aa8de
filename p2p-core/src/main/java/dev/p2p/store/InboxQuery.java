package dev.p2p.store;

import dev.p2p.conversation.InboxFilter;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a texter's inbox: started conversations assigned to the texter, newest activity first
 * ({@code lastMessageAt} descending, then id descending).
 *
 * @param texterId whose inbox
 * @param filter which conversations
 * @param actionId only this action's, when present
 * @param after the keyset position: the last conversation of the previous page
 * @param limit the most conversations to return, 1 or more
 */
public record InboxQuery(
    String texterId,
    InboxFilter filter,
    OptionalLong actionId,
    Optional<Position> after,
    int limit) {

  /**
   * A conversation's place in inbox order.
   *
   * @param lastMessageAt its last message time
   * @param conversationId its id
   */
  public record Position(Instant lastMessageAt, long conversationId) {
    /** Checks presence. */
    public Position {
      Objects.requireNonNull(lastMessageAt, "lastMessageAt");
    }
  }

  /** Checks presence and the limit. */
  public InboxQuery {
    Objects.requireNonNull(texterId, "texterId");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(actionId, "actionId");
    Objects.requireNonNull(after, "after");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
  }
}
