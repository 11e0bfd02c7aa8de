/**
 * The carrier SPI: {@link dev.p2p.gateway.SmsGateway} sends one message and parses a carrier's
 * webhook request into verified {@link dev.p2p.gateway.GatewayEvent}s. Adapters only translate:
 * they classify every carrier error into a {@link dev.p2p.gateway.GatewayError} and leave retries,
 * rate limits and circuit breaking to the core, which applies them once around any gateway.
 *
 * <p>Webhooks are framework-neutral: a CRM passes its web framework's request in as a {@link
 * dev.p2p.gateway.WebhookRequest} to {@link dev.p2p.webhook.Webhooks} ({@code P2P.webhooks()}),
 * which finds the gateway, applies the events idempotently, and returns the {@link
 * dev.p2p.gateway.WebhookResponse} to write back.
 */
@NullMarked
package dev.p2p.gateway;

import org.jspecify.annotations.NullMarked;
