package dev.p2p.event;

import dev.p2p.ValidationException;
import dev.p2p.store.Store;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event feed of every organization: read it with a cursor, or subscribe in-process. Obtained
 * from {@code P2P.events()}; thread-safe.
 *
 * <pre>{@code
 * long cursor = crm.lastPosition("acme");            // kept by the CRM
 * for (Event e : p2p.events().read("acme", cursor, 500)) {
 *   crm.apply(e);                                   // e.g. EventJson.write(e) to a queue
 *   cursor = e.position();
 * }
 * }</pre>
 */
public final class Events implements AutoCloseable {
  /** The most events one {@link #read} returns. */
  public static final int MAX_READ = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(Events.class);

  private final Store store;
  private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
  private final Subscription registration;

  /** Internal: obtained from {@code P2P.events()}. */
  public Events(Store store) {
    this.store = Objects.requireNonNull(store, "store");
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
   */
  public List<Event> read(String orgId, long afterPosition, int limit) {
    Objects.requireNonNull(orgId, "orgId");
    if (afterPosition < 0) {
      throw ValidationException.of("afterPosition", "must not be negative, was " + afterPosition);
    }
    if (limit < 1 || limit > MAX_READ) {
      throw ValidationException.of("limit", "must be 1 to " + MAX_READ + ", was " + limit);
    }
    return store.events().read(orgId, afterPosition, limit);
  }

  /** The position of the organization's latest event; 0 when it has none. */
  public long lastPosition(String orgId) {
    Objects.requireNonNull(orgId, "orgId");
    return store.events().lastPosition(orgId);
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
              e);
        }
      }
    }
  }
}
