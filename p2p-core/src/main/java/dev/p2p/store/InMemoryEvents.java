package dev.p2p.store;

import dev.p2p.event.Change;
import dev.p2p.event.Event;
import dev.p2p.event.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory event feed. Operations append changes while they run under the store's lock; the
 * outermost {@link InMemoryStore#locked} call gives them positions when it succeeds (drops them
 * when it throws) and, once the lock is released, tells the callbacks.
 */
final class InMemoryEvents implements EventStore {
  private static final Logger LOG = LoggerFactory.getLogger(InMemoryEvents.class);

  private final InMemoryStore store;
  private final Map<String, List<Event>> feeds = new HashMap<>();
  private final List<Consumer<List<Event>>> callbacks = new CopyOnWriteArrayList<>();
  // The changes of the operation running under the lock; null outside one.
  private @Nullable List<Pending> pending;

  InMemoryEvents(InMemoryStore store) {
    this.store = store;
  }

  /** A change an operation made, waiting for the operation to succeed. */
  private record Pending(String orgId, Instant at, Change change) {}

  @Override
  public List<Event> read(String orgId, long afterPosition, int limit) {
    return store.locked(
        () -> {
          List<Event> feed = feeds.getOrDefault(orgId, List.of());
          int from = (int) Math.min(afterPosition, feed.size());
          return List.copyOf(feed.subList(from, Math.min(feed.size(), from + limit)));
        });
  }

  @Override
  public long lastPosition(String orgId) {
    return store.locked(() -> (long) feeds.getOrDefault(orgId, List.of()).size());
  }

  @Override
  public Subscription afterCommit(Consumer<List<Event>> callback) {
    callbacks.add(callback);
    return () -> callbacks.remove(callback);
  }

  /** Records a change of the running operation. Under the lock. */
  void append(String orgId, Instant at, Change change) {
    List<Pending> running = pending;
    if (running == null) {
      throw new IllegalStateException("events are appended inside an operation only");
    }
    running.add(new Pending(orgId, at, change));
  }

  /** Starts collecting an outermost operation's changes. Under the lock. */
  void begin() {
    pending = new ArrayList<>();
  }

  /** Ends the outermost operation: positions its changes if it succeeded. Under the lock. */
  List<Event> end(boolean succeeded) {
    List<Pending> running = pending;
    pending = null;
    if (!succeeded || running == null || running.isEmpty()) {
      return List.of();
    }
    List<Event> written = new ArrayList<>(running.size());
    for (Pending p : running) {
      List<Event> feed = feeds.computeIfAbsent(p.orgId(), id -> new ArrayList<>());
      Event event = new Event(feed.size() + 1L, p.orgId(), p.at(), p.change());
      feed.add(event);
      written.add(event);
    }
    return written;
  }

  /** Tells the callbacks of committed events. Outside the lock. */
  void publish(List<Event> events) {
    if (events.isEmpty()) {
      return;
    }
    for (Consumer<List<Event>> callback : callbacks) {
      try {
        callback.accept(events);
      } catch (RuntimeException e) {
        LOG.warn("An after-commit event callback failed; the change stands", e);
      }
    }
  }
}
