package dev.p2p.gateway.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a Twilio webhook's {@code X-Twilio-Signature} before reading anything else, then hands
 * its parameters to {@link TwilioEvents}. A form POST signs its body's parameters; a GET signs the
 * URL alone (its parameters are in the query); a JSON request signs the URL with {@code
 * bodySHA256}. Pure and thread-safe.
 */
final class TwilioWebhooks {
  static final String SIGNATURE_HEADER = "X-Twilio-Signature";
  private static final ObjectReader JSON = new ObjectMapper().reader();

  private final TwilioSignature signature;

  TwilioWebhooks(TwilioSignature signature) {
    this.signature = signature;
  }

  WebhookResult parse(WebhookRequest request) {
    Optional<String> given = request.header(SIGNATURE_HEADER).filter(s -> !s.isBlank());
    if (given.isEmpty()) {
      return WebhookResult.unauthorized("missing " + SIGNATURE_HEADER);
    }
    String url = request.url().toString();
    boolean json =
        request
            .header("Content-Type")
            .map(type -> type.toLowerCase(Locale.ROOT).startsWith("application/json"))
            .orElse(false);
    if (json) {
      if (!signature.matchesJson(url, request.body(), given.get())) {
        return WebhookResult.forbidden(SIGNATURE_HEADER + " or bodySHA256 does not match");
      }
      return jsonParameters(request)
          .map(p -> TwilioEvents.parse(p, request.url()))
          .orElseGet(() -> WebhookResult.badRequest("the JSON body is not a flat object"));
    }
    Map<String, List<String>> params;
    try {
      params = request.formParameters();
    } catch (IllegalArgumentException e) {
      return WebhookResult.forbidden("the form body cannot be decoded, so it cannot be verified");
    }
    Map<String, List<String>> signed = "POST".equals(request.method()) ? params : Map.of();
    if (!signature.matches(url, signed, given.get())) {
      return WebhookResult.forbidden(SIGNATURE_HEADER + " does not match");
    }
    return TwilioEvents.parse(params, request.url());
  }

  /** A flat JSON object's fields as parameters (numbers and booleans as text). */
  private static Optional<Map<String, List<String>>> jsonParameters(WebhookRequest request) {
    try {
      JsonNode node = JSON.readTree(request.body());
      if (node == null || !node.isObject()) {
        return Optional.empty();
      }
      Map<String, List<String>> params = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (field.getValue().isValueNode() && !field.getValue().isNull()) {
          params
              .computeIfAbsent(field.getKey(), k -> new ArrayList<>())
              .add(field.getValue().asText());
        }
      }
      return Optional.of(params);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
