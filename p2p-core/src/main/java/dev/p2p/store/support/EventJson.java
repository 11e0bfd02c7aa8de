package dev.p2p.store.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.p2p.StoreException;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.FiledReport;
import dev.p2p.event.Change;
import dev.p2p.event.Event;
import dev.p2p.optout.OptOutSource;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The stable JSON form of events, as {@code docs/events.md} documents it:
 *
 * <pre>{@code
 * {"position":42,"organization":"acme","occurredAt":"2026-11-03T14:05:09.123456Z",
 *  "type":"message.sent","data":{"messageId":7,"reference":"m-7",...}}
 * }</pre>
 *
 * <p>Absent optional values are {@code null}; ids are numbers; times are ISO-8601 instants in UTC.
 * Stores use {@link #writeChange} and {@link #readChange} to keep an event's data as text. Readers
 * should ignore fields they do not know: later versions may add fields, never rename or remove
 * them. Thread-safe.
 */
public final class EventJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventJson() {}

  /** The event as one line of JSON. */
  public static String write(Event event) {
    ObjectNode root = JSON.createObjectNode();
    root.put("position", event.position());
    root.put("organization", event.organization());
    root.put("occurredAt", event.occurredAt().toString());
    root.put("type", event.type());
    root.set("data", data(event.change()));
    return text(root);
  }

  /**
   * The event a line of {@link #write} gave.
   *
   * @throws StoreException if the text is not such an event
   */
  public static Event read(String json) {
    JsonNode root = tree(json);
    try {
      return new Event(
          root.path("position").asLong(),
          root.path("organization").asText(),
          Instant.parse(root.path("occurredAt").asText()),
          change(root.path("type").asText(), root.path("data")));
    } catch (RuntimeException e) {
      throw new StoreException("Not a p2p event (see the cause)", false, e);
    }
  }

  /** The {@code data} object of a change, as text: what a store keeps. */
  public static String writeChange(Change change) {
    return text(data(change));
  }

  /**
   * The change of this type whose {@code data} object {@link #writeChange} gave.
   *
   * @throws StoreException if the type is unknown or the data does not fit it
   */
  public static Change readChange(String type, String data) {
    try {
      return change(type, tree(data));
    } catch (RuntimeException e) {
      throw new StoreException(
          "Not the data of a p2p " + type + " event (see the cause)", false, e);
    }
  }

  private static ObjectNode data(Change change) {
    ObjectNode d = JSON.createObjectNode();
    if (change instanceof Change.MessageSent c) {
      d.put("messageId", c.messageId()).put("reference", c.reference());
      ids(d, c.conversationId(), c.actionId());
      d.put("texterId", c.texterId().orElse(null));
      d.put("contactPhone", c.contactPhone()).put("sender", c.sender());
      d.put("carrierMessageId", c.carrierMessageId()).put("segments", c.segments());
    } else if (change instanceof Change.MessageDelivered c) {
      d.put("messageId", c.messageId()).put("reference", c.reference());
      ids(d, c.conversationId(), c.actionId());
      d.put("contactPhone", c.contactPhone());
    } else if (change instanceof Change.MessageFailed c) {
      d.put("messageId", c.messageId()).put("reference", c.reference());
      ids(d, c.conversationId(), c.actionId());
      d.put("contactPhone", c.contactPhone()).put("failure", c.failure().name());
      d.put("carrierCode", c.carrierCode().orElse(null));
    } else if (change instanceof Change.MessageReceived c) {
      d.put("messageId", c.messageId());
      ids(d, c.conversationId(), c.actionId());
      d.put("texterId", c.texterId().orElse(null));
      d.put("contactPhone", c.contactPhone()).put("sender", c.sender()).put("body", c.body());
      ArrayNode media = d.putArray("media");
      c.media().forEach(uri -> media.add(uri.toString()));
    } else if (change instanceof Change.ContactOptedOut c) {
      d.put("phone", c.phone()).put("source", c.source().name());
    } else if (change instanceof Change.TagAdded c) {
      d.put("conversationId", c.conversationId()).put("actionId", c.actionId());
      d.put("tag", c.tag());
    } else if (change instanceof Change.TagRemoved c) {
      d.put("conversationId", c.conversationId()).put("actionId", c.actionId());
      d.put("tag", c.tag());
    } else if (change instanceof Change.FieldSet c) {
      d.put("conversationId", c.conversationId()).put("actionId", c.actionId());
      d.put("field", c.field()).put("value", c.value());
    } else if (change instanceof Change.ReportFiled c) {
      d.put("conversationId", c.conversationId()).put("actionId", c.actionId());
      d.put("texterId", c.report().texterId());
      d.put("filedAt", c.report().filedAt().toString());
      ObjectNode answers = d.putObject("answers");
      c.report()
          .answers()
          .forEach((prompt, values) -> values.forEach(answers.putArray(prompt)::add));
    } else if (change instanceof Change.AssignmentChanged c) {
      d.put("actionId", c.actionId()).put("reason", c.reason().name());
      d.put("texterId", c.texterId().orElse(null));
      d.put("previousTexterId", c.previousTexterId().orElse(null));
      ArrayNode ids = d.putArray("conversationIds");
      c.conversationIds().forEach(ids::add);
    } else {
      throw new IllegalArgumentException("unknown change " + change.getClass().getName());
    }
    return d;
  }

  private static void ids(ObjectNode d, OptionalLong conversationId, OptionalLong actionId) {
    if (conversationId.isPresent()) {
      d.put("conversationId", conversationId.getAsLong());
    } else {
      d.putNull("conversationId");
    }
    if (actionId.isPresent()) {
      d.put("actionId", actionId.getAsLong());
    } else {
      d.putNull("actionId");
    }
  }

  private static Change change(String type, JsonNode d) {
    switch (type) {
      case "message.sent":
        return new Change.MessageSent(
            d.path("messageId").asLong(),
            d.path("reference").asText(),
            optionalLong(d, "conversationId"),
            optionalLong(d, "actionId"),
            optional(d, "texterId"),
            d.path("contactPhone").asText(),
            d.path("sender").asText(),
            d.path("carrierMessageId").asText(),
            d.path("segments").asInt());
      case "message.delivered":
        return new Change.MessageDelivered(
            d.path("messageId").asLong(),
            d.path("reference").asText(),
            optionalLong(d, "conversationId"),
            optionalLong(d, "actionId"),
            d.path("contactPhone").asText());
      case "message.failed":
        return new Change.MessageFailed(
            d.path("messageId").asLong(),
            d.path("reference").asText(),
            optionalLong(d, "conversationId"),
            optionalLong(d, "actionId"),
            d.path("contactPhone").asText(),
            FailureKind.valueOf(d.path("failure").asText()),
            optional(d, "carrierCode"));
      case "message.received":
        List<URI> media = new ArrayList<>();
        d.path("media").forEach(m -> media.add(URI.create(m.asText())));
        return new Change.MessageReceived(
            d.path("messageId").asLong(),
            optionalLong(d, "conversationId"),
            optionalLong(d, "actionId"),
            optional(d, "texterId"),
            d.path("contactPhone").asText(),
            d.path("sender").asText(),
            d.path("body").asText(),
            media);
      case "contact.opted_out":
        return new Change.ContactOptedOut(
            d.path("phone").asText(), OptOutSource.valueOf(d.path("source").asText()));
      case "tag.added":
        return new Change.TagAdded(
            d.path("conversationId").asLong(), d.path("actionId").asLong(), d.path("tag").asText());
      case "tag.removed":
        return new Change.TagRemoved(
            d.path("conversationId").asLong(), d.path("actionId").asLong(), d.path("tag").asText());
      case "field.set":
        return new Change.FieldSet(
            d.path("conversationId").asLong(),
            d.path("actionId").asLong(),
            d.path("field").asText(),
            d.path("value").asText());
      case "report.filed":
        Map<String, List<String>> answers = new LinkedHashMap<>();
        d.path("answers")
            .fields()
            .forEachRemaining(
                e -> {
                  List<String> values = new ArrayList<>();
                  e.getValue().forEach(v -> values.add(v.asText()));
                  answers.put(e.getKey(), values);
                });
        return new Change.ReportFiled(
            d.path("conversationId").asLong(),
            d.path("actionId").asLong(),
            new FiledReport(
                answers, d.path("texterId").asText(), Instant.parse(d.path("filedAt").asText())));
      case "assignment.changed":
        List<Long> ids = new ArrayList<>();
        d.path("conversationIds").forEach(id -> ids.add(id.asLong()));
        return new Change.AssignmentChanged(
            d.path("actionId").asLong(),
            Change.AssignmentChanged.Reason.valueOf(d.path("reason").asText()),
            optional(d, "texterId"),
            optional(d, "previousTexterId"),
            ids);
      default:
        throw new IllegalArgumentException("unknown event type '" + type + "'");
    }
  }

  private static OptionalLong optionalLong(JsonNode d, String field) {
    JsonNode node = d.path(field);
    return node.isNumber() ? OptionalLong.of(node.asLong()) : OptionalLong.empty();
  }

  private static Optional<String> optional(JsonNode d, String field) {
    JsonNode node = d.path(field);
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new StoreException("Not valid JSON (see the cause)", false, e);
    }
  }

  private static String text(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new StoreException("Could not write an event as JSON", false, e);
    }
  }
}
