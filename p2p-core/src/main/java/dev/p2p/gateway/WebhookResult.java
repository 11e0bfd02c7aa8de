package dev.p2p.gateway;

import dev.p2p.webhook.Webhooks;
import java.util.List;
import java.util.Objects;

/**
 * What a gateway made of a webhook request: verified events to apply, or a rejection. Built with
 * the static factories.
 */
public sealed interface WebhookResult {

  /**
   * The request verified and parsed.
   *
   * @param events the events in the order the carrier sent them (possibly none)
   * @param response what the carrier expects back once the events are applied
   */
  static WebhookResult accepted(List<GatewayEvent> events, WebhookResponse response) {
    return new Accepted(events, response);
  }

  /** The signature or credentials did not verify: 403, and nothing of the request is used. */
  static WebhookResult forbidden(String reason) {
    return new Rejected(403, reason);
  }

  /** Credentials are missing: 401, and nothing of the request is used. */
  static WebhookResult unauthorized(String reason) {
    return new Rejected(401, reason);
  }

  /** The request verified but cannot be read: 400. */
  static WebhookResult badRequest(String reason) {
    return new Rejected(400, reason);
  }

  /**
   * The request's {@code Content-Type} is not one the carrier sends: 415, and nothing of the
   * request is used.
   */
  static WebhookResult unsupportedContentType(String reason) {
    return new Rejected(415, reason);
  }

  /**
   * The request is over a limit of {@link Webhooks} ({@link Webhooks#MAX_BODY_BYTES}, {@link
   * Webhooks#MAX_EVENTS}): 413, and nothing of the request is used.
   */
  static WebhookResult tooLarge(String reason) {
    return new Rejected(413, reason);
  }

  /**
   * Verified events.
   *
   * @param events the events, in the carrier's order
   * @param response the response the carrier expects
   */
  record Accepted(List<GatewayEvent> events, WebhookResponse response) implements WebhookResult {
    /** Checks presence and copies the events. */
    public Accepted {
      events = List.copyOf(events);
      Objects.requireNonNull(response, "response");
    }
  }

  /**
   * A rejected request.
   *
   * @param status 400, 401, 403, 413 or 415
   * @param reason a short reason for logs and the response body; never a secret or message content
   */
  record Rejected(int status, String reason) implements WebhookResult {
    /** Checks the status. */
    public Rejected {
      if (status != 400 && status != 401 && status != 403 && status != 413 && status != 415) {
        throw new IllegalArgumentException(
            "a rejection is 400, 401, 403, 413 or 415, was " + status);
      }
      Objects.requireNonNull(reason, "reason");
    }

    /** The response to send back. */
    public WebhookResponse response() {
      return WebhookResponse.error(status, reason);
    }
  }
}
