package dev.p2p.examples.webapp;

import dev.p2p.action.Estimate;
import dev.p2p.report.ActionReport;
import java.math.BigDecimal;
import java.util.List;

/** An action's live report and its cost estimate, in the plain shapes the admin page draws. */
final class ReportView {
  private ReportView() {}

  /** Counts of the whole action. */
  record Totals(
      long contacts,
      long assigned,
      long waiting,
      long messaged,
      long delivered,
      long failed,
      long replied,
      double replyRate,
      long optedOut,
      long needingAttention,
      long closed) {}

  /** One texter's figures. */
  record TexterRow(String texterId, long sent, long replied, long open) {}

  /** One name and its count: a tag, an answer. */
  record Count(String name, long count) {}

  /** A report question's answers. */
  record Answers(String prompt, long answered, List<Count> answers) {}

  /** An initial-message variant's sends and replies. */
  record Variant(int index, long sent, long replied, double replyRate) {}

  /** One hour of the timeline. */
  record Hour(String hour, long sent, long received) {}

  /** The whole report. */
  record Report(
      String name,
      Totals totals,
      List<TexterRow> texters,
      List<Count> tags,
      List<Answers> questions,
      List<Variant> variants,
      long segmentsSent,
      BigDecimal spent,
      String currency,
      List<Hour> timeline) {}

  /** A variant's estimate. */
  record VariantCost(int index, long messages, double averageSegments, BigDecimal cost) {}

  /** The estimate of what the action's first messages cost. */
  record Cost(
      long contacts, long segments, BigDecimal cost, String currency, List<VariantCost> variants) {}

  static Report of(ActionReport r) {
    ActionReport.Totals t = r.totals();
    return new Report(
        r.actionName(),
        new Totals(
            t.contacts(),
            t.assigned(),
            t.waiting(),
            t.messaged(),
            t.delivered(),
            t.failed(),
            t.replied(),
            t.replyRate(),
            t.optedOut(),
            t.needingAttention(),
            t.closed()),
        r.texters().stream()
            .map(x -> new TexterRow(x.texterId(), x.sent(), x.replied(), x.open()))
            .toList(),
        r.tags().stream().map(x -> new Count(x.tag(), x.conversations())).toList(),
        r.questions().stream()
            .map(
                q ->
                    new Answers(
                        q.prompt(),
                        q.answered(),
                        q.answers().stream().map(a -> new Count(a.answer(), a.count())).toList()))
            .toList(),
        r.variants().stream()
            .map(v -> new Variant(v.index(), v.sent(), v.replied(), v.replyRate()))
            .toList(),
        r.cost().segmentsSent(),
        r.cost().spent(),
        r.cost().currency().getCurrencyCode(),
        r.timeline().stream()
            .map(h -> new Hour(h.hour().toString(), h.sent(), h.received()))
            .toList());
  }

  static Cost of(Estimate e) {
    return new Cost(
        e.contacts(),
        e.segments(),
        e.cost(),
        e.currency().getCurrencyCode(),
        e.variants().stream()
            .map(v -> new VariantCost(v.index(), v.messages(), v.averageSegments(), v.cost()))
            .toList());
  }
}
