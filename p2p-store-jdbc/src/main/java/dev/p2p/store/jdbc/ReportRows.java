package dev.p2p.store.jdbc;

import dev.p2p.conversation.FiledReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What writes keep for an action's report beyond the conversation itself: the {@code
 * report_answers} rows of a filed report, one per answer, counted per question and answer without
 * reading the report's JSON; and the action of each tag row, so that tags are counted per action
 * without joining the action's conversations.
 */
final class ReportRows {
  private ReportRows() {}

  /** Stamps the conversation's tag rows added in this transaction with its action. */
  static void tagAction(Connection c, long conversationId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE conversation_tags SET action_id ="
                + " (SELECT v.action_id FROM conversations v WHERE v.id = ?)"
                + " WHERE conversation_id = ? AND action_id IS NULL")) {
      ps.setLong(1, conversationId);
      ps.setLong(2, conversationId);
      ps.executeUpdate();
    }
  }

  /** Replaces the conversation's answer rows with the report's answers. */
  static void answers(Connection c, long conversationId, FiledReport report) throws SQLException {
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
