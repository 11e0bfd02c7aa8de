package dev.p2p.internal.event;

import dev.p2p.ValidationException;
import dev.p2p.event.Event;
import dev.p2p.event.EventListener;
import dev.p2p.event.Events;
import dev.p2p.event.EventsPrunedException;
import dev.p2p.event.OrganizationEvents;
import dev.p2p.event.Subscription;
import dev.p2p.internal.Ids;
import dev.p2p.internal.metrics.Telemetry;
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

/** Internal: the implementation of {@link Events}; obtain it from the facade. */
public final class EventsImpl implements Events, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Events.class);

  private final Store store;
  private final Clock clock;
  private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
  private final Subscription registration;
  private final Telemetry telemetry;

  /** Internal: obtained from {@code P2P.events()}. */
  public EventsImpl(Store store) {
    this(store, Clock.systemUTC());
  }

  /** Internal: obtained from {@code P2P.events()}; {@link #pruneOlderThan} reads the clock. */
  public EventsImpl(Store store, Clock clock) {
    this(store, clock, Telemetry.NONE);
  }

  /**
   * Internal: obtained from {@code P2P.events()}; tells the telemetry of every committed event (the
   * feed's head, opt-outs by source).
   */
  public EventsImpl(Store store, Clock clock, Telemetry telemetry) {
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.registration = store.events().afterCommit(this::dispatch);
  }

  @Override
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

  @Override
  public long lastPosition(String orgId) {
    Objects.requireNonNull(orgId, "orgId");
    return store.events().lastPosition(orgId);
  }

  @Override
  public long firstPosition(String orgId) {
    Objects.requireNonNull(orgId, "orgId");
    return store.events().firstPosition(orgId);
  }

  @Override
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

  @Override
  public long pruneOlderThan(String orgId, Duration age) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(age, "age");
    if (age.isNegative()) {
      throw ValidationException.of("age", "must not be negative, was " + age);
    }
    long last = store.events().lastPosition(orgId);
    return store.events().prune(orgId, last, Optional.of(clock.instant().minus(age)));
  }

  @Override
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
    try {
      telemetry.eventsCommitted(events);
    } catch (RuntimeException e) {
      LOG.warn("Metrics failed on {} committed events; the changes stand", events.size(), e);
    }
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

  @Override
  public OrganizationEvents organization(String orgId) {
    Objects.requireNonNull(orgId, "orgId");
    Ids.problem(orgId)
        .ifPresent(
            problem -> {
              throw ValidationException.of("orgId", problem);
            });
    return new OrganizationEventsImpl(this, orgId);
  }
}
