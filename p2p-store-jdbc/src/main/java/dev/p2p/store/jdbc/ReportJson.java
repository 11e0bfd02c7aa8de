package dev.p2p.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.p2p.StoreException;
import dev.p2p.conversation.FiledReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON text a conversation's filed report is stored as: the texter, the time and the answers as
 * a list, so that their order (the action's questions') is kept.
 */
final class ReportJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportJson() {}

  static String write(FiledReport report) {
    ObjectNode root =
        JSON.createObjectNode()
            .put("texterId", report.texterId())
            .put("filedAt", report.filedAt().toString());
    ArrayNode answers = root.putArray("answers");
    report
        .answers()
        .forEach(
            (questionId, values) -> {
              ArrayNode array = answers.addObject().put("id", questionId).putArray("values");
              values.forEach(array::add);
            });
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new StoreException("Could not write a conversation's report as JSON", false, e);
    }
  }

  static FiledReport read(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      Map<String, List<String>> answers = new LinkedHashMap<>();
      for (JsonNode answer : root.path("answers")) {
        List<String> values = new ArrayList<>();
        answer.path("values").forEach(v -> values.add(v.asText()));
        // Reports filed before questions had ids keyed answers by the prompt, which is the id
        // such a question reads back with (ActionJson.report).
        String questionId =
            answer.hasNonNull("id") ? answer.path("id").asText() : answer.path("prompt").asText();
        answers.put(questionId, values);
      }
      return new FiledReport(
          answers, root.path("texterId").asText(), Instant.parse(root.path("filedAt").asText()));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new StoreException(
          "A conversation's report in the database is not valid JSON", false, e);
    }
  }
}
