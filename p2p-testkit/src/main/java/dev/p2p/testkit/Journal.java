package dev.p2p.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.Message;
import dev.p2p.event.Event;
import dev.p2p.store.support.EventJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a {@link ParityDay}'s transcript: plain lines, refused calls, events, messages and
 * conversations, with every store-generated id replaced by a symbol ({@code conversation#3})
 * numbered in order of first appearance per kind. Not thread-safe: one day, one thread.
 */
final class Journal {
  /** An id named in an exception's message: {@code conversation 12}, {@code list 3}. */
  private static final Pattern NAMED_ID =
      Pattern.compile("\\b(conversation|action|contact list|list|contact|message) (\\d+)\\b");

  /** The fields of an event's data that hold store-generated ids, and their kinds. */
  private static final Map<String, String> ID_FIELDS =
      Map.of(
          "messageId", "message",
          "conversationId", "conversation",
          "conversationIds", "conversation",
          "actionId", "action",
          "reference", "reference");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> lines = new ArrayList<>();
  private final Map<String, Map<String, String>> symbols = new HashMap<>();

  /** Adds a line. */
  void line(String text) {
    lines.add(text);
  }

  /** The symbol of a store-generated id of a kind ({@code conversation}, {@code list}, ...). */
  String id(String kind, long id) {
    return symbol(kind, Long.toString(id));
  }

  /** The symbol of a value that differs from run to run (a message's random reference). */
  String symbol(String kind, String value) {
    Map<String, String> ofKind = symbols.computeIfAbsent(kind, k -> new HashMap<>());
    String symbol = ofKind.get(value);
    if (symbol == null) {
      symbol = kind + "#" + (ofKind.size() + 1);
      ofKind.put(value, symbol);
    }
    return symbol;
  }

  /** A text with the ids it names by kind ({@code conversation 12}) replaced by their symbols. */
  String text(String text) {
    Matcher m = NAMED_ID.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String kind = m.group(1).equals("contact list") ? "list" : m.group(1);
      m.appendReplacement(
          out, Matcher.quoteReplacement(m.group(1) + " " + id(kind, Long.parseLong(m.group(2)))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Runs a call that the day expects to be refused and writes the exception's class and message; a
   * call that goes through writes a line starting {@link Transcript#NOT_REFUSED}.
   */
  void refused(String what, Runnable call) {
    try {
      call.run();
      line(Transcript.NOT_REFUSED + ": " + what);
    } catch (RuntimeException e) {
      line(
          "refused: "
              + what
              + ": "
              + e.getClass().getSimpleName()
              + ": "
              + text(String.valueOf(e.getMessage())));
    }
  }

  /** An event: its symbolic position, time, type and data as the feed serializes it. */
  void event(Event event) {
    JsonNode data = json(EventJson.writeChange(event.change()));
    if (data instanceof ObjectNode object) {
      symbolize(object);
    }
    line(
        id("event", event.position())
            + " "
            + event.organization()
            + " "
            + event.occurredAt()
            + " "
            + event.type()
            + " "
            + write(data));
  }

  private void symbolize(ObjectNode data) {
    List<String> names = new ArrayList<>();
    data.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      String kind = ID_FIELDS.get(name);
      JsonNode value = data.get(name);
      if (kind == null || value.isNull()) {
        continue;
      }
      if (value instanceof ArrayNode array) {
        ArrayNode symbolic = data.putArray(name);
        array.forEach(id -> symbolic.add(symbol(kind, id.asText())));
      } else {
        data.put(name, symbol(kind, value.asText()));
      }
    }
  }

  /** A stored message, whole: everything but its ids is compared. */
  String message(Message m) {
    return id("message", m.id())
        + " "
        + m.direction()
        + " "
        + m.status()
        + (m.unconfirmed() ? " unconfirmed" : "")
        + (m.truncated() ? " truncated" : "")
        + " gateway="
        + m.gatewayId()
        + " reference="
        + m.reference().map(r -> symbol("reference", r)).orElse("-")
        + " carrier="
        + m.carrierMessageId().orElse("-")
        + " sender="
        + m.sender()
        + " contact="
        + m.contactPhone()
        + " segments="
        + m.segments()
        + " failure="
        + m.failure().map(Enum::name).orElse("-")
        + " code="
        + m.carrierCode().orElse("-")
        + " media="
        + m.media()
        + " created="
        + m.createdAt()
        + " updated="
        + m.updatedAt()
        + " body="
        + write(JSON.getNodeFactory().textNode(m.body()));
  }

  /** A conversation, whole: everything but its ids is compared. */
  String conversation(Conversation c) {
    return id("conversation", c.id())
        + " action="
        + id("action", c.actionId())
        + " contact="
        + id("contact", c.contactId())
        + " "
        + c.contactPhone()
        + " texter="
        + c.texterId().orElse("-")
        + " "
        + c.status()
        + (c.unread() ? " unread" : "")
        + (c.needsAttention() ? " needs-attention" : "")
        + " sender="
        + c.sender().orElse("-")
        + " tags="
        + c.tags()
        + " fields="
        + c.fields()
        + " report="
        + c.report().map(r -> r.texterId() + "@" + r.filedAt() + r.answers()).orElse("-")
        + " last="
        + c.lastMessageAt().map(Object::toString).orElse("-")
        + " updated="
        + c.updatedAt();
  }

  /** A row of an export, as JSON text, with the id columns replaced by their symbols. */
  String row(List<String> header, List<String> row) {
    ArrayNode out = JSON.createArrayNode();
    for (int i = 0; i < row.size(); i++) {
      String column = i < header.size() ? header.get(i) : "";
      String value = row.get(i);
      String kind =
          switch (column) {
            case "conversation_id" -> "conversation";
            case "contact_id" -> "contact";
            case "message_id" -> "message";
            case "reference" -> "reference";
            default -> "";
          };
      out.add(kind.isEmpty() || value.isEmpty() ? value : symbol(kind, value));
    }
    return write(out);
  }

  Transcript transcript() {
    return new Transcript(lines);
  }

  /** How many lines are written so far. */
  int size() {
    return lines.size();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an event's data is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
