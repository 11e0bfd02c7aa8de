package dev.p2p.internal;

import dev.p2p.store.Store;
import java.time.Clock;
import java.util.Objects;

/**
 * What every per-organization service needs: the organization id, the store, the clock and the
 * default phone region. Internal: built by {@code P2P}, never by users.
 */
public record OrgContext(String orgId, Store store, Clock clock, String defaultRegion) {
  /** Checks presence. */
  public OrgContext {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(defaultRegion, "defaultRegion");
  }
}
