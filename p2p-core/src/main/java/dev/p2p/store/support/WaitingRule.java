package dev.p2p.store.support;

import dev.p2p.conversation.InboxCounts;

/**
 * Which conversations still wait for their first message, decided once for every store. A
 * conversation not started yet ({@code NEEDS_FIRST_MESSAGE}) <em>waits</em> while its phone can be
 * texted; when its phone is opted out of the organization or marked invalid (before the action
 * started, or while the conversation sat in a texter's queue) it is <em>blocked</em>: no claim
 * hands it out and no send may go, so it counts apart from waiting and out of the remaining cost,
 * and no contact disappears from the totals.
 *
 * <p>A store reads two facts with the same conditions its claims use: how many conversations are
 * not started, and how many of those have a phone opted out or marked invalid; the counts here
 * follow from them.
 */
public final class WaitingRule {
  private WaitingRule() {}

  /**
   * The conversations waiting for their first message.
   *
   * @param notStarted conversations in {@code NEEDS_FIRST_MESSAGE}
   * @param notStartedUnreachable those of them whose phone is opted out or marked invalid
   */
  public static long waiting(long notStarted, long notStartedUnreachable) {
    return notStarted - blocked(notStarted, notStartedUnreachable);
  }

  /**
   * The conversations that will never get a first message, their phone being opted out or invalid.
   *
   * @param notStarted conversations in {@code NEEDS_FIRST_MESSAGE}
   * @param notStartedUnreachable those of them whose phone is opted out or marked invalid
   * @throws IllegalArgumentException if the facts contradict each other (a store's bug)
   */
  public static long blocked(long notStarted, long notStartedUnreachable) {
    if (notStartedUnreachable < 0 || notStartedUnreachable > notStarted) {
      throw new IllegalArgumentException(
          "unreachable " + notStartedUnreachable + " of " + notStarted + " not started");
    }
    return notStartedUnreachable;
  }

  /**
   * A texter's inbox counts from the facts a store read.
   *
   * @param started their started conversations
   * @param needsAttention those needing attention
   * @param unread those unread
   * @param notStarted their assigned conversations not started yet
   * @param notStartedUnreachable those of them whose phone is opted out or marked invalid
   */
  public static InboxCounts inboxCounts(
      long started, long needsAttention, long unread, long notStarted, long notStartedUnreachable) {
    return new InboxCounts(
        started,
        needsAttention,
        unread,
        waiting(notStarted, notStartedUnreachable),
        blocked(notStarted, notStartedUnreachable));
  }
}
