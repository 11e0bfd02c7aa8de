package dev.p2p.gateway.policy;

/** Where a gateway's circuit breaker stands (see {@link ResilientGateway}). */
public enum CircuitState {
  /** Sends go to the carrier; failures are counted. */
  CLOSED,
  /** Sends fail fast, without calling the carrier, until the open wait has passed. */
  OPEN,
  /** A few trial sends go to the carrier; the rest fail fast until the trials decide. */
  HALF_OPEN
}
