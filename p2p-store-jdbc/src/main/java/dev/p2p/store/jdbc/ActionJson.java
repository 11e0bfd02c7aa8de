package dev.p2p.store.jdbc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.p2p.StoreException;
import dev.p2p.action.Question;
import dev.p2p.script.InitialMessage;
import dev.p2p.script.ReplyScript;
import dev.p2p.script.ScriptTree;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The JSON text an action's script tree, report and name lists are stored as. Written and read
 * field by field, so the stored form does not depend on the Java types' shapes.
 */
final class ActionJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ActionJson() {}

  /**
   * The script as JSON: the initials, and the replies as one flat array in tree order (each reply
   * before its follow-ups) with each reply's level, so that the JSON nests no deeper for a deeper
   * tree and is written and read without recursion.
   */
  static String script(ScriptTree script) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode initials = root.putArray("initials");
    for (InitialMessage m : script.initials()) {
      initials.addObject().put("body", m.body()).put("weight", m.weight());
    }
    ArrayNode tree = root.putArray("replyTree");
    Deque<Iterator<ReplyScript>> levels = new ArrayDeque<>();
    levels.push(script.replies().iterator());
    while (!levels.isEmpty()) {
      if (!levels.peek().hasNext()) {
        levels.pop();
        continue;
      }
      ReplyScript r = levels.peek().next();
      ObjectNode node =
          tree.addObject()
              .put("level", levels.size())
              .put("label", r.label())
              .put("body", r.body());
      strings(node.putArray("tags"), r.tags());
      ObjectNode fields = node.putObject("fields");
      r.fields().forEach(fields::put);
      if (!r.followUps().isEmpty()) {
        levels.push(r.followUps().iterator());
      }
    }
    return write(root);
  }

  static ScriptTree script(String json) {
    JsonNode root = read(json);
    List<InitialMessage> initials = new ArrayList<>();
    for (JsonNode m : root.path("initials")) {
      initials.add(new InitialMessage(m.path("body").asText(), m.path("weight").asInt()));
    }
    JsonNode tree =
        root.has("replyTree") ? root.path("replyTree") : flattened(root.path("replies"));
    return new ScriptTree(initials, ReplyTree.build(tree));
  }

  /** How many initial messages a stored script has, for the send rule. */
  static int initialCount(String json) {
    // Read only up to the initials, which are written first: a send need not parse the replies.
    try (JsonParser parser = JSON.getFactory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new StoreException("An action's JSON in the database is not valid", false);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean initials = parser.currentName().equals("initials");
        JsonToken value = parser.nextToken();
        if (initials && value == JsonToken.START_ARRAY) {
          int count = 0;
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
            count++;
          }
          return count;
        }
        parser.skipChildren();
      }
      return 0;
    } catch (IOException e) {
      throw new StoreException("An action's JSON in the database is not valid", false, e);
    }
  }

  /**
   * The replies of the first stored form, nested by {@code followUps}, as the flat array with
   * levels that {@link ReplyTree#build} reads.
   */
  private static ArrayNode flattened(JsonNode replies) {
    ArrayNode flat = JSON.createArrayNode();
    Deque<Iterator<JsonNode>> levels = new ArrayDeque<>();
    levels.push(replies.iterator());
    while (!levels.isEmpty()) {
      if (!levels.peek().hasNext()) {
        levels.pop();
        continue;
      }
      JsonNode r = levels.peek().next();
      ObjectNode node = flat.addObject().put("level", levels.size());
      node.set("label", r.path("label"));
      node.set("body", r.path("body"));
      node.set("tags", r.path("tags"));
      node.set("fields", r.path("fields"));
      levels.push(r.path("followUps").iterator());
    }
    return flat;
  }

  static String report(List<Question> report) {
    ArrayNode array = JSON.createArrayNode();
    for (Question q : report) {
      ObjectNode node = array.addObject().put("id", q.id()).put("prompt", q.prompt());
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
      // A question stored before questions had ids was keyed by its prompt, and its filed answers
      // with it: its id is that prompt.
      String id = q.hasNonNull("id") ? q.path("id").asText() : prompt;
      if (q.path("kind").asText().equals("field")) {
        report.add(new Question.FieldQuestion(id, prompt, q.path("field").asText()));
      } else {
        report.add(
            new Question.TagQuestion(
                id, prompt, strings(q.path("tags")), q.path("multiple").asBoolean()));
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

  private static ArrayNode strings(ArrayNode array, Collection<String> values) {
    values.forEach(array::add);
    return array;
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new StoreException("Could not write an action as JSON", false, e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new StoreException("An action's JSON in the database is not valid", false, e);
    }
  }
}
