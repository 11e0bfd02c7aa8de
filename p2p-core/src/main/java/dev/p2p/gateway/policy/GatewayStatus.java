package dev.p2p.gateway.policy;

import java.util.Objects;

/**
 * One registered gateway as a health check sees it.
 *
 * @param id the id it is registered under in {@code P2P.builder().gateway(id, ...)}
 * @param carrier the carrier's name ({@code "twilio"})
 * @param circuit where its circuit breaker stands now
 */
public record GatewayStatus(String id, String carrier, CircuitState circuit) {
  /** Checks that no component is null. */
  public GatewayStatus {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(carrier, "carrier");
    Objects.requireNonNull(circuit, "circuit");
  }
}
