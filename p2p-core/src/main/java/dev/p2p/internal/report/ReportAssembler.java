package dev.p2p.internal.report;

import dev.p2p.action.Action;
import dev.p2p.action.Question;
import dev.p2p.report.ActionReport;
import dev.p2p.sms.CostModel;
import dev.p2p.store.ReportFigures;
import dev.p2p.store.support.IdOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a store's {@link ReportFigures} into an {@link ActionReport}: order, zeros and cost. */
final class ReportAssembler {
  private ReportAssembler() {}

  static ActionReport assemble(
      Action action, ReportFigures figures, CostModel costs, Instant generatedAt) {
    List<ActionReport.TagCount> tags = new ArrayList<>(figures.tags());
    tags.sort(
        Comparator.comparingLong(ActionReport.TagCount::conversations)
            .reversed()
            .thenComparing(ActionReport.TagCount::tag));
    List<ActionReport.TexterStats> texters = new ArrayList<>(figures.texters());
    texters.sort(Comparator.comparing(ActionReport.TexterStats::texterId, IdOrder.CODE_POINTS));
    return new ActionReport(
        action.id(),
        action.spec().name(),
        generatedAt,
        figures.totals(),
        texters,
        tags,
        questions(action, figures),
        variants(action, figures),
        cost(figures, costs),
        figures.timeline());
  }

  private static List<ActionReport.QuestionAnswers> questions(
      Action action, ReportFigures figures) {
    List<ActionReport.QuestionAnswers> questions = new ArrayList<>();
    for (Question question : action.spec().report()) {
      Map<String, Long> counts = figures.answers().getOrDefault(question.id(), Map.of());
      Map<String, Long> ordered = new LinkedHashMap<>();
      if (question instanceof Question.TagQuestion tagQuestion) {
        tagQuestion.tags().forEach(tag -> ordered.put(tag, counts.getOrDefault(tag, 0L)));
      }
      counts.entrySet().stream()
          .filter(e -> !ordered.containsKey(e.getKey()))
          .sorted(
              Map.Entry.<String, Long>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> ordered.put(e.getKey(), e.getValue()));
      List<ActionReport.AnswerCount> answers = new ArrayList<>();
      ordered.forEach((answer, count) -> answers.add(new ActionReport.AnswerCount(answer, count)));
      questions.add(
          new ActionReport.QuestionAnswers(
              question.id(),
              question.prompt(),
              figures.answered().getOrDefault(question.id(), 0L),
              answers));
    }
    return questions;
  }

  private static List<ActionReport.VariantStats> variants(Action action, ReportFigures figures) {
    Map<Integer, ActionReport.VariantStats> sent = new LinkedHashMap<>();
    figures.variants().forEach(v -> sent.put(v.index(), v));
    List<ActionReport.VariantStats> variants = new ArrayList<>();
    int count = action.spec().script().initials().size();
    for (int i = 0; i < count; i++) {
      variants.add(sent.getOrDefault(i, new ActionReport.VariantStats(i, 0, 0)));
    }
    return variants;
  }

  private static ActionReport.Cost cost(ReportFigures figures, CostModel costs) {
    long messaged = figures.totals().messaged();
    long remaining = figures.totals().waiting();
    Optional<BigDecimal> estimate = Optional.empty();
    if (messaged > 0) {
      BigDecimal averageSegments =
          BigDecimal.valueOf(figures.initialSegments())
              .divide(BigDecimal.valueOf(messaged), 6, RoundingMode.HALF_UP);
      estimate =
          Optional.of(
              costs
                  .smsCost(1)
                  .multiply(averageSegments)
                  .multiply(BigDecimal.valueOf(remaining))
                  .setScale(costs.smsCost(1).scale(), RoundingMode.HALF_UP));
    }
    return new ActionReport.Cost(
        figures.segmentsSent(),
        costs.smsCost(figures.segmentsSent()),
        remaining,
        estimate,
        costs.currency());
  }
}
