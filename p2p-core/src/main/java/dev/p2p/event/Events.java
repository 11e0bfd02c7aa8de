package dev.p2p.event;

import dev.p2p.ValidationException;
import dev.p2p.internal.Ids;
import dev.p2p.store.Store;
import dev.p2p.store.support.LogSafe;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
public final class Events implements AutoCloseable {
  /** The most events one {@link #read} returns. */
  public static final int MAX_READ = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(Events.class);

  private final Store store;
  private final Clock clock;
  private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
  private final Subscription registration;

  /** Internal: obtained from {@code P2P.events()}. */
  public Events(Store store) {
    this(store, Clock.systemUTC());
  }

  /** Internal: obtained from {@code P2P.events()}; {@link #pruneOlderThan} reads the clock. */
  public Events(Store store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.registration = store.events().afterCommit(this::dispatch);
  }

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
  public List<Event> read(String orgId, long afterPosition, int limit) {
    Objects.requireNonNull(orgId, "orgId");
    if (afterPosition < 0) {
      throw ValidationException.of("afterPosition", "must not be negative, was " + afterPosition);
    }
    if (limit < 1 || limit > MAX_READ) {
      throw ValidationException.of("limit", "must be 1 to " + MAX_READ + ", was " + limit);
    }
    List<Event> page = store.events().read(orgId, afterPosition, limit);
    // Positions have no gaps and pruning removes the oldest only: a page that does not start right
    // after the cursor, or an empty page with the feed starting later, means pruned events.
    long first = page.isEmpty() ? store.events().firstPosition(orgId) : page.get(0).position();
    if (first > afterPosition + 1) {
      throw new EventsPrunedException(afterPosition, first);
    }
    return page;
  }

  /**
   * One organization's feed, the organization fixed; the same as {@code Organization.events()}.
   *
   * @throws ValidationException naming {@code orgId} if the id is malformed
   */
  public OrganizationEvents organization(String orgId) {
    Objects.requireNonNull(orgId, "orgId");
    Ids.problem(orgId)
        .ifPresent(
            problem -> {
              throw ValidationException.of("orgId", problem);
            });
    return new OrganizationEvents(this, orgId);
  }

  /** The position of the organization's latest event; 0 when it has none. */
  public long lastPosition(String orgId) {
    Objects.requireNonNull(orgId, "orgId");
    return store.events().lastPosition(orgId);
  }

  /**
   * The position of the organization's oldest event still held: 1 until events are pruned; {@code
   * lastPosition(orgId) + 1} when it holds none.
   */
  public long firstPosition(String orgId) {
    Objects.requireNonNull(orgId, "orgId");
    return store.events().firstPosition(orgId);
  }

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
  public long prune(String orgId, long throughPosition) {
    Objects.requireNonNull(orgId, "orgId");
    if (throughPosition < 0) {
      throw ValidationException.of(
          "throughPosition", "must not be negative, was " + throughPosition);
    }
    long last = store.events().lastPosition(orgId);
    if (throughPosition > last) {
      throw ValidationException.of(
          "throughPosition",
          "is "
              + throughPosition
              + ", past the last position "
              + last
              + ": only events already written can be pruned");
    }
    return store.events().prune(orgId, throughPosition, Optional.empty());
  }

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
  public long pruneOlderThan(String orgId, Duration age) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(age, "age");
    if (age.isNegative()) {
      throw ValidationException.of("age", "must not be negative, was " + age);
    }
    long last = store.events().lastPosition(orgId);
    return store.events().prune(orgId, last, Optional.of(clock.instant().minus(age)));
  }

  /**
   * Tells the listener of every event this process commits from now on, after the commit (see
   * {@link EventListener} for the threading and ordering).
   *
   * @return close it to stop
   */
  public Subscription subscribe(EventListener listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Stops hearing of the store's commits. Idempotent; called by {@code P2P.close()}. */
  @Override
  public void close() {
    registration.close();
  }

  private void dispatch(List<Event> events) {
    for (EventListener listener : listeners) {
      for (Event event : events) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          LOG.warn(
              "An event listener failed on event {} ({}) of organization {}; the change stands",
              event.position(),
              event.type(),
              event.organization(),
              LogSafe.of(e));
        }
      }
    }
  }
}
