package dev.p2p.examples.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.webhook.Webhooks;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one HTTP exchange into a {@link WebhookRequest} for {@code p2p.webhooks()} and writes its
 * {@link WebhookResponse} back. This is the part a CRM rewrites for its own web framework.
 */
final class WebhookHandler implements HttpHandler {
  /**
   * The largest body read, p2p's own limit: carriers send a few kilobytes; anything bigger is
   * refused with 413 without reading the rest.
   */
  static final int MAX_BODY_BYTES = Webhooks.MAX_BODY_BYTES;

  private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);

  /**
   * A webhook path: the gateway it is for and the methods the carrier uses.
   *
   * @param gatewayId the gateway's id, for the log (p2p finds it from the path itself)
   * @param methods the HTTP methods accepted; others get 405
   */
  record Route(String gatewayId, List<String> methods) {}

  private final Webhooks webhooks;
  private final URI publicUrl;
  private final Map<String, Route> routes;

  WebhookHandler(Webhooks webhooks, URI publicUrl, Map<String, Route> routes) {
    this.webhooks = webhooks;
    this.publicUrl = publicUrl;
    this.routes = Map.copyOf(routes);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    Route route = routes.get(path);
    WebhookResponse response;
    if (route == null) {
      response = WebhookResponse.error(404, "no webhook at this path");
    } else if (!route.methods().contains(method)) {
      exchange.getResponseHeaders().set("Allow", String.join(", ", route.methods()));
      response = WebhookResponse.error(405, "webhooks here are " + route.methods());
    } else {
      response = dispatch(exchange, method, path);
    }
    // The path only: the query and the headers may carry a reference or credentials.
    log.info(
        "{} {} ({}) -> {}",
        method,
        path,
        route == null ? "no gateway" : route.gatewayId(),
        response.status());
    write(exchange, response);
  }

  private WebhookResponse dispatch(HttpExchange exchange, String method, String path) {
    try {
      byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        return WebhookResponse.error(413, "the body is larger than " + MAX_BODY_BYTES + " bytes");
      }
      // The URL the carrier called: the server sees its own host and port, but Twilio signed the
      // public URL, so rebuild it from the public base, the path and the query exactly as sent.
      String query = exchange.getRequestURI().getRawQuery();
      String fullUrl = publicUrl + path + (query == null ? "" : "?" + query);
      return webhooks.handle(
          WebhookRequest.of(method, fullUrl, exchange.getRequestHeaders(), body));
    } catch (IOException e) {
      log.warn("Could not read the body of {} {}: {}", method, path, e.toString());
      return WebhookResponse.error(400, "the body could not be read");
    } catch (RuntimeException e) {
      // p2p answers bad input itself (400, 401, 403) and a store failure with 503; anything else
      // is a bug: answer 500, so the carrier retries later, and keep serving.
      log.error("The webhook {} {} failed", method, path, e);
      return WebhookResponse.error(500, "internal error");
    }
  }

  private static void write(HttpExchange exchange, WebhookResponse response) throws IOException {
    try (exchange) {
      byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
      if (!response.contentType().isEmpty()) {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
      }
      // -1: no body at all, as 204 requires.
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }
}
