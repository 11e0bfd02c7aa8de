package dev.p2p.gateway.bandwidth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;

/** The module's one JSON mapper (immutable once built, so shared safely) and lenient reading. */
final class BandwidthJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonFactory FACTORY = MAPPER.getFactory();

  private BandwidthJson() {}

  /** The body as a tree, or a missing node when it is not JSON. */
  static JsonNode readLeniently(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  /** The text of a string field, or empty text when it is absent or not a string. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : "";
  }
}
