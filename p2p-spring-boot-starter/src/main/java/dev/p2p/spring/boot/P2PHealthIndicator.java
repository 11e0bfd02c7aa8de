package dev.p2p.spring.boot;

import dev.p2p.P2P;
import dev.p2p.gateway.policy.CircuitState;
import dev.p2p.gateway.policy.GatewayStatus;
import dev.p2p.store.StoreHealth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code p2p} health: DOWN when the store is down (unreachable, or a migration pending), with
 * the store's details; each gateway's circuit breaker in the details. An open circuit alone leaves
 * the status UP unless {@code p2p.health.open-circuit-status} says otherwise, so that a carrier's
 * outage never takes the application out of readiness: webhooks must keep flowing.
 */
public class P2PHealthIndicator implements HealthIndicator {
  private final P2P p2p;
  private final Status openCircuitStatus;

  /**
   * Creates the indicator.
   *
   * @param p2p the instance to check
   * @param openCircuitStatus the status while a circuit is open and the store up
   */
  public P2PHealthIndicator(P2P p2p, Status openCircuitStatus) {
    this.p2p = Objects.requireNonNull(p2p, "p2p");
    this.openCircuitStatus = Objects.requireNonNull(openCircuitStatus, "openCircuitStatus");
  }

  @Override
  public Health health() {
    StoreHealth store = p2p.storeHealth();
    Map<String, Object> storeDetails = new LinkedHashMap<>();
    storeDetails.put("status", store.up() ? Status.UP.getCode() : Status.DOWN.getCode());
    storeDetails.putAll(store.details());
    Map<String, Object> gateways = new LinkedHashMap<>();
    boolean open = false;
    for (GatewayStatus gateway : p2p.gatewayStatus()) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("carrier", gateway.carrier());
      details.put("circuit", gateway.circuit().name());
      gateways.put(gateway.id(), details);
      open |= gateway.circuit() == CircuitState.OPEN;
    }
    Status status = !store.up() ? Status.DOWN : open ? openCircuitStatus : Status.UP;
    return Health.status(status)
        .withDetail("store", storeDetails)
        .withDetail("gateways", gateways)
        .build();
  }
}
