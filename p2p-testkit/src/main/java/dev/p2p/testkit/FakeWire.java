package dev.p2p.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.gateway.WebhookResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fake carrier's wire format. A webhook is a {@code POST} of {@code {"events":[...]}} in JSON,
 * signed with HMAC-SHA256 over the URL's text followed by the raw body, keyed with the webhook
 * secret, base64 in the {@value #SIGNATURE_HEADER} header. An inbound event is {@code
 * {"type":"inbound","id","from","to","body","media":[...],"at"}}; a status event is {@code
 * {"type":"status","id","status","reference","error","retryAfter","code","at"}}, optional fields
 * left out when absent.
 */
final class FakeWire {
  /** The header carrying the signature. */
  static final String SIGNATURE_HEADER = "X-Fake-Signature";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretKeySpec key;

  FakeWire(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** A signed request carrying the events. */
  WebhookRequest request(URI url, List<GatewayEvent> events) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode array = root.putArray("events");
    events.forEach(event -> array.add(encode(event)));
    try {
      return signed(url, JSON.writeValueAsBytes(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a fake webhook body", e);
    }
  }

  /**
   * A signed request carrying one inbound message exactly as given: a body or media over p2p's
   * limits go on the wire whole, as a carrier would send them.
   */
  WebhookRequest inbound(
      URI url,
      String id,
      String from,
      String to,
      String body,
      List<URI> media,
      Optional<Instant> at) {
    ObjectNode root = JSON.createObjectNode();
    root.putArray("events").add(inbound(id, from, to, body, media, at));
    try {
      return signed(url, JSON.writeValueAsBytes(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a fake webhook body", e);
    }
  }

  /** A request with the given body, correctly signed. */
  WebhookRequest signed(URI url, byte[] body) {
    return new WebhookRequest(
        "POST",
        url,
        Map.of(
            "Content-Type",
            List.of("application/json; charset=utf-8"),
            SIGNATURE_HEADER,
            List.of(Base64.getEncoder().encodeToString(mac(url, body)))),
        body);
  }

  /** Verifies, then reads the request; never throws for bad input. */
  WebhookResult parse(WebhookRequest request) {
    Optional<String> signature = request.header(SIGNATURE_HEADER);
    if (signature.isEmpty()) {
      return WebhookResult.unauthorized("missing " + SIGNATURE_HEADER + " header");
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(signature.get());
    } catch (IllegalArgumentException e) {
      return WebhookResult.forbidden("signature is not base64");
    }
    if (!MessageDigest.isEqual(mac(request.url(), request.body()), given)) {
      return WebhookResult.forbidden("signature does not match");
    }
    if (!"POST".equals(request.method())) {
      return WebhookResult.badRequest("fake webhooks are POST requests");
    }
    try {
      JsonNode events = JSON.readTree(request.body()).path("events");
      if (!events.isArray()) {
        throw new BadWire("the body has no events array");
      }
      List<GatewayEvent> parsed = new ArrayList<>();
      for (JsonNode event : events) {
        parsed.add(decode(event));
      }
      return WebhookResult.accepted(parsed, WebhookResponse.noContent());
    } catch (BadWire e) {
      return WebhookResult.badRequest(e.reason);
    } catch (java.io.IOException | RuntimeException e) {
      return WebhookResult.badRequest("unreadable fake webhook body");
    }
  }

  private byte[] mac(URI url, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(url.toString().getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static ObjectNode encode(GatewayEvent event) {
    ObjectNode node = JSON.createObjectNode();
    if (event instanceof InboundMessage in) {
      return inbound(
          in.carrierMessageId(), in.from(), in.to(), in.body(), in.media(), in.receivedAt());
    } else if (event instanceof StatusUpdate update) {
      node.put("type", "status").put("id", update.carrierMessageId());
      node.put("status", update.status().name().toLowerCase(Locale.ROOT));
      update.reference().ifPresent(reference -> node.put("reference", reference));
      update.error().ifPresent(error -> encodeError(node, error));
      update.carrierCode().ifPresent(code -> node.put("code", code));
      update.at().ifPresent(at -> node.put("at", at.toString()));
    }
    return node;
  }

  private static ObjectNode inbound(
      String id, String from, String to, String body, List<URI> media, Optional<Instant> at) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "inbound").put("id", id);
    node.put("from", from).put("to", to).put("body", body);
    ArrayNode array = node.putArray("media");
    media.forEach(url -> array.add(url.toString()));
    at.ifPresent(instant -> node.put("at", instant.toString()));
    return node;
  }

  private static void encodeError(ObjectNode node, GatewayError error) {
    node.put("error", ErrorKinds.name(error));
    if (error instanceof GatewayError.RateLimited limited) {
      limited.retryAfter().ifPresent(delay -> node.put("retryAfter", delay.toString()));
    }
  }

  private static GatewayEvent decode(JsonNode node) {
    String type = text(node, "type");
    String id = text(node, "id");
    Optional<Instant> at = optional(node, "at").map(Instant::parse);
    if ("inbound".equals(type)) {
      List<URI> media = new ArrayList<>();
      for (JsonNode url : node.path("media")) {
        if (!url.isTextual()) {
          throw new BadWire("a media entry is not a URL");
        }
        media.add(URI.create(url.asText()));
      }
      return new InboundMessage(
          id, text(node, "from"), text(node, "to"), text(node, "body"), media, at);
    }
    if (!"status".equals(type)) {
      throw new BadWire("unknown event type");
    }
    MessageStatus status = MessageStatus.valueOf(text(node, "status").toUpperCase(Locale.ROOT));
    Optional<Duration> retryAfter = optional(node, "retryAfter").map(Duration::parse);
    Optional<GatewayError> error =
        optional(node, "error").map(name -> ErrorKinds.parse(name, retryAfter));
    return new StatusUpdate(
        id, status, optional(node, "reference"), error, optional(node, "code"), at);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new BadWire("an event lacks the text field '" + field + "'");
    }
    return value.asText();
  }

  private static Optional<String> optional(JsonNode node, String field) {
    return node.has(field) ? Optional.of(text(node, field)) : Optional.empty();
  }

  /** A body that is JSON but not the fake's format; its message names the problem, no content. */
  private static final class BadWire extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    BadWire(String reason) {
      super(reason);
      this.reason = reason;
    }
  }
}
