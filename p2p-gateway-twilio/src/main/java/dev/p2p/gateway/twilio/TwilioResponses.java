package dev.p2p.gateway.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.p2p.ValidationException;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads Twilio's JSON answers: the Message resource of a 201, and the error body of the rest. */
final class TwilioResponses {
  /** Stateless and thread-safe; no configuration is ever changed after creation. */
  private static final ObjectReader JSON = new ObjectMapper().reader();

  private TwilioResponses() {}

  /**
   * The receipt in a create answer: {@code sid}, {@code status}, {@code num_segments} and {@code
   * from}. Tolerates unknown fields and nulls; {@code num_segments} of {@code "0"} (no sender
   * chosen yet) and a {@code from} that is not a number (a channel address) are left out.
   *
   * @throws IOException when the body is not JSON or has no {@code sid}
   */
  static SendReceipt receipt(byte[] body) throws IOException {
    JsonNode message = JSON.readTree(body);
    if (message == null || !message.isObject()) {
      throw new IOException("the body is not a JSON object");
    }
    Optional<String> sid = text(message, "sid");
    if (sid.isEmpty()) {
      throw new IOException("the Message resource has no sid");
    }
    MessageStatus status =
        text(message, "status")
            .flatMap(TwilioStatuses::of)
            .filter(s -> s != MessageStatus.RECEIVED)
            .orElse(MessageStatus.QUEUED);
    try {
      return new SendReceipt(sid.get(), status, segments(message), sender(message));
    } catch (ValidationException e) {
      throw new IOException("the Message resource's sid is not usable", e);
    }
  }

  /** Twilio's error body, or empty when the body is not one (a proxy's HTML page, say). */
  static Optional<TwilioError> error(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        return Optional.empty();
      }
      Optional<String> code = text(node, "code").filter(c -> c.matches("[0-9]{1,10}"));
      return Optional.of(new TwilioError(code, text(node, "more_info")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static OptionalInt segments(JsonNode message) {
    Optional<String> text = text(message, "num_segments");
    if (text.isPresent() && text.get().matches("[0-9]{1,6}")) {
      int n = Integer.parseInt(text.get());
      return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
    }
    return OptionalInt.empty();
  }

  private static Optional<String> sender(JsonNode message) {
    Optional<String> from = text(message, "from");
    if (from.isPresent()) {
      try {
        Sender.number(from.get());
        return from;
      } catch (ValidationException e) {
        return Optional.empty(); // an alphanumeric sender id or a channel address
      }
    }
    return Optional.empty();
  }

  /** A field as text (numbers too), or empty when missing, null or blank. */
  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return Optional.empty();
    }
    String text = value.asText();
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }
}
