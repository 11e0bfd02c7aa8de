/**
 * What the core wraps around every gateway: {@link dev.p2p.gateway.policy.GatewayPolicy} (each
 * sender's rate, the circuit breaker, the bulkhead and the retry backoff) and {@link
 * dev.p2p.gateway.policy.ResilientGateway}, which applies it once around any {@link
 * dev.p2p.gateway.SmsGateway}. Adapters do not use this package: they classify errors, and the
 * policy decides what to retry.
 */
@NullMarked
package dev.p2p.gateway.policy;

import org.jspecify.annotations.NullMarked;
