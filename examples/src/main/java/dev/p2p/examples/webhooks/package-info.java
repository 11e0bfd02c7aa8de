/**
 * A webhook server: carrier callbacks over HTTP into {@code p2p.webhooks()}, on the JDK's own
 * {@code com.sun.net.httpserver} so that nothing hides the wiring. Run it with {@code java -cp
 * p2p-demo.jar dev.p2p.examples.webhooks.WebhookServer}, configured by environment variables
 * ({@link dev.p2p.examples.webhooks.WebhookConfig}); see {@code examples/README.md} for the
 * variables and the carrier consoles.
 *
 * <p>A CRM does the same in its own web framework, in three steps per request:
 *
 * <ol>
 *   <li>Rebuild the URL the carrier called from the public base URL, the path and the raw query:
 *       Twilio's signature covers it, and behind a proxy the URL the server sees differs.
 *   <li>Hand method, URL, headers and the raw body bytes to {@code
 *       p2p.webhooks().handle(WebhookRequest.of(..))}: it verifies the signature or credentials,
 *       stores what the callback says once, and never throws for bad input.
 *   <li>Write back the status, content type and body of the {@code WebhookResponse} it returns.
 * </ol>
 *
 * <p>What arrived reaches the CRM through {@code p2p.events()}; this server only logs it, with
 * phones masked.
 */
@NullMarked
package dev.p2p.examples.webhooks;

import org.jspecify.annotations.NullMarked;
