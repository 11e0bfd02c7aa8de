package dev.p2p.store.jdbc;

import dev.p2p.event.Event;
import dev.p2p.event.Subscription;
import dev.p2p.store.EventStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link JdbcStore}'s event feed: reads the {@code events} table and prunes its oldest rows; the
 * other parts write it through {@link Tx#emit} (see {@link EventSql}).
 */
final class JdbcEventStore implements EventStore {
  private final Tx tx;

  JdbcEventStore(Tx tx) {
    this.tx = tx;
  }

  @Override
  public List<Event> read(String orgId, long afterPosition, int limit) {
    return tx.run("read events", c -> EventSql.read(c, orgId, afterPosition, limit));
  }

  @Override
  public long lastPosition(String orgId) {
    return tx.run("read the last event position", c -> EventSql.lastPosition(c, orgId));
  }

  @Override
  public long firstPosition(String orgId) {
    return tx.run("read the first event position", c -> EventSql.firstPosition(c, orgId));
  }

  @Override
  public long prune(String orgId, long throughPosition, Optional<Instant> occurredBefore) {
    return tx.run("prune events", c -> EventSql.prune(c, orgId, throughPosition, occurredBefore));
  }

  @Override
  public Subscription afterCommit(Consumer<List<Event>> callback) {
    return tx.afterCommit(callback);
  }
}
