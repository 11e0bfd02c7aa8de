/**
 * Carrier webhooks into p2p: {@link dev.p2p.webhook.Webhooks} ({@code P2P.webhooks()}) takes a
 * framework-neutral {@link dev.p2p.gateway.WebhookRequest}, finds the gateway by its id, applies
 * the verified events idempotently and returns the {@link dev.p2p.gateway.WebhookResponse} to write
 * back.
 */
@NullMarked
package dev.p2p.webhook;

import org.jspecify.annotations.NullMarked;
