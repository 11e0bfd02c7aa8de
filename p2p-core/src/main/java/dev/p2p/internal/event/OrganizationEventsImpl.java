package dev.p2p.internal.event;

import dev.p2p.event.Event;
import dev.p2p.event.EventListener;
import dev.p2p.event.Events;
import dev.p2p.event.OrganizationEvents;
import dev.p2p.event.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** {@link OrganizationEvents} over the whole feed, the organization fixed. */
public final class OrganizationEventsImpl implements OrganizationEvents {
  private final Events events;
  private final String orgId;

  public OrganizationEventsImpl(Events events, String orgId) {
    this.events = Objects.requireNonNull(events, "events");
    this.orgId = Objects.requireNonNull(orgId, "orgId");
  }

  @Override
  public String organizationId() {
    return orgId;
  }

  @Override
  public List<Event> read(long afterPosition, int limit) {
    return events.read(orgId, afterPosition, limit);
  }

  @Override
  public long lastPosition() {
    return events.lastPosition(orgId);
  }

  @Override
  public long firstPosition() {
    return events.firstPosition(orgId);
  }

  @Override
  public long prune(long throughPosition) {
    return events.prune(orgId, throughPosition);
  }

  @Override
  public long pruneOlderThan(Duration age) {
    return events.pruneOlderThan(orgId, age);
  }

  @Override
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
