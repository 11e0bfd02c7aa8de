package dev.p2p.store.jdbc;

import dev.p2p.conversation.Direction;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.store.support.ReportTally;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalInt;

/** Feeds the rows of {@link JdbcReportStore}'s grouped statements into a {@link ReportTally}. */
final class ReportRowsReader {
  private ReportRowsReader() {}

  /**
   * One group of the conversation pass: texter (or none), variant (or none), count, not started,
   * not started with an opted-out or invalid phone, replied, opted out, closed, needing attention,
   * initial segments.
   */
  static void conversations(ReportTally t, ResultSet rs) throws SQLException {
    Optional<String> texterId = Optional.ofNullable(rs.getString(1));
    int variant = rs.getInt(2);
    OptionalInt variantIndex = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(variant);
    t.conversations(
        texterId,
        variantIndex,
        new ReportTally.ConversationGroup(
            rs.getLong(3),
            rs.getLong(4),
            rs.getLong(5),
            rs.getLong(6),
            rs.getLong(7),
            rs.getLong(8),
            rs.getLong(9),
            rs.getLong(10)));
  }

  /** One group of the message pass: hour, direction, status, failure code, count, segments. */
  static void messages(ReportTally t, ResultSet rs) throws SQLException {
    t.messages(
        Times.fromColumn(rs.getObject(1, LocalDateTime.class)),
        Direction.valueOf(rs.getString(2)),
        MessageStatus.valueOf(rs.getString(3)),
        Optional.ofNullable(rs.getString(4)),
        rs.getLong(5),
        rs.getLong(6));
  }

  /** One texter's outbound messages and median response time in milliseconds. */
  static void texterMessages(ReportTally t, ResultSet rs) throws SQLException {
    String texterId = rs.getString(1);
    long sent = rs.getLong(2);
    double median = rs.getDouble(3);
    t.texterMessages(
        texterId,
        sent,
        rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(Math.round(median))));
  }
}
