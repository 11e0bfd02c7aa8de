package dev.p2p.webhook;

import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;

/**
 * The webhook pipeline: finds the gateway a carrier's request is for, lets it verify and parse the
 * request, applies the events to the store idempotently and returns the response to write back.
 * Obtained from {@code P2P.webhooks()}; thread-safe.
 *
 * <pre>{@code
 * WebhookResponse r = p2p.webhooks().handle(WebhookRequest.of(method, url, headers, body));
 * }</pre>
 *
 * <p>Limits, checked before anything is stored: a body over {@value #MAX_BODY_BYTES} bytes gets 413
 * before the gateway reads it, and a request that holds more than {@value #MAX_EVENTS} events gets
 * 413 with none of them applied. Both are far above what a carrier sends (Twilio posts one event of
 * a few kilobytes; Bandwidth one event per recipient of a message, a dozen at most), and {@value
 * #MAX_EVENTS} events are applied well within Bandwidth's 10-second callback timeout, so a carrier
 * is never made to retry a request whole because it took too long. A CRM's web framework should
 * stop reading a body at {@value #MAX_BODY_BYTES} bytes too.
 *
 * <p>Responses: a rejected request gets the gateway's 400, 401, 403 or 415 (a {@code Content-Type}
 * the carrier never sends) and nothing is stored; a request for no registered gateway gets 404; an
 * adapter that throws while parsing, or returns no result, gets 400 (and an ERROR log: it is an
 * adapter bug); a store failure gets 503 so that the carrier retries later. An accepted request
 * gets the gateway's own response once every event is applied. Never 500.
 *
 * <p>Applying is idempotent, each event in its own store operation, so a repeated webhook (or a
 * retry after a partial failure) changes nothing already applied:
 *
 * <ul>
 *   <li>A status update moves its outbound message forward only. One for a message the store does
 *       not know yet (a fast carrier may call before the send's receipt is stored) is acknowledged
 *       and kept by the store, which applies it, in arrival order and forward only, when the
 *       receipt is stored; one never claimed is dropped after a day.
 *   <li>An inbound message is stored once, in the organization whose sender binding matches (the
 *       one that last texted the contact from that number). One that matches no organization is
 *       acknowledged, so the carrier stops retrying, logged at WARN and not stored.
 * </ul>
 */
public interface Webhooks {
  /** The largest webhook body p2p reads, in bytes: 1 MiB; a larger one is answered 413. */
  int MAX_BODY_BYTES = 1 << 20;

  /** The most events one webhook request may hold; a request with more is answered 413. */
  int MAX_EVENTS = 100;

  /**
   * Handles a request, finding its gateway from the URL: the path segment equal to a registered
   * gateway id, checked from the last segment backwards (so {@code /p2p/webhooks/twilio-acme} and
   * {@code /p2p/webhooks/twilio-acme/status} both find {@code twilio-acme}); when none matches and
   * exactly one gateway is registered, that one; otherwise 404.
   *
   * @return the response to write back; never throws for bad input
   */
  WebhookResponse handle(WebhookRequest request);

  /**
   * Handles a request for the gateway registered under this id, for CRMs that route webhooks
   * themselves.
   *
   * @return the response to write back; 404 if no gateway has the id; never throws for bad input
   */
  WebhookResponse handle(String gatewayId, WebhookRequest request);
}
