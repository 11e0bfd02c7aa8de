package dev.p2p.internal;

import dev.p2p.sms.CostModel;
import dev.p2p.store.Store;
import java.time.Clock;
import java.util.Objects;

/**
 * What every per-organization service needs: the organization id, the store, the clock, the default
 * phone region and the cost model estimates use. Internal: built by {@code P2P}, never by users.
 */
public record OrgContext(
    String orgId, Store store, Clock clock, String defaultRegion, CostModel costModel) {
  /** Checks presence. */
  public OrgContext {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(defaultRegion, "defaultRegion");
    Objects.requireNonNull(costModel, "costModel");
  }
}
