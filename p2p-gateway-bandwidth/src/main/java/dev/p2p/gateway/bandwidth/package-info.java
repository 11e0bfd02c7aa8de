/**
 * The Bandwidth Messaging API v2 adapter: {@link dev.p2p.gateway.bandwidth.BandwidthGateway} sends
 * one message per call over {@code java.net.http} with an OAuth2 client-credentials bearer token,
 * classifies Bandwidth's HTTP errors and callback error codes into p2p's {@link
 * dev.p2p.gateway.GatewayError} kinds, and verifies (HTTP Basic) and parses Bandwidth's JSON
 * callbacks into {@link dev.p2p.gateway.GatewayEvent}s. Configure it with {@link
 * dev.p2p.gateway.bandwidth.BandwidthGateway.Builder}; everything else is package-private.
 *
 * <p>Like every adapter it only translates: it never retries a send (beyond fetching a new token
 * once when Bandwidth answers 401, which Bandwidth never processed), sleeps or throttles; the
 * core's {@code GatewayPolicy} does that around it.
 */
@NullMarked
package dev.p2p.gateway.bandwidth;

import org.jspecify.annotations.NullMarked;
