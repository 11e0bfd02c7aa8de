package dev.p2p.gateway;

import java.util.Objects;

/**
 * The response to write back to the carrier: a plain value the CRM copies into its web framework's
 * response.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} to send, empty for no body
 * @param body the body text, possibly empty
 */
public record WebhookResponse(int status, String contentType, String body) {

  /** Checks the status range and presence. */
  public WebhookResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100 to 599, was " + status);
    }
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
  }

  /** 204 No Content. */
  public static WebhookResponse noContent() {
    return new WebhookResponse(204, "", "");
  }

  /** 200 with a body of the given type. */
  public static WebhookResponse ok(String contentType, String body) {
    return new WebhookResponse(200, contentType, body);
  }

  /** An error status with a short plain-text reason (never secrets or message content). */
  public static WebhookResponse error(int status, String reason) {
    return new WebhookResponse(status, "text/plain; charset=utf-8", reason);
  }
}
