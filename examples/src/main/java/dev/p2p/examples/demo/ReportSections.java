package dev.p2p.examples.demo;

import dev.p2p.report.ActionReport;
import dev.p2p.report.ActionReport.AnswerCount;
import dev.p2p.report.ActionReport.Cost;
import dev.p2p.report.ActionReport.QuestionAnswers;
import dev.p2p.report.ActionReport.TagCount;
import dev.p2p.report.ActionReport.TexterStats;
import dev.p2p.report.ActionReport.Totals;
import dev.p2p.report.ActionReport.VariantStats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The report's tables, the same for the terminal and the HTML page. */
final class ReportSections {
  /** How much of a variant's body its table shows. */
  static final int BODY_CHARS = 50;

  private ReportSections() {}

  /** Totals, per texter, per tag, one per question, per variant, cost: in that order. */
  static List<TextTable> all(ActionReport report, ReportContext context) {
    List<TextTable> tables = new ArrayList<>();
    tables.add(totals(report.totals()));
    tables.add(texters(report.texters()));
    tables.add(tags(report.tags(), report.totals().messaged()));
    List<QuestionAnswers> questions = report.questions();
    for (int i = 0; i < questions.size(); i++) {
      tables.add(question(i + 1, questions.get(i)));
    }
    tables.add(variants(report.variants(), context));
    tables.add(cost(report.cost()));
    return tables;
  }

  static TextTable totals(Totals t) {
    TextTable table =
        new TextTable(
            "Totals",
            TextTable.label("Conversations and messages"),
            TextTable.number("Count"),
            TextTable.number("Share"),
            TextTable.label("of"));
    table
        .row("Contacts", Fmt.count(t.contacts()), "", "")
        .row(
            "Assigned to a texter",
            Fmt.count(t.assigned()),
            share(t.assigned(), t.contacts()),
            "contacts")
        .row(
            "Waiting for a first message",
            Fmt.count(t.waiting()),
            share(t.waiting(), t.contacts()),
            "contacts")
        .row("Messaged", Fmt.count(t.messaged()), share(t.messaged(), t.contacts()), "contacts")
        .rule()
        .row("Outbound messages", Fmt.count(t.outbound()), "", "")
        .row("Delivered", Fmt.count(t.delivered()), share(t.delivered(), t.outbound()), "outbound")
        .row("Failed", Fmt.count(t.failed()), share(t.failed(), t.outbound()), "outbound");
    for (Map.Entry<String, Long> failure : t.failures().entrySet()) {
      table.detail(
          "code " + failure.getKey(),
          Fmt.count(failure.getValue()),
          share(failure.getValue(), t.failed()),
          "failed");
    }
    return table
        .rule()
        .row("Replied (reply rate)", Fmt.count(t.replied()), Fmt.percent(t.replyRate()), "messaged")
        .row("Opted out", Fmt.count(t.optedOut()), share(t.optedOut(), t.messaged()), "messaged")
        .row(
            "Needing attention",
            Fmt.count(t.needingAttention()),
            share(t.needingAttention(), t.messaged()),
            "messaged")
        .row("Closed", Fmt.count(t.closed()), share(t.closed(), t.messaged()), "messaged");
  }

  static TextTable texters(List<TexterStats> texters) {
    TextTable table =
        new TextTable(
                "Per texter (" + Fmt.count(texters.size()) + ")",
                TextTable.text("Texter"),
                TextTable.number("Conversations"),
                TextTable.number("Sent"),
                TextTable.number("Replied"),
                TextTable.number("Open"),
                TextTable.number("Median response"))
            .whenEmpty("No texter holds a conversation yet.");
    for (TexterStats t : texters) {
      table.row(
          t.texterId(),
          Fmt.count(t.conversations()),
          Fmt.count(t.sent()),
          Fmt.count(t.replied()),
          Fmt.count(t.open()),
          Fmt.duration(t.medianResponse()));
    }
    return table;
  }

  static TextTable tags(List<TagCount> tags, long messaged) {
    TextTable table =
        new TextTable(
                "Per tag",
                TextTable.text("Tag"),
                TextTable.number("Conversations"),
                TextTable.number("Share of messaged"))
            .whenEmpty("No conversation is tagged yet.");
    for (TagCount tag : tags) {
      table.row(tag.tag(), Fmt.count(tag.conversations()), share(tag.conversations(), messaged));
    }
    return table;
  }

  static TextTable question(int number, QuestionAnswers question) {
    TextTable table =
        new TextTable(
                "Question " + number + ": " + question.prompt(),
                TextTable.text("Answer"),
                TextTable.number("Conversations"),
                TextTable.number("Share of answered"))
            .whenEmpty("No answer yet.");
    for (AnswerCount answer : question.answers()) {
      table.row(
          answer.answer(), Fmt.count(answer.count()), share(answer.count(), question.answered()));
    }
    if (!question.answers().isEmpty()) {
      table.rule().row("Answered", Fmt.count(question.answered()), "");
    }
    return table;
  }

  static TextTable variants(List<VariantStats> variants, ReportContext context) {
    boolean bodies = !context.variantBodies().isEmpty();
    List<TextTable.Column> columns = new ArrayList<>();
    columns.add(TextTable.label("Variant"));
    if (bodies) {
      columns.add(TextTable.text("Message"));
    }
    columns.add(TextTable.number("Sent"));
    columns.add(TextTable.number("Replied"));
    columns.add(TextTable.number("Reply rate"));
    TextTable table =
        new TextTable("Per variant", columns.toArray(new TextTable.Column[0]))
            .whenEmpty("No first message sent yet.");
    for (VariantStats v : variants) {
      List<String> cells = new ArrayList<>();
      cells.add(Fmt.variant(v.index()));
      if (bodies) {
        cells.add(Fmt.clip(context.variantBody(v.index()), BODY_CHARS));
      }
      cells.add(Fmt.count(v.sent()));
      cells.add(Fmt.count(v.replied()));
      cells.add(Fmt.percent(v.replyRate()));
      table.row(cells.toArray(new String[0]));
    }
    return table;
  }

  static TextTable cost(Cost cost) {
    return new TextTable("Cost", TextTable.label("Cost"), TextTable.number("Amount"))
        .row("Segments sent", Fmt.count(cost.segmentsSent()))
        .row("Spent", Fmt.money(cost.spent(), cost.currency()))
        .rule()
        .row("First messages still to send", Fmt.count(cost.remainingMessages()))
        .row(
            "Their estimated cost",
            cost.remainingEstimate().map(m -> Fmt.money(m, cost.currency())).orElse("-"))
        .rule()
        .row(
            "Total projected", projected(cost).map(m -> Fmt.money(m, cost.currency())).orElse("-"));
  }

  /**
   * What the whole action should cost: spent plus the estimate; just the spent amount when nothing
   * remains; empty when something remains but there is no estimate yet.
   */
  static Optional<BigDecimal> projected(Cost cost) {
    if (cost.remainingEstimate().isPresent()) {
      return Optional.of(cost.spent().add(cost.remainingEstimate().get()));
    }
    return cost.remainingMessages() == 0 ? Optional.of(cost.spent()) : Optional.empty();
  }

  private static String share(long part, long whole) {
    return whole == 0 ? "" : Fmt.share(part, whole);
  }
}
