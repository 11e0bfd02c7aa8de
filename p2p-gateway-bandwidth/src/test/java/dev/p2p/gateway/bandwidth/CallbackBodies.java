package dev.p2p.gateway.bandwidth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.p2p.gateway.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Callbacks as Bandwidth builds them: JSON events in an array, with Basic credentials. */
final class CallbackBodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CallbackBodies() {}

  /** A {@code message-failed} event with the code. */
  static ObjectNode failed(String carrierMessageId, int code) {
    ObjectNode event = outbound("message-failed", carrierMessageId, "failed");
    event.put("errorCode", code);
    return event;
  }

  /** An outbound status event about the message, as Bandwidth posts it. */
  static ObjectNode outbound(String type, String carrierMessageId, String description) {
    ObjectNode message = message(carrierMessageId, "+13125550199", "out");
    message.putArray("to").add("+13125550101");
    message.put("from", "+13125550199").put("text", "").put("tag", "p2p:ref-1");
    return event(type, "+13125550101", description, message);
  }

  static ObjectNode message(String id, String owner, String direction) {
    ObjectNode message = JSON.createObjectNode();
    message
        .put("id", id)
        .put("owner", owner)
        .put("applicationId", BandwidthStubs.APPLICATION_ID)
        .put("time", "2026-11-03T14:00:00.000Z")
        .put("segmentCount", 1)
        .put("direction", direction);
    return message;
  }

  static ObjectNode event(String type, String to, String description, ObjectNode message) {
    ObjectNode event = JSON.createObjectNode();
    event.put("type", type).put("time", "2026-11-03T14:00:01.250Z");
    event.put("description", description).put("to", to);
    event.set("message", message);
    return event;
  }

  /** The events as the JSON array Bandwidth posts. */
  static String array(JsonNode... events) {
    ArrayNode array = JSON.createArrayNode();
    for (JsonNode event : events) {
      array.add(event);
    }
    return array.toString();
  }

  /** A callback with the right credentials. */
  static WebhookRequest callback(JsonNode... events) {
    return callback(
        BandwidthCallbackAuth.header(
            BandwidthStubs.CALLBACK_USER, BandwidthStubs.CALLBACK_PASSWORD),
        array(events));
  }

  /** A callback with this Authorization header and body. */
  static WebhookRequest callback(String authorization, String body) {
    return new WebhookRequest(
        "POST",
        BandwidthStubs.WEBHOOK_URL,
        Map.of(
            "Content-Type", List.of("application/json; charset=utf-8"),
            "User-Agent", List.of("BandwidthAPI/v2"),
            "Authorization", List.of(authorization)),
        body.getBytes(StandardCharsets.UTF_8));
  }
}
