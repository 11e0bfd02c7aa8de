package dev.p2p.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.p2p.P2PException;
import dev.p2p.action.Question;
import dev.p2p.script.InitialMessage;
import dev.p2p.script.ReplyScript;
import dev.p2p.script.ScriptTree;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON text an action's script tree, report and name lists are stored as. Written and read
 * field by field, so the stored form does not depend on the Java types' shapes.
 */
final class ActionJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ActionJson() {}

  static String script(ScriptTree script) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode initials = root.putArray("initials");
    for (InitialMessage m : script.initials()) {
      initials.addObject().put("body", m.body()).put("weight", m.weight());
    }
    replies(root.putArray("replies"), script.replies());
    return write(root);
  }

  static ScriptTree script(String json) {
    JsonNode root = read(json);
    List<InitialMessage> initials = new ArrayList<>();
    for (JsonNode m : root.path("initials")) {
      initials.add(new InitialMessage(m.path("body").asText(), m.path("weight").asInt()));
    }
    return new ScriptTree(initials, replies(root.path("replies")));
  }

  static String report(List<Question> report) {
    ArrayNode array = JSON.createArrayNode();
    for (Question q : report) {
      ObjectNode node = array.addObject().put("prompt", q.prompt());
      if (q instanceof Question.TagQuestion t) {
        node.put("kind", "tags").put("multiple", t.multiple());
        strings(node.putArray("tags"), t.tags());
      } else if (q instanceof Question.FieldQuestion f) {
        node.put("kind", "field").put("field", f.field());
      }
    }
    return write(array);
  }

  static List<Question> report(String json) {
    List<Question> report = new ArrayList<>();
    for (JsonNode q : read(json)) {
      String prompt = q.path("prompt").asText();
      if (q.path("kind").asText().equals("field")) {
        report.add(new Question.FieldQuestion(prompt, q.path("field").asText()));
      } else {
        report.add(
            new Question.TagQuestion(
                prompt, strings(q.path("tags")), q.path("multiple").asBoolean()));
      }
    }
    return report;
  }

  static String strings(Collection<String> values) {
    return write(strings(JSON.createArrayNode(), values));
  }

  static List<String> strings(String json) {
    return strings(read(json));
  }

  private static void replies(ArrayNode array, List<ReplyScript> replies) {
    for (ReplyScript r : replies) {
      ObjectNode node = array.addObject().put("label", r.label()).put("body", r.body());
      strings(node.putArray("tags"), r.tags());
      ObjectNode fields = node.putObject("fields");
      r.fields().forEach(fields::put);
      replies(node.putArray("followUps"), r.followUps());
    }
  }

  private static List<ReplyScript> replies(JsonNode array) {
    List<ReplyScript> replies = new ArrayList<>();
    for (JsonNode r : array) {
      Map<String, String> fields = new LinkedHashMap<>();
      r.path("fields")
          .fields()
          .forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
      replies.add(
          new ReplyScript(
              r.path("label").asText(),
              r.path("body").asText(),
              strings(r.path("tags")),
              fields,
              replies(r.path("followUps"))));
    }
    return replies;
  }

  private static ArrayNode strings(ArrayNode array, Collection<String> values) {
    values.forEach(array::add);
    return array;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new P2PException("Could not write an action as JSON", e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new P2PException("An action's JSON in the database is not valid", e);
    }
  }
}
