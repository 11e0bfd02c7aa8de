package dev.p2p.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.p2p.StoreException;
import dev.p2p.script.ReplyScript;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a reply tree from its stored form, a flat array in tree order where each reply has its
 * level (1 for a top-level reply): a reply's follow-ups are the replies one level down that follow
 * it. Builds each reply once its follow-ups are built, without recursion.
 */
final class ReplyTree {
  private ReplyTree() {}

  /** A reply read, waiting for its follow-ups. */
  private record Open(JsonNode node, List<ReplyScript> followUps) {}

  static List<ReplyScript> build(JsonNode flat) {
    List<ReplyScript> top = new ArrayList<>();
    Deque<Open> open = new ArrayDeque<>();
    for (JsonNode node : flat) {
      int level = node.path("level").asInt();
      if (level < 1 || level > open.size() + 1) {
        throw new StoreException(
            "An action's reply tree in the database is not valid: a reply at level "
                + level
                + " follows one at level "
                + open.size(),
            false);
      }
      while (open.size() >= level) {
        close(open, top);
      }
      open.push(new Open(node, new ArrayList<>()));
    }
    while (!open.isEmpty()) {
      close(open, top);
    }
    return top;
  }

  /** Builds the deepest open reply and adds it to its parent's follow-ups, or to the top. */
  private static void close(Deque<Open> open, List<ReplyScript> top) {
    Open done = open.pop();
    JsonNode r = done.node();
    Map<String, String> fields = new LinkedHashMap<>();
    r.path("fields").properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText()));
    ReplyScript reply =
        new ReplyScript(
            r.path("label").asText(),
            r.path("body").asText(),
            ActionJson.strings(r.path("tags")),
            fields,
            done.followUps());
    (open.isEmpty() ? top : open.peek().followUps()).add(reply);
  }
}
