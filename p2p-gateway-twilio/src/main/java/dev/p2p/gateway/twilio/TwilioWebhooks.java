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
  private static final String FORM_TYPE = "application/x-www-form-urlencoded";
  private static final String JSON_TYPE = "application/json";
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
    String type = mediaType(request);
    boolean post = "POST".equals(request.method());
    if (post && type.equals(JSON_TYPE)) {
      if (!signature.matchesJson(url, request.body(), given.get())) {
        return WebhookResult.forbidden(SIGNATURE_HEADER + " or bodySHA256 does not match");
      }
      return jsonParameters(request);
    }
    if (post && !type.equals(FORM_TYPE)) {
      return WebhookResult.unsupportedContentType(
          "Twilio posts application/x-www-form-urlencoded (or application/json); the"
              + " Content-Type is missing or another");
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

  /** The media type of the request's {@code Content-Type}, lower case, without parameters. */
  private static String mediaType(WebhookRequest request) {
    String type = request.header("Content-Type").orElse("");
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a verified JSON body: a flat object whose fields become parameters (numbers as text). A
   * field p2p reads that holds anything but a string or a number is refused by name, so that it is
   * never taken as empty.
   */
  private static WebhookResult jsonParameters(WebhookRequest request) {
    JsonNode node;
    try {
      node = JSON.readTree(request.body());
    } catch (IOException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      return WebhookResult.badRequest("the JSON body is not a flat object");
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = field.getValue();
      if (value.isTextual() || value.isNumber()) {
        params.computeIfAbsent(field.getKey(), k -> new ArrayList<>()).add(value.asText());
      } else if (!value.isNull() && TwilioEvents.reads(field.getKey())) {
        return WebhookResult.badRequest(field.getKey() + " must be a string");
      }
    }
    return TwilioEvents.parse(params, request.url());
  }
}
