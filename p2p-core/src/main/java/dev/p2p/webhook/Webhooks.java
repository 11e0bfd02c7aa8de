package dev.p2p.webhook;

import dev.p2p.conversation.Receiving;
import dev.p2p.gateway.GatewayEvent;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.gateway.WebhookResult;
import dev.p2p.store.Store;
import dev.p2p.store.support.LogSafe;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
public final class Webhooks {
  /** The largest webhook body p2p reads, in bytes: 1 MiB; a larger one is answered 413. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  /** The most events one webhook request may hold; a request with more is answered 413. */
  public static final int MAX_EVENTS = 100;

  private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

  private final Map<String, SmsGateway> gateways;
  private final List<String> ids;
  private final WebhookEvents events;

  /**
   * Internal: obtain through {@code P2P.webhooks()}.
   *
   * @param gateways the registered gateways by id, in registration order
   */
  public Webhooks(Map<String, SmsGateway> gateways, Store store, Receiving receiving) {
    this.gateways = Map.copyOf(gateways);
    this.ids = List.copyOf(gateways.keySet());
    this.events = new WebhookEvents(store, receiving);
  }

  /**
   * Handles a request, finding its gateway from the URL: the path segment equal to a registered
   * gateway id, checked from the last segment backwards (so {@code /p2p/webhooks/twilio-acme} and
   * {@code /p2p/webhooks/twilio-acme/status} both find {@code twilio-acme}); when none matches and
   * exactly one gateway is registered, that one; otherwise 404.
   *
   * @return the response to write back; never throws for bad input
   */
  public WebhookResponse handle(WebhookRequest request) {
    Objects.requireNonNull(request, "request");
    Optional<String> id = gatewayFor(request);
    if (id.isEmpty()) {
      log.info("No gateway matches the webhook {}", request);
      return WebhookResponse.error(404, "no gateway is registered for this URL");
    }
    return handle(id.get(), request);
  }

  /**
   * Handles a request for the gateway registered under this id, for CRMs that route webhooks
   * themselves.
   *
   * @return the response to write back; 404 if no gateway has the id; never throws for bad input
   */
  public WebhookResponse handle(String gatewayId, WebhookRequest request) {
    Objects.requireNonNull(gatewayId, "gatewayId");
    Objects.requireNonNull(request, "request");
    SmsGateway gateway = gateways.get(gatewayId);
    if (gateway == null) {
      log.info("No gateway is registered as '{}' for the webhook {}", gatewayId, request);
      return WebhookResponse.error(404, "no gateway is registered as " + gatewayId);
    }
    if (request.bodyLength() > MAX_BODY_BYTES) {
      log.warn(
          "Refused the webhook {} for gateway '{}': over {} bytes",
          request,
          gatewayId,
          MAX_BODY_BYTES);
      return WebhookResponse.error(413, "the body is over " + MAX_BODY_BYTES + " bytes");
    }
    WebhookResult result;
    try {
      result = Objects.requireNonNull(gateway.parse(request), "the adapter returned no result");
    } catch (RuntimeException e) {
      log.error(
          "Gateway '{}' ({}) threw while parsing {}: a bug in the adapter, which must return a"
              + " rejection instead",
          gatewayId,
          gateway.carrier(),
          request,
          LogSafe.of(e));
      return WebhookResponse.error(400, "the request could not be read");
    }
    if (result instanceof WebhookResult.Rejected rejected) {
      log.warn(
          "Gateway '{}' rejected {} with {}: {}",
          gatewayId,
          request,
          rejected.status(),
          rejected.reason());
      return rejected.response();
    }
    WebhookResult.Accepted accepted = (WebhookResult.Accepted) result;
    if (accepted.events().size() > MAX_EVENTS) {
      log.warn(
          "Refused the webhook {} for gateway '{}': {} events, over {}; none applied",
          request,
          gatewayId,
          accepted.events().size(),
          MAX_EVENTS);
      return WebhookResponse.error(
          413, "the request holds more than " + MAX_EVENTS + " events; none was stored");
    }
    for (GatewayEvent event : accepted.events()) {
      try {
        events.apply(gatewayId, event);
      } catch (RuntimeException e) {
        log.warn(
            "Could not store an event of the webhook {} for gateway '{}'; answering 503 so the"
                + " carrier retries",
            request,
            gatewayId,
            LogSafe.of(e));
        return WebhookResponse.error(503, "could not store the events; retry later");
      }
    }
    return accepted.response();
  }

  private Optional<String> gatewayFor(WebhookRequest request) {
    String path = request.url().getPath();
    if (path != null) {
      String[] segments = path.split("/");
      for (int i = segments.length - 1; i >= 0; i--) {
        if (!segments[i].isEmpty() && gateways.containsKey(segments[i])) {
          return Optional.of(segments[i]);
        }
      }
    }
    return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
  }

  @Override
  public String toString() {
    return "Webhooks" + ids;
  }
}
