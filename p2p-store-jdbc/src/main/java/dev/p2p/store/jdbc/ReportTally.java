package dev.p2p.store.jdbc;

import dev.p2p.report.ActionReport;
import dev.p2p.store.ReportFigures;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An action's figures summed up as the rows of {@link JdbcReportStore}'s statements arrive: the
 * conversation groups, the message groups and the per-texter rows.
 */
final class ReportTally {
  long contacts;
  long assigned;
  long waiting;
  long messaged;
  long outbound;
  long delivered;
  long failed;
  final Map<String, Long> failures = new TreeMap<>();
  long replied;
  long optedOut;
  long needingAttention;
  long closed;
  long segments;
  long initialSegments;
  // conversations, sent, replied, open
  final Map<String, long[]> texters = new TreeMap<>();
  final Map<String, Duration> medians = new HashMap<>();
  final List<ActionReport.TagCount> tags = new ArrayList<>();
  final Map<String, Long> answered = new TreeMap<>();
  final Map<String, Map<String, Long>> answers = new TreeMap<>();
  // sent, replied
  final Map<Integer, long[]> variants = new TreeMap<>();
  // sent, received
  final Map<Instant, long[]> hours = new TreeMap<>();

  /** One group of the conversation pass: one texter (or none) and one variant (or none). */
  void conversations(ResultSet rs) throws SQLException {
    String texterId = rs.getString(1);
    int variant = rs.getInt(2);
    boolean messagedGroup = !rs.wasNull();
    long count = rs.getLong(3);
    long groupReplied = rs.getLong(5);
    long groupOptedOut = rs.getLong(6);
    long groupClosed = rs.getLong(7);
    contacts += count;
    waiting += rs.getLong(4);
    replied += groupReplied;
    optedOut += groupOptedOut;
    closed += groupClosed;
    needingAttention += rs.getLong(8);
    initialSegments += rs.getLong(9);
    if (texterId != null) {
      assigned += count;
      long[] texter = texter(texterId);
      texter[0] += count;
      texter[2] += groupReplied;
      texter[3] += count - groupOptedOut - groupClosed;
    }
    if (messagedGroup) {
      messaged += count;
      long[] v = variants.computeIfAbsent(variant, k -> new long[2]);
      v[0] += count;
      v[1] += groupReplied;
    }
  }

  /** One group of the message pass: an hour, a direction, a status and a failure code. */
  void messages(ResultSet rs) throws SQLException {
    Instant hour = Times.fromColumn(rs.getObject(1, LocalDateTime.class));
    boolean inbound = rs.getString(2).equals("INBOUND");
    String status = rs.getString(3);
    long count = rs.getLong(5);
    hours.computeIfAbsent(hour, h -> new long[2])[inbound ? 1 : 0] += count;
    if (inbound) {
      return;
    }
    String code = rs.getString(4);
    outbound += count;
    segments += rs.getLong(6);
    if (status.equals("DELIVERED")) {
      delivered += count;
    } else if (code != null) {
      failed += count;
      failures.merge(code, count, Long::sum);
    }
  }

  /** One texter's outbound messages and median response time. */
  void texterMessages(ResultSet rs) throws SQLException {
    String texterId = rs.getString(1);
    texter(texterId)[1] += rs.getLong(2);
    double median = rs.getDouble(3);
    if (!rs.wasNull()) {
      medians.put(texterId, Duration.ofMillis(Math.round(median)));
    }
  }

  private long[] texter(String texterId) {
    return texters.computeIfAbsent(texterId, t -> new long[4]);
  }

  ReportFigures figures() {
    List<ActionReport.TexterStats> texterStats = new ArrayList<>();
    texters.forEach(
        (id, f) ->
            texterStats.add(
                new ActionReport.TexterStats(
                    id, f[0], f[1], f[2], f[3], Optional.ofNullable(medians.get(id)))));
    List<ActionReport.VariantStats> variantStats = new ArrayList<>();
    variants.forEach((i, f) -> variantStats.add(new ActionReport.VariantStats(i, f[0], f[1])));
    List<ActionReport.HourCount> timeline = new ArrayList<>();
    hours.forEach((h, f) -> timeline.add(new ActionReport.HourCount(h, f[0], f[1])));
    return new ReportFigures(
        new ActionReport.Totals(
            contacts,
            assigned,
            waiting,
            messaged,
            outbound,
            delivered,
            failed,
            failures,
            replied,
            optedOut,
            needingAttention,
            closed),
        segments,
        initialSegments,
        texterStats,
        tags,
        answered,
        answers,
        variantStats,
        timeline);
  }
}
