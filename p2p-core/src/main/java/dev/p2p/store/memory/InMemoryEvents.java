package dev.p2p.store.memory;

import dev.p2p.event.Change;
import dev.p2p.event.Event;
import dev.p2p.event.Subscription;
import dev.p2p.store.EventStore;
import dev.p2p.store.support.LogSafe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory event feed. Operations append changes while they run under the store's lock; the
 * outermost {@link InMemoryStore#locked} call gives them positions when it succeeds (drops them
 * when it throws) and, once the lock is released, tells the callbacks. Pruning drops the oldest
 * events and remembers how many went, so positions go on.
 */
final class InMemoryEvents implements EventStore {
  private static final Logger LOG = LoggerFactory.getLogger(InMemoryEvents.class);

  private final InMemoryStore store;
  private final Map<String, Feed> feeds = new HashMap<>();
  private final List<Consumer<List<Event>>> callbacks = new CopyOnWriteArrayList<>();
  // The changes of the operation running under the lock; null outside one.
  private @Nullable List<Pending> pending;

  InMemoryEvents(InMemoryStore store) {
    this.store = store;
  }

  /** A change an operation made, waiting for the operation to succeed. */
  private record Pending(String orgId, Instant at, Change change) {}

  /** One organization's feed: the events held, after the {@code pruned} first positions. */
  private static final class Feed {
    long pruned;
    final List<Event> held = new ArrayList<>();

    long last() {
      return pruned + held.size();
    }
  }

  private Feed feed(String orgId) {
    Feed feed = feeds.get(orgId);
    return feed == null ? new Feed() : feed;
  }

  @Override
  public List<Event> read(String orgId, long afterPosition, int limit) {
    return store.locked(
        () -> {
          Feed feed = feed(orgId);
          int from = (int) Math.min(Math.max(afterPosition - feed.pruned, 0), feed.held.size());
          return List.copyOf(feed.held.subList(from, Math.min(feed.held.size(), from + limit)));
        });
  }

  @Override
  public long lastPosition(String orgId) {
    return store.locked(() -> feed(orgId).last());
  }

  @Override
  public long firstPosition(String orgId) {
    return store.locked(() -> feed(orgId).pruned + 1);
  }

  @Override
  public long prune(String orgId, long throughPosition, Optional<Instant> occurredBefore) {
    return store.locked(
        () -> {
          Feed feed = feed(orgId);
          int count = 0;
          for (Event e : feed.held) {
            if (e.position() > throughPosition
                || occurredBefore.filter(before -> !e.occurredAt().isBefore(before)).isPresent()) {
              break;
            }
            count++;
          }
          feed.held.subList(0, count).clear();
          feed.pruned += count;
          return (long) count;
        });
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
      Feed feed = feeds.computeIfAbsent(p.orgId(), id -> new Feed());
      Event event = new Event(feed.last() + 1, p.orgId(), p.at(), p.change());
      feed.held.add(event);
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
        LOG.warn("An after-commit event callback failed; the change stands", LogSafe.of(e));
      }
    }
  }
}
