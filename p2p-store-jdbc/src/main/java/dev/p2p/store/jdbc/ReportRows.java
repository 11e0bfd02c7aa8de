package dev.p2p.store.jdbc;

import dev.p2p.conversation.FiledReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What writes keep for an action's report beyond the conversation itself: the {@code
 * report_answers} rows of a filed report, one per answer, counted per question and answer without
 * reading the report's JSON. (Tag rows carry their action too, written by {@link
 * ConversationEffects}, so that tags are counted per action without joining its conversations.)
 */
final class ReportRows {
  private ReportRows() {}

  /** Replaces the conversation's answer rows with the report's answers. */
  static void answers(Connection c, long actionId, long conversationId, FiledReport report)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM report_answers WHERE conversation_id = ?")) {
      ps.setLong(1, conversationId);
      ps.executeUpdate();
    }
    // The prompt column holds the question's id (Question.id()): the prompt itself for questions
    // stored before ids existed, whose id is their prompt.
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO report_answers (conversation_id, action_id, prompt, answer)"
                + " VALUES (?, ?, ?, ?)")) {
      for (Map.Entry<String, List<String>> e : report.answers().entrySet()) {
        for (String answer : e.getValue()) {
          ps.setLong(1, conversationId);
          ps.setLong(2, actionId);
          ps.setString(3, e.getKey());
          ps.setString(4, answer);
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }
}
