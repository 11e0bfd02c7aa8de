package dev.p2p.store.support;

import dev.p2p.conversation.Direction;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.report.ActionReport;
import dev.p2p.store.ReportFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A running sum of an action's {@link ReportFigures} for store implementations: feed it groups of
 * conversations and messages (one row at a time, or counts a SQL {@code GROUP BY} returned), then
 * take {@link #figures()}. Both stores of p2p use it, so that the same rows give the same figures.
 * Not thread-safe; one per report.
 */
public final class ReportTally {
  private long contacts;
  private long assigned;
  private long waiting;
  private long blocked;
  private long messaged;
  private long outbound;
  private long delivered;
  private long failed;
  private final Map<String, Long> failures = new TreeMap<>();
  private long replied;
  private long optedOut;
  private long needingAttention;
  private long closed;
  private long segments;
  private long initialSegments;
  private final Map<String, long[]> texters = new TreeMap<>(); // held, sent, replied, open
  private final Map<String, Duration> medians = new HashMap<>();
  private final Map<String, Long> tags = new TreeMap<>();
  private final Map<String, Long> answered = new TreeMap<>();
  private final Map<String, Map<String, Long>> answers = new TreeMap<>();
  private final Map<Integer, long[]> variants = new TreeMap<>(); // sent, replied
  private final Map<Instant, long[]> hours = new TreeMap<>(); // sent, received

  /**
   * Counts of conversations sharing a texter and a first-message variant.
   *
   * @param count the conversations
   * @param notStarted those whose first message is not sent ({@code NEEDS_FIRST_MESSAGE})
   * @param notStartedUnreachable those of them whose phone is opted out of the organization or
   *     marked invalid ({@link dev.p2p.store.support.WaitingRule} counts them as blocked, not
   *     waiting)
   * @param replied those where the contact wrote
   * @param optedOut those opted out
   * @param closed those closed
   * @param needingAttention those needing their texter's attention
   * @param initialSegments the segments of their first messages
   */
  public record ConversationGroup(
      long count,
      long notStarted,
      long notStartedUnreachable,
      long replied,
      long optedOut,
      long closed,
      long needingAttention,
      long initialSegments) {}

  /**
   * Adds conversations held by a texter (empty: in the pool) whose first message used a variant
   * (empty: not sent yet).
   */
  public ReportTally conversations(
      Optional<String> texterId, OptionalInt variant, ConversationGroup g) {
    contacts += g.count();
    waiting += WaitingRule.waiting(g.notStarted(), g.notStartedUnreachable());
    blocked += WaitingRule.blocked(g.notStarted(), g.notStartedUnreachable());
    replied += g.replied();
    optedOut += g.optedOut();
    closed += g.closed();
    needingAttention += g.needingAttention();
    initialSegments += g.initialSegments();
    if (texterId.isPresent()) {
      assigned += g.count();
      long[] texter = texter(texterId.get());
      texter[0] += g.count();
      texter[2] += g.replied();
      texter[3] += g.count() - g.optedOut() - g.closed();
    }
    if (variant.isPresent()) {
      messaged += g.count();
      long[] v = variants.computeIfAbsent(variant.getAsInt(), k -> new long[2]);
      v[0] += g.count();
      v[1] += g.replied();
    }
    return this;
  }

  /**
   * Adds messages of one UTC hour, direction and status.
   *
   * @param hour the hour's start
   * @param failureCode for failed or undelivered messages, the carrier's code, else p2p's failure
   *     kind, else {@code UNKNOWN}
   * @param count the messages
   * @param segmentCount their segments
   */
  public ReportTally messages(
      Instant hour,
      Direction direction,
      MessageStatus status,
      Optional<String> failureCode,
      long count,
      long segmentCount) {
    hours.computeIfAbsent(hour, h -> new long[2])[direction == Direction.INBOUND ? 1 : 0] += count;
    if (direction == Direction.INBOUND) {
      return this;
    }
    outbound += count;
    segments += segmentCount;
    if (status == MessageStatus.DELIVERED) {
      delivered += count;
    } else if (status == MessageStatus.FAILED || status == MessageStatus.UNDELIVERED) {
      failed += count;
      failures.merge(failureCode.orElse("UNKNOWN"), count, Long::sum);
    }
    return this;
  }

  /** Adds a texter's outbound messages and sets their median response time, if any. */
  public ReportTally texterMessages(String texterId, long sent, Optional<Duration> median) {
    texter(texterId)[1] += sent;
    median.ifPresent(m -> medians.put(texterId, m));
    return this;
  }

  /** Adds conversations carrying a tag. */
  public ReportTally tag(String tag, long conversations) {
    tags.merge(tag, conversations, Long::sum);
    return this;
  }

  /** Adds conversations whose report answers a question, by its id. */
  public ReportTally answered(String questionId, long conversations) {
    answered.merge(questionId, conversations, Long::sum);
    return this;
  }

  /** Adds conversations whose report gives this answer to a question, by its id. */
  public ReportTally answer(String questionId, String answer, long conversations) {
    answers
        .computeIfAbsent(questionId, p -> new TreeMap<>())
        .merge(answer, conversations, Long::sum);
    return this;
  }

  private long[] texter(String texterId) {
    return texters.computeIfAbsent(Objects.requireNonNull(texterId), t -> new long[4]);
  }

  /** The figures summed so far. */
  public ReportFigures figures() {
    List<ActionReport.TexterStats> texterStats = new ArrayList<>();
    texters.forEach(
        (id, f) ->
            texterStats.add(
                new ActionReport.TexterStats(
                    id, f[0], f[1], f[2], f[3], Optional.ofNullable(medians.get(id)))));
    List<ActionReport.TagCount> tagCounts = new ArrayList<>();
    tags.forEach((tag, n) -> tagCounts.add(new ActionReport.TagCount(tag, n)));
    List<ActionReport.VariantStats> variantStats = new ArrayList<>();
    variants.forEach((i, f) -> variantStats.add(new ActionReport.VariantStats(i, f[0], f[1])));
    List<ActionReport.HourCount> timeline = new ArrayList<>();
    hours.forEach((h, f) -> timeline.add(new ActionReport.HourCount(h, f[0], f[1])));
    return new ReportFigures(
        new ActionReport.Totals(
            contacts,
            assigned,
            waiting,
            blocked,
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
        tagCounts,
        answered,
        answers,
        variantStats,
        timeline);
  }

  /**
   * The median of the values as SQL's {@code PERCENTILE_CONT(0.5)} computes it (the mean of the two
   * middle values of an even count), rounded to whole milliseconds; empty for no values.
   */
  public static Optional<Duration> medianMillis(List<Long> values) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    return Optional.of(Duration.ofMillis(Math.round(median)));
  }
}
