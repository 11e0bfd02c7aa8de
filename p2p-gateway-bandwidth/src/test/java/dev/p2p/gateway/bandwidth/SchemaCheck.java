package dev.p2p.gateway.bandwidth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks JSON values against the OpenAPI 3.0 schemas of one spec: types, required and undeclared
 * properties, enums, lengths, {@code date-time} and {@code uri} formats, unique items; {@code $ref}
 * and {@code allOf} followed. Also builds an instance of a schema from its examples.
 */
final class SchemaCheck {
  private final JsonNode root;

  SchemaCheck(JsonNode root) {
    this.root = root;
  }

  /** The problems of a value against a schema (a {@code $ref} or inline). */
  List<String> validate(JsonNode schemaOrRef, JsonNode value, String where) {
    JsonNode schema = merged(schemaOrRef);
    List<String> problems = new ArrayList<>();
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
    switch (type) {
      case "object":
        objectProblems(schema, value, where, problems);
        break;
      case "array":
        if (!value.isArray()) {
          problems.add(where + " must be an array");
          break;
        }
        Set<JsonNode> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
          problems.addAll(validate(schema.path("items"), value.get(i), where + "[" + i + "]"));
          if (schema.path("uniqueItems").asBoolean(false) && !seen.add(value.get(i))) {
            problems.add(where + "[" + i + "] repeats an earlier item");
          }
        }
        break;
      case "string":
        stringProblems(schema, value, where, problems);
        break;
      case "integer":
        if (!value.isIntegralNumber()) {
          problems.add(where + " must be an integer");
        }
        break;
      case "number":
        if (!value.isNumber()) {
          problems.add(where + " must be a number");
        }
        break;
      case "boolean":
        if (!value.isBoolean()) {
          problems.add(where + " must be a boolean");
        }
        break;
      default:
        break; // no type: anything goes
    }
    return problems;
  }

  private void objectProblems(JsonNode schema, JsonNode value, String where, List<String> out) {
    if (!value.isObject()) {
      out.add(where + " must be an object");
      return;
    }
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        out.add(where + "." + required.asText() + " is required");
      }
    }
    JsonNode properties = schema.path("properties");
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode property = properties.path(field.getKey());
      if (property.isMissingNode()) {
        if (!schema.path("additionalProperties").asBoolean(false)) {
          out.add(where + "." + field.getKey() + " is not declared by the spec");
        }
      } else {
        out.addAll(validate(property, field.getValue(), where + "." + field.getKey()));
      }
    }
  }

  private static void stringProblems(
      JsonNode schema, JsonNode value, String where, List<String> out) {
    if (!value.isTextual()) {
      out.add(where + " must be a string");
      return;
    }
    String text = value.asText();
    JsonNode allowed = schema.path("enum");
    if (allowed.isArray()) {
      boolean found = false;
      for (JsonNode option : allowed) {
        found |= option.asText().equals(text);
      }
      if (!found) {
        out.add(where + " must be one of " + allowed);
      }
    }
    if (schema.has("maxLength") && text.length() > schema.path("maxLength").asInt()) {
      out.add(where + " is longer than " + schema.path("maxLength").asInt());
    }
    String format = schema.path("format").asText("");
    try {
      if (format.equals("date-time")) {
        OffsetDateTime.parse(text);
      } else if (format.equals("uri") && !URI.create(text).isAbsolute()) {
        out.add(where + " must be an absolute URI");
      }
    } catch (DateTimeParseException | IllegalArgumentException e) {
      out.add(where + " is not a valid " + format);
    }
  }

  /** The schema with its {@code $ref} followed and its {@code allOf} parts merged into one. */
  JsonNode merged(JsonNode schemaOrRef) {
    JsonNode schema = resolve(schemaOrRef);
    if (!schema.has("allOf")) {
      return schema;
    }
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    ObjectNode properties = merged.putObject("properties");
    ArrayNode required = merged.putArray("required");
    merged.put("type", "object");
    List<JsonNode> parts = new ArrayList<>();
    schema.path("allOf").forEach(parts::add);
    parts.add(schema);
    for (JsonNode part : parts) {
      JsonNode resolved = part == schema ? schema : merged(part);
      resolved
          .path("properties")
          .fields()
          .forEachRemaining(f -> properties.set(f.getKey(), f.getValue()));
      resolved.path("required").forEach(required::add);
    }
    return merged;
  }

  /** A node with its {@code $ref}s followed. */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("$ref"); hops++) {
      String ref = current.path("$ref").asText();
      if (!ref.startsWith("#/") || hops > 20) {
        throw new IllegalStateException("cannot follow " + ref);
      }
      current = root.at(ref.substring(1));
    }
    return current;
  }

  JsonNode instance(JsonNode schemaOrRef) {
    JsonNode schema = merged(schemaOrRef);
    if (schema.has("example")) {
      return schema.get("example");
    }
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
    if (type.equals("object")) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      schema
          .path("properties")
          .fields()
          .forEachRemaining(f -> object.set(f.getKey(), instance(f.getValue())));
      return object;
    } else if (type.equals("array")) {
      return JsonNodeFactory.instance.arrayNode().add(instance(schema.path("items")));
    } else if (type.equals("integer")) {
      return JsonNodeFactory.instance.numberNode(1);
    }
    return JsonNodeFactory.instance.textNode(schema.path("enum").path(0).asText("text"));
  }
}
