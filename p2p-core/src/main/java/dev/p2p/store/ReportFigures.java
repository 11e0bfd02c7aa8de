package dev.p2p.store;

import dev.p2p.report.ActionReport;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An action's figures as a store computes them with aggregates; the core adds what needs no data
 * (cost, the order of the questions) to make an {@link ActionReport}.
 *
 * @param totals the totals
 * @param segmentsSent the segments of every outbound message of the action
 * @param initialSegments the segments of its first messages only
 * @param texters one line per texter holding a conversation or having sent a message, by id
 * @param tags conversations per tag, by tag name (any order)
 * @param answered conversations answering each question, by question id
 * @param answers conversations per answer, by question id and then answer
 * @param variants per initial-message variant that was sent at least once, by index
 * @param timeline outbound and inbound messages per UTC hour, oldest first
 */
public record ReportFigures(
    ActionReport.Totals totals,
    long segmentsSent,
    long initialSegments,
    List<ActionReport.TexterStats> texters,
    List<ActionReport.TagCount> tags,
    Map<String, Long> answered,
    Map<String, Map<String, Long>> answers,
    List<ActionReport.VariantStats> variants,
    List<ActionReport.HourCount> timeline) {

  /** Checks presence and copies the collections. */
  public ReportFigures {
    Objects.requireNonNull(totals, "totals");
    texters = List.copyOf(texters);
    tags = List.copyOf(tags);
    answered = Collections.unmodifiableMap(new TreeMap<>(answered));
    Map<String, Map<String, Long>> copy = new TreeMap<>();
    answers.forEach((prompt, counts) -> copy.put(prompt, Map.copyOf(counts)));
    answers = Collections.unmodifiableMap(copy);
    variants = List.copyOf(variants);
    timeline = List.copyOf(timeline);
  }
}
