package dev.p2p.store;

import dev.p2p.Beta;
import dev.p2p.event.Event;
import dev.p2p.event.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The store part for the event feed. The store's other parts write the events: each operation that
 * makes a change a CRM cares about appends its {@link dev.p2p.event.Change}s in the same
 * transaction (or under the same lock), and they get the organization's next positions, one apart,
 * in commit order: a reader who has seen position {@code p} never later finds a new event at or
 * below {@code p}. Each writing method's Javadoc names the events it writes and the rule of {@link
 * dev.p2p.store.support} that gives them; {@code StoreContract} checks them.
 */
public interface EventStore {

  /**
   * The organization's events with positions above {@code afterPosition}, ascending; none for an
   * organization the store does not know. After a {@link #prune} they start at {@link
   * #firstPosition} at the earliest: the core tells a reader whose cursor is before it.
   */
  List<Event> read(String orgId, long afterPosition, int limit);

  /**
   * The position of the organization's latest event; 0 when it has none or is unknown. Pruning does
   * not change it: positions are never reused.
   */
  long lastPosition(String orgId);

  /**
   * The position of the organization's oldest event still held: 1 until a {@link #prune} removes
   * some; {@code lastPosition(orgId) + 1} when it holds none (none written, or all pruned).
   */
  @Beta
  long firstPosition(String orgId);

  /**
   * Deletes the organization's oldest events, in one transaction (or under the lock): those at or
   * below {@code throughPosition} and, when {@code occurredBefore} is given, that occurred before
   * it, stopping at the first event that did not (so that the feed keeps every event from one
   * position on, without gaps). Idempotent; an unknown organization has nothing to delete. Events:
   * none. The core checks {@code throughPosition} against {@link #lastPosition} first.
   *
   * @param throughPosition the last position that may go
   * @param occurredBefore empty: by position only; else only events that occurred before it
   * @return how many events were deleted
   */
  @Beta
  long prune(String orgId, long throughPosition, Optional<Instant> occurredBefore);

  /**
   * Registers a callback told of each committed operation's events, after the commit, on the thread
   * that committed, in position order. Events written by other processes sharing the database are
   * not reported. The callback must not throw; the store logs what it throws and goes on.
   *
   * @return closing it unregisters the callback
   */
  Subscription afterCommit(Consumer<List<Event>> callback);
}
