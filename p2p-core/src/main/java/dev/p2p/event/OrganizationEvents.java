package dev.p2p.event;

import dev.p2p.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

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
public final class OrganizationEvents {
  private final Events events;
  private final String orgId;

  OrganizationEvents(Events events, String orgId) {
    this.events = Objects.requireNonNull(events, "events");
    this.orgId = Objects.requireNonNull(orgId, "orgId");
  }

  /** The organization whose feed this is. */
  public String organizationId() {
    return orgId;
  }

  /**
   * The organization's events after a position, oldest first; see {@link Events#read}.
   *
   * @param afterPosition 0 or the position of the last event already handled
   * @param limit 1 to {@value Events#MAX_READ}
   * @throws ValidationException naming {@code afterPosition} or {@code limit} when out of range
   * @throws EventsPrunedException when events after {@code afterPosition} were pruned
   */
  public List<Event> read(long afterPosition, int limit) {
    return events.read(orgId, afterPosition, limit);
  }

  /** The position of the organization's latest event; 0 when it has none. */
  public long lastPosition() {
    return events.lastPosition(orgId);
  }

  /** The position of the oldest event still held; see {@link Events#firstPosition}. */
  public long firstPosition() {
    return events.firstPosition(orgId);
  }

  /**
   * Deletes the events up to a position the CRM has confirmed; see {@link Events#prune}.
   *
   * @return how many events were deleted now
   * @throws ValidationException naming {@code throughPosition} when negative or past the last
   *     position
   */
  public long prune(long throughPosition) {
    return events.prune(orgId, throughPosition);
  }

  /**
   * Deletes the events older than {@code age}; see {@link Events#pruneOlderThan}.
   *
   * @return how many events were deleted now
   * @throws ValidationException naming {@code age} when negative
   */
  public long pruneOlderThan(Duration age) {
    return events.pruneOlderThan(orgId, age);
  }

  /**
   * Tells the listener of this organization's events that this process commits from now on, after
   * the commit (see {@link EventListener}); other organizations' events never reach it.
   *
   * @return close it to stop
   */
  public Subscription subscribe(EventListener listener) {
    Objects.requireNonNull(listener, "listener");
    return events.subscribe(
        event -> {
          if (event.organization().equals(orgId)) {
            listener.onEvent(event);
          }
        });
  }

  @Override
  public String toString() {
    return "OrganizationEvents[" + orgId + "]";
  }
}
