package dev.p2p.event;

import dev.p2p.Beta;
import dev.p2p.ValidationException;
import java.time.Duration;
import java.util.List;

/**
 * The event feed of every organization: read it from a position, or subscribe in-process. Obtained
 * from {@code P2P.events()}; one organization's feed is {@code Organization.events()} (or {@link
 * #organization(String)}). Thread-safe.
 *
 * <p><b>Positions, not pages.</b> Listings elsewhere page with {@link dev.p2p.Page} and an opaque
 * cursor; the feed is read by position instead, on purpose: a position is a durable checkpoint the
 * CRM stores and compares (positions have no gaps, so the CRM can tell it missed nothing), and a
 * read past the end is not a last page but "nothing yet".
 *
 * <pre>{@code
 * long cursor = crm.lastPosition("acme");            // kept by the CRM
 * for (Event e : p2p.events().read("acme", cursor, 500)) {
 *   crm.apply(e);                                   // e.g. EventJson.write(e) to a queue
 *   cursor = e.position();
 * }
 * p2p.events().prune("acme", crm.confirmedPosition("acme")); // retention: the host decides when
 * }</pre>
 *
 * <p><b>Retention.</b> The feed keeps every event until the host prunes it: by a position the CRM
 * has confirmed ({@link #prune}) or by age ({@link #pruneOlderThan}), from a job on the host's own
 * schedule. Pruning deletes the oldest events only, so the feed always holds one unbroken run of
 * positions, from {@link #firstPosition} to {@link #lastPosition}; positions are never reused. A
 * read whose cursor is before the first position held throws {@link EventsPrunedException} rather
 * than skip what was pruned.
 */
public interface Events {
  /** The most events one {@link #read} returns. */
  int MAX_READ = 1_000;

  /**
   * The organization's events after a position, oldest first. Start from 0; pass the last position
   * you handled to go on. Positions have no gaps, so a CRM can tell it missed nothing.
   *
   * @param orgId the organization
   * @param afterPosition 0 or the position of the last event already handled
   * @param limit 1 to {@value #MAX_READ}
   * @throws ValidationException naming {@code afterPosition} or {@code limit} when out of range
   * @throws EventsPrunedException when events after {@code afterPosition} were pruned: it names the
   *     first position still held
   */
  List<Event> read(String orgId, long afterPosition, int limit);

  /** The position of the organization's latest event; 0 when it has none. */
  long lastPosition(String orgId);

  /**
   * The position of the organization's oldest event still held: 1 until events are pruned; {@code
   * lastPosition(orgId) + 1} when it holds none.
   */
  @Beta
  long firstPosition(String orgId);

  /**
   * Deletes the organization's events up to a position the CRM has confirmed it handled. Atomic and
   * idempotent; writes no event. Readers whose cursor is below the position then get {@link
   * EventsPrunedException}.
   *
   * @param throughPosition 0 to {@link #lastPosition}: the last position that may go
   * @return how many events were deleted now
   * @throws ValidationException naming {@code throughPosition} when negative or past the last
   *     position
   */
  @Beta
  long prune(String orgId, long throughPosition);

  /**
   * Deletes the organization's events that occurred longer than {@code age} ago by p2p's clock,
   * oldest first, stopping at the first younger one. Atomic and idempotent; writes no event.
   * Readers whose cursor is below the new start then get {@link EventsPrunedException}: keep the
   * age above the longest a CRM may lag behind.
   *
   * @param age how long events are kept; zero or more
   * @return how many events were deleted now
   * @throws ValidationException naming {@code age} when negative
   */
  @Beta
  long pruneOlderThan(String orgId, Duration age);

  /**
   * Tells the listener of every event this process commits from now on, after the commit (see
   * {@link EventListener} for the threading and ordering).
   *
   * @return close it to stop
   */
  Subscription subscribe(EventListener listener);

  /**
   * One organization's feed, the organization fixed; the same as {@code Organization.events()}.
   *
   * @throws ValidationException naming {@code orgId} if the id is malformed
   */
  OrganizationEvents organization(String orgId);
}
