package dev.p2p.gateway.bandwidth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.p2p.ValidationException;
import dev.p2p.contact.Phones;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.gateway.WebhookResult;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies and reads Bandwidth's callbacks: a JSON array of events (a single object is accepted
 * too). A pure function of the request; thread-safe.
 */
final class BandwidthCallbacks {
  /** The event types p2p reads; others are acknowledged and skipped. */
  private static final Set<String> KNOWN =
      Set.of(
          "message-received",
          "message-sending",
          "message-sent",
          "message-delivered",
          "message-failed");

  private final BandwidthCallbackAuth auth;

  BandwidthCallbacks(BandwidthCallbackAuth auth) {
    this.auth = auth;
  }

  WebhookResult parse(WebhookRequest request) {
    Optional<WebhookResult> rejected = auth.reject(request);
    if (rejected.isPresent()) {
      return rejected.get();
    }
    if (!"POST".equals(request.method())) {
      return WebhookResult.badRequest("Bandwidth callbacks are POST requests");
    }
    if (!isJson(request)) {
      return WebhookResult.unsupportedContentType(
          "Bandwidth callbacks are application/json; the Content-Type is missing or another");
    }
    JsonNode body = BandwidthJson.readLeniently(request.body());
    if (!body.isArray() && !body.isObject()) {
      return WebhookResult.badRequest("the body is not a JSON array or object of events");
    }
    List<GatewayEvent> events = new ArrayList<>();
    int index = 0;
    try {
      for (JsonNode event : body.isArray() ? body : List.of(body)) {
        event(event, "events[" + index++ + "]").ifPresent(events::add);
      }
    } catch (Unreadable e) {
      return WebhookResult.badRequest(e.reason);
    }
    return WebhookResult.accepted(events, WebhookResponse.noContent());
  }

  private static Optional<GatewayEvent> event(JsonNode event, String at) {
    if (!event.isObject()) {
      throw new Unreadable(at + " is not an object");
    }
    String type = text(event, "type", at);
    if (type.isEmpty()) {
      throw new Unreadable(at + ".type is missing");
    }
    if (!KNOWN.contains(type)) {
      return Optional.empty(); // message-read, RBM responses: nothing p2p tracks
    }
    JsonNode message = event.path("message");
    if (!message.isObject()) {
      throw new Unreadable(at + ".message is missing");
    }
    String id = required(message, "id", at + ".message");
    switch (type) {
      case "message-received":
        return Optional.of(inbound(event, message, id, at));
      case "message-sending":
        return Optional.of(status(event, message, id, MessageStatus.SENDING, at));
      case "message-sent":
        return Optional.of(status(event, message, id, MessageStatus.SENT, at));
      case "message-delivered":
        return Optional.of(status(event, message, id, MessageStatus.DELIVERED, at));
      default:
        return Optional.of(failure(event, message, id, at));
    }
  }

  private static InboundMessage inbound(JsonNode event, JsonNode message, String id, String at) {
    direction(message, "in", at);
    String from = phone(message, "from", at + ".message");
    String to =
        text(event, "to", at).isEmpty()
            ? phone(message, "owner", at + ".message")
            : phone(event, "to", at);
    String body = text(message, "text", at + ".message");
    List<URI> media = media(message, at + ".message.media");
    Optional<Instant> time = time(message, at + ".message").or(() -> time(event, at));
    try {
      return new InboundMessage(id, from, to, body, media, time);
    } catch (ValidationException e) {
      throw new Unreadable(at + ".message.id must be 1 to 128 characters");
    }
  }

  private static List<URI> media(JsonNode message, String at) {
    JsonNode urls = message.path("media");
    if (urls.isMissingNode() || urls.isNull()) {
      return List.of();
    }
    if (!urls.isArray()) {
      throw new Unreadable(at + " must be an array of URLs");
    }
    List<URI> media = new ArrayList<>();
    for (JsonNode url : urls) {
      if (!url.isTextual()) {
        throw new Unreadable(at + " must be an array of URLs");
      }
      try {
        media.add(new URI(url.asText()));
      } catch (URISyntaxException e) {
        throw new Unreadable(at + " holds a value that is not a URL");
      }
    }
    return media;
  }

  private static StatusUpdate status(
      JsonNode event, JsonNode message, String id, MessageStatus status, String at) {
    direction(message, "out", at);
    return update(
        event, message, id, new BandwidthErrorCodes.Outcome(status, Optional.empty()), "", at);
  }

  private static StatusUpdate failure(JsonNode event, JsonNode message, String id, String at) {
    direction(message, "out", at);
    JsonNode code = event.path("errorCode");
    if (code.isMissingNode() || code.isNull()) {
      BandwidthErrorCodes.Outcome unknown =
          new BandwidthErrorCodes.Outcome(
              MessageStatus.FAILED, Optional.of(GatewayError.permanent()));
      return update(event, message, id, unknown, "", at);
    }
    int value;
    if (code.isInt()) {
      value = code.intValue();
    } else if (code.isTextual() && code.asText().matches("[0-9]{1,6}")) {
      value = Integer.parseInt(code.asText());
    } else {
      throw new Unreadable(at + ".errorCode is not a number");
    }
    return update(event, message, id, BandwidthErrorCodes.of(value), String.valueOf(value), at);
  }

  private static StatusUpdate update(
      JsonNode event,
      JsonNode message,
      String id,
      BandwidthErrorCodes.Outcome outcome,
      String code,
      String at) {
    try {
      return new StatusUpdate(
          id,
          outcome.status(),
          BandwidthMessageRequests.reference(text(message, "tag", at + ".message")),
          outcome.error(),
          code.isEmpty() ? Optional.empty() : Optional.of(code),
          time(event, at));
    } catch (ValidationException e) {
      throw new Unreadable(at + ".message.id must be 1 to 128 characters");
    }
  }

  private static void direction(JsonNode message, String expected, String at) {
    String direction = text(message, "direction", at + ".message");
    if (!direction.isEmpty() && !direction.equals(expected)) {
      throw new Unreadable(at + ".message.direction must be '" + expected + "' for its type");
    }
  }

  private static String required(JsonNode node, String field, String at) {
    String value = text(node, field, at);
    if (value.isBlank()) {
      throw new Unreadable(at + "." + field + " is missing");
    }
    return value;
  }

  /** A required E.164 phone number. */
  private static String phone(JsonNode node, String field, String at) {
    String value = required(node, field, at);
    if (!Phones.isE164(value)) {
      throw new Unreadable(at + "." + field + " is not an E.164 phone number");
    }
    return value;
  }

  /**
   * The text of a field, empty when it is absent or null.
   *
   * @throws Unreadable naming the field when it holds a number, a boolean, an array or an object
   */
  private static String text(JsonNode node, String field, String at) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return "";
    }
    if (!value.isTextual()) {
      throw new Unreadable(at + "." + field + " must be a string");
    }
    return value.asText();
  }

  private static boolean isJson(WebhookRequest request) {
    return request
        .header("Content-Type")
        .map(type -> type.trim().toLowerCase(Locale.ROOT))
        .filter(type -> type.equals("application/json") || type.startsWith("application/json;"))
        .isPresent();
  }

  private static Optional<Instant> time(JsonNode node, String at) {
    String text = text(node, "time", at);
    try {
      return text.isEmpty()
          ? Optional.empty()
          : Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty(); // informative only: an odd time does not lose the event
    }
  }

  /** A verified callback that cannot be read; its message names the place and never content. */
  private static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String reason;

    Unreadable(String reason) {
      super(reason, null, false, false);
      this.reason = reason;
    }
  }
}
