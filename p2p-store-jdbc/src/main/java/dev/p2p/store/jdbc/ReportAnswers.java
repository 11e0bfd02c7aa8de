package dev.p2p.store.jdbc;

import dev.p2p.conversation.FiledReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The {@code report_answers} rows of a conversation's filed report, one per answer, which the
 * action's report counts per question and answer without reading the report's JSON.
 */
final class ReportAnswers {
  private ReportAnswers() {}

  /** Replaces the conversation's rows with the report's answers. */
  static void write(Connection c, long conversationId, FiledReport report) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM report_answers WHERE conversation_id = ?")) {
      ps.setLong(1, conversationId);
      ps.executeUpdate();
    }
    long actionId;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT action_id FROM conversations WHERE id = ?")) {
      ps.setLong(1, conversationId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        actionId = rs.getLong(1);
      }
    }
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
