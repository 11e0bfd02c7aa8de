package dev.p2p.examples.demo;

import dev.p2p.report.ActionReport;
import dev.p2p.report.ActionReport.AnswerCount;
import dev.p2p.report.ActionReport.Cost;
import dev.p2p.report.ActionReport.HourCount;
import dev.p2p.report.ActionReport.QuestionAnswers;
import dev.p2p.report.ActionReport.TagCount;
import dev.p2p.report.ActionReport.TexterStats;
import dev.p2p.report.ActionReport.Totals;
import dev.p2p.report.ActionReport.VariantStats;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Action reports built by hand for the renderers' tests. */
final class SampleReports {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** 09:00 in New York. */
  static final Instant FIRST_HOUR = Instant.parse("2024-03-05T14:00:00Z");

  static final String ODD_TAG = "<b>&\"x\"";
  static final String ODD_TEXTER = "<t&5>";

  private SampleReports() {}

  /** 2 variants, 5 texters, 3 tags, 2 questions, 10 hours. */
  static ActionReport rich() {
    return rich(hours(10));
  }

  /** The rich report with another timeline. */
  static ActionReport rich(List<HourCount> timeline) {
    Totals totals =
        new Totals(
            10_000,
            9_600,
            800,
            0,
            9_200,
            14_000,
            13_650,
            350,
            Map.of("30007", 200L, "30003", 150L),
            1_150,
            92,
            40,
            600);
    List<TexterStats> texters =
        List.of(
            new TexterStats("ana", 400, 612, 52, 310, Optional.of(Duration.ofSeconds(65))),
            new TexterStats("ben", 380, 590, 48, 300, Optional.of(Duration.ofSeconds(42))),
            new TexterStats(ODD_TEXTER, 360, 570, 40, 290, Optional.of(Duration.ofMinutes(75))),
            new TexterStats("dee", 10, 10, 0, 10, Optional.empty()),
            new TexterStats("eve", 350, 505, 35, 280, Optional.of(Duration.ofSeconds(125))));
    List<TagCount> tags =
        List.of(
            new TagCount("supporter", 400),
            new TagCount("follow-up", 100),
            new TagCount(ODD_TAG, 25));
    List<QuestionAnswers> questions =
        List.of(
            new QuestionAnswers(
                "Will you vote on March 5?",
                "Will you vote on March 5?",
                800,
                List.of(
                    new AnswerCount("yes", 500),
                    new AnswerCount("no", 200),
                    new AnswerCount("maybe", 100))),
            new QuestionAnswers(
                "Which issue matters most to you?",
                "Which issue matters most to you?",
                300,
                List.of(
                    new AnswerCount("Healthcare", 150),
                    new AnswerCount("Economy", 100),
                    new AnswerCount("Other", 50))));
    List<VariantStats> variants =
        List.of(new VariantStats(0, 4_600, 650), new VariantStats(1, 4_600, 500));
    Cost cost =
        new Cost(
            16_000,
            new BigDecimal("83.0000"),
            800,
            Optional.of(new BigDecimal("4.9600")),
            Currency.getInstance("USD"));
    return new ActionReport(
        42,
        "Spring GOTV <2024> & \"friends\"",
        FIRST_HOUR.plus(Duration.ofHours(10)),
        totals,
        texters,
        tags,
        questions,
        variants,
        cost,
        timeline);
  }

  /** {@code count} consecutive hours from {@link #FIRST_HOUR}, each with messages both ways. */
  static List<HourCount> hours(int count) {
    List<HourCount> hours = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long sent = 600 + 250L * ((i * 7) % 5);
      hours.add(new HourCount(FIRST_HOUR.plus(Duration.ofHours(i)), sent, 40 + 30L * (i % 4)));
    }
    return hours;
  }

  /** An action before its first message: a pool, nothing else. */
  static ActionReport empty() {
    Totals totals = new Totals(500, 0, 500, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0);
    Cost cost = new Cost(0, BigDecimal.ZERO, 500, Optional.empty(), Currency.getInstance("USD"));
    return new ActionReport(
        7,
        "Empty action",
        FIRST_HOUR,
        totals,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        cost,
        List.of());
  }

  /** The context the rich report is shown with. */
  static ReportContext context() {
    return new ReportContext(
        NEW_YORK,
        List.of(
            "Hi {firstName}, it's {texter} with the Spring campaign. Can we count on your vote"
                + " on March 5?",
            "Hey {firstName}! Election day is March 5. Will you vote?"),
        "10,000 contacts, 25 texters, seed 42, H2",
        List.of("conversations.csv", "messages.csv", "opt-outs.csv"));
  }
}
