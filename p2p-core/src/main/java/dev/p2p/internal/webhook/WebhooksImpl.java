package dev.p2p.internal.webhook;

import dev.p2p.gateway.GatewayEvent;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.gateway.WebhookResult;
import dev.p2p.internal.conversation.Receiving;
import dev.p2p.internal.metrics.Telemetry;
import dev.p2p.store.Store;
import dev.p2p.store.support.LogSafe;
import dev.p2p.webhook.Webhooks;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Internal: the implementation of {@link Webhooks}; obtain it from the facade. */
public final class WebhooksImpl implements Webhooks {
  private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

  private static final String NO_GATEWAY = "none";

  private final Map<String, SmsGateway> gateways;
  private final List<String> ids;
  private final WebhookEvents events;
  private final Telemetry telemetry;

  /**
   * Internal: obtain through {@code P2P.webhooks()}.
   *
   * @param gateways the registered gateways by id, in registration order
   * @param telemetry counts the requests by gateway and response status
   */
  public WebhooksImpl(
      Map<String, SmsGateway> gateways, Store store, Receiving receiving, Telemetry telemetry) {
    this.telemetry = telemetry;
    this.gateways = Map.copyOf(gateways);
    this.ids = List.copyOf(gateways.keySet());
    this.events = new WebhookEvents(store, receiving);
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    Objects.requireNonNull(request, "request");
    Optional<String> id = gatewayFor(request);
    if (id.isEmpty()) {
      log.info("No gateway matches the webhook {}", request);
      Telemetry.Span span = telemetry.webhookStarted(NO_GATEWAY);
      WebhookResponse response =
          WebhookResponse.error(404, "no gateway is registered for this URL");
      span.end(String.valueOf(response.status()));
      return response;
    }
    return handle(id.get(), request);
  }

  @Override
  public WebhookResponse handle(String gatewayId, WebhookRequest request) {
    Objects.requireNonNull(gatewayId, "gatewayId");
    Objects.requireNonNull(request, "request");
    // Only a registered id names the gateway in a tag: the path is the caller's to choose.
    Telemetry.Span span =
        telemetry.webhookStarted(gateways.containsKey(gatewayId) ? gatewayId : NO_GATEWAY);
    String status = "500"; // a store or adapter error that escapes reaches the host as a 500
    try {
      WebhookResponse response = respond(gatewayId, request);
      status = String.valueOf(response.status());
      return response;
    } finally {
      span.end(status);
    }
  }

  private WebhookResponse respond(String gatewayId, WebhookRequest request) {
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
