package dev.p2p.examples.demo;

import dev.p2p.report.ActionReport.VariantStats;
import java.util.List;
import java.util.Locale;

/** The reply rate of each initial-message variant as a bar labelled with its percentage. */
final class VariantChart {
  static final String TITLE = "Reply rate by variant";
  static final String NO_VARIANTS = "No first message sent yet.";

  private static final int HEIGHT = 320;
  private static final int LEFT = 72;
  private static final int RIGHT = 20;
  private static final int TOP = 56;
  private static final int BOTTOM = 70;
  private static final int TOOLTIP_BODY = 80;

  private VariantChart() {}

  static String svg(List<VariantStats> variants, ReportContext context) {
    if (variants.isEmpty()) {
      return ChartFrame.note(TITLE, NO_VARIANTS);
    }
    int width = ChartFrame.WIDTH;
    double maxPercent = 0;
    for (VariantStats v : variants) {
      maxPercent = Math.max(maxPercent, v.replyRate() * 100);
    }
    Ticks ticks = Ticks.upTo(maxPercent, 5, 10);
    Svg svg = new Svg(width, HEIGHT, TITLE);
    ChartFrame.title(svg, TITLE);
    double plotLeft = LEFT;
    double plotRight = width - RIGHT;
    double bottom = HEIGHT - BOTTOM;
    String tickFormat = ticks.step() == Math.rint(ticks.step()) ? "%.0f%%" : "%.1f%%";
    ChartFrame.valueAxis(
        svg,
        ticks,
        plotLeft,
        plotRight,
        TOP,
        bottom,
        v -> String.format(Locale.US, tickFormat, v),
        "Reply rate");

    double slot = (plotRight - plotLeft) / variants.size();
    double bar = Math.min(slot * 0.6, 96);
    for (int i = 0; i < variants.size(); i++) {
      VariantStats v = variants.get(i);
      double center = plotLeft + slot * (i + 0.5);
      double height =
          ChartFrame.visible(v.replied(), v.replyRate() * 100 / ticks.top() * (bottom - TOP));
      String letter = Fmt.variant(v.index());
      String body = context.variantBody(v.index());
      String tooltip =
          "Variant "
              + letter
              + ": "
              + Fmt.count(v.replied())
              + " of "
              + Fmt.count(v.sent())
              + " replied ("
              + Fmt.percent(v.replyRate())
              + ")"
              + (body.isEmpty() ? "" : " – " + Fmt.clip(body, TOOLTIP_BODY));
      svg.rect(
          center - bar / 2,
          bottom - height,
          bar,
          height,
          tooltip,
          "class",
          "bar rate",
          "fill",
          Palette.RATE);
      svg.text(
          center,
          bottom - height - 6,
          "middle",
          Fmt.percent(v.replyRate()),
          "font-weight",
          "600",
          "fill",
          Palette.TEXT);
      svg.text(center, bottom + 18, "middle", letter, "font-weight", "600", "fill", Palette.TEXT);
      svg.text(
          center,
          bottom + 34,
          "middle",
          Fmt.count(v.sent()) + " sent",
          "font-size",
          "11",
          "fill",
          Palette.MUTED);
    }
    svg.line(plotLeft, bottom, plotRight, bottom, "stroke", Palette.AXIS);
    svg.text(
        (plotLeft + plotRight) / 2,
        HEIGHT - 10,
        "middle",
        "Variant of the first message",
        "fill",
        Palette.TEXT);
    return svg.end();
  }
}
