package dev.p2p.examples.demo;

import java.util.function.DoubleFunction;

/**
 * The parts charts share: a title, a note in place of a chart without data, and a vertical value
 * axis with grid lines.
 */
final class ChartFrame {
  static final int WIDTH = 960;

  private ChartFrame() {}

  /** A bar's length on screen: at least 1.5 for a value above 0, so that it shows. */
  static double visible(long value, double length) {
    return value > 0 ? Math.max(1.5, length) : 0;
  }

  /** The chart's title, top left. */
  static void title(Svg svg, String title) {
    svg.text(16, 26, "start", title, "font-size", "16", "font-weight", "600", "fill", Palette.TEXT);
  }

  /** A chart without data: its title and a note in the middle. */
  static String note(String title, String note) {
    Svg svg = new Svg(WIDTH, 120, title + ": " + note);
    title(svg, title);
    svg.rect(16, 44, WIDTH - 32, 60, null, "fill", "#f9fafb", "stroke", Palette.GRID, "rx", "6");
    svg.text(WIDTH / 2.0, 79, "middle", note, "class", "note", "fill", Palette.MUTED);
    return svg.end();
  }

  /**
   * Grid lines and labels of a value axis from 0 to {@code ticks.top()}, between {@code bottom} and
   * {@code top} on screen, and the axis's label, turned, left of the tick labels.
   */
  static void valueAxis(
      Svg svg,
      Ticks ticks,
      double left,
      double right,
      double top,
      double bottom,
      DoubleFunction<String> format,
      String label) {
    for (int i = 0; i <= ticks.steps(); i++) {
      double value = i * ticks.step();
      double y = bottom - value / ticks.top() * (bottom - top);
      if (i > 0) {
        svg.line(left, y, right, y, "stroke", Palette.GRID);
      }
      svg.line(left - 5, y, left, y, "stroke", Palette.AXIS);
      svg.text(left - 8, y + 4, "end", format.apply(value), "fill", Palette.MUTED);
    }
    svg.line(left, top, left, bottom, "stroke", Palette.AXIS);
    double middle = (top + bottom) / 2;
    svg.text(
        18,
        middle,
        "middle",
        label,
        "transform",
        "rotate(-90 18 " + Svg.num(middle) + ")",
        "fill",
        Palette.TEXT);
  }
}
