package dev.p2p.event;

import dev.p2p.Beta;
import dev.p2p.ValidationException;
import java.time.Duration;
import java.util.List;

/**
 * One organization's event feed: the same feed as {@link Events}, with the organization fixed.
 * Obtained from {@code Organization.events()} or {@link Events#organization(String)}; thread-safe,
 * holds no state of its own.
 *
 * <p>The feed is read by position, not by page: a position is the checkpoint a CRM keeps, positions
 * have no gaps, and a read after the last position returns an empty list until more happens.
 *
 * <pre>{@code
 * OrganizationEvents feed = p2p.organization("acme").events();
 * long checkpoint = crm.lastPosition();
 * for (Event e : feed.read(checkpoint, 500)) {
 *   crm.apply(e);
 *   checkpoint = e.position();
 * }
 * }</pre>
 */
public interface OrganizationEvents {
  /** The organization whose feed this is. */
  String organizationId();

  /**
   * The organization's events after a position, oldest first; see {@link Events#read}.
   *
   * @param afterPosition 0 or the position of the last event already handled
   * @param limit 1 to {@value Events#MAX_READ}
   * @throws ValidationException naming {@code afterPosition} or {@code limit} when out of range
   * @throws EventsPrunedException when events after {@code afterPosition} were pruned
   */
  List<Event> read(long afterPosition, int limit);

  /** The position of the organization's latest event; 0 when it has none. */
  long lastPosition();

  /** The position of the oldest event still held; see {@link Events#firstPosition}. */
  @Beta
  long firstPosition();

  /**
   * Deletes the events up to a position the CRM has confirmed; see {@link Events#prune}.
   *
   * @return how many events were deleted now
   * @throws ValidationException naming {@code throughPosition} when negative or past the last
   *     position
   */
  @Beta
  long prune(long throughPosition);

  /**
   * Deletes the events older than {@code age}; see {@link Events#pruneOlderThan}.
   *
   * @return how many events were deleted now
   * @throws ValidationException naming {@code age} when negative
   */
  @Beta
  long pruneOlderThan(Duration age);

  /**
   * Tells the listener of this organization's events that this process commits from now on, after
   * the commit (see {@link EventListener}); other organizations' events never reach it.
   *
   * @return close it to stop
   */
  Subscription subscribe(EventListener listener);
}
