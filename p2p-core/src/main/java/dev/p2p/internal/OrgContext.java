package dev.p2p.internal;

import dev.p2p.sms.CostModel;
import dev.p2p.store.Store;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * What every per-organization service needs: the organization id, the store, the clock, the default
 * phone region, the cost model estimates use and the ids of the registered gateways. Internal:
 * built by {@code P2P}, never by users.
 */
public record OrgContext(
    String orgId,
    Store store,
    Clock clock,
    String defaultRegion,
    CostModel costModel,
    Set<String> gatewayIds,
    Texting texting) {
  /** Checks presence and copies the gateway ids. */
  public OrgContext {
    gatewayIds = Set.copyOf(gatewayIds);
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(defaultRegion, "defaultRegion");
    Objects.requireNonNull(costModel, "costModel");
    Objects.requireNonNull(texting, "texting");
  }
}
