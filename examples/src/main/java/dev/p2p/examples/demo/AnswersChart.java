package dev.p2p.examples.demo;

import dev.p2p.report.ActionReport.AnswerCount;
import dev.p2p.report.ActionReport.QuestionAnswers;
import java.util.List;

/**
 * The answers to each report question as horizontal bars, one per answer, each labelled with its
 * count and share of the conversations that answered. Each question's bars share one scale.
 */
final class AnswersChart {
  static final String TITLE = "Answers per question";
  static final String NO_QUESTIONS = "This action's report asks no questions.";

  private static final int LEFT = 16;
  private static final int LABELS = 240;
  private static final int RIGHT = 130;
  private static final int TOP = 44;
  private static final int HEADING = 34;
  private static final int ROW = 24;
  private static final int BAR = 16;
  private static final int FOOT = 40;
  private static final int LABEL_CHARS = 36;
  private static final int PROMPT_CHARS = 110;

  private AnswersChart() {}

  static String svg(List<QuestionAnswers> questions) {
    if (questions.isEmpty()) {
      return ChartFrame.note(TITLE, NO_QUESTIONS);
    }
    int width = ChartFrame.WIDTH;
    int height = TOP + FOOT;
    for (QuestionAnswers q : questions) {
      height += HEADING + ROW * Math.max(1, q.answers().size());
    }
    Svg svg = new Svg(width, height, TITLE);
    ChartFrame.title(svg, TITLE);
    double barLeft = LEFT + LABELS;
    double barMax = width - RIGHT - barLeft;
    double y = TOP;
    for (int n = 0; n < questions.size(); n++) {
      QuestionAnswers q = questions.get(n);
      y += HEADING;
      String heading = "Question " + (n + 1) + ": " + q.prompt();
      svg.titledText(
          LEFT,
          y - 10,
          "start",
          Fmt.clip(heading, PROMPT_CHARS),
          heading + " (" + Fmt.count(q.answered()) + " answered)",
          "font-weight",
          "600",
          "fill",
          Palette.TEXT);
      svg.text(
          width - 16,
          y - 10,
          "end",
          Fmt.count(q.answered()) + " answered",
          "font-size",
          "11",
          "fill",
          Palette.MUTED);
      if (q.answers().isEmpty()) {
        svg.text(
            barLeft,
            y + 16,
            "start",
            "No answer yet.",
            "font-style",
            "italic",
            "fill",
            Palette.MUTED);
        y += ROW;
        continue;
      }
      long max = 1;
      for (AnswerCount a : q.answers()) {
        max = Math.max(max, a.count());
      }
      svg.line(barLeft, y, barLeft, y + ROW * q.answers().size(), "stroke", Palette.AXIS);
      for (AnswerCount a : q.answers()) {
        double length = ChartFrame.visible(a.count(), barMax * a.count() / max);
        String figures = Fmt.count(a.count()) + " (" + Fmt.share(a.count(), q.answered()) + ")";
        svg.titledText(
            barLeft - 8,
            y + ROW / 2.0 + 4,
            "end",
            Fmt.clip(a.answer(), LABEL_CHARS),
            a.answer(),
            "fill",
            Palette.TEXT);
        svg.rect(
            barLeft,
            y + (ROW - BAR) / 2.0,
            length,
            BAR,
            a.answer() + ": " + figures,
            "class",
            "bar answer",
            "fill",
            Palette.ANSWER);
        svg.text(barLeft + length + 6, y + ROW / 2.0 + 4, "start", figures, "fill", Palette.MUTED);
        y += ROW;
      }
    }
    svg.text(
        barLeft + barMax / 2,
        height - 14,
        "middle",
        "Conversations giving the answer (share of those that answered)",
        "fill",
        Palette.TEXT);
    return svg.end();
  }
}
