package dev.p2p.examples.demo;

import dev.p2p.report.ActionReport.HourCount;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Messages sent and received per hour as grouped bars, hours shown in a time zone. Hours between
 * the first and the last one keep their place on the axis even without messages.
 */
final class TimelineChart {
  static final String TITLE = "Messages per hour";
  static final String NO_MESSAGES = "No messages yet.";

  private static final int HEIGHT = 360;
  private static final int LEFT = 72;
  private static final int RIGHT = 20;
  private static final int TOP = 56;
  private static final int BOTTOM = 76;

  /** Beyond this many hours (two weeks), hours are drawn side by side, gaps closed. */
  private static final int MAX_SPAN = 24 * 14;

  private static final int[] STRIDES = {1, 2, 3, 4, 6, 12, 24};
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.US);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.US);
  private static final DateTimeFormatter END = DateTimeFormatter.ofPattern("HH:mm z", Locale.US);

  private TimelineChart() {}

  static String svg(List<HourCount> timeline, ZoneId zone) {
    if (timeline.isEmpty()) {
      return ChartFrame.note(TITLE, NO_MESSAGES);
    }
    int width = ChartFrame.WIDTH;
    Instant first = timeline.get(0).hour();
    for (HourCount hour : timeline) {
      first = hour.hour().isBefore(first) ? hour.hour() : first;
    }
    long span = 1;
    for (HourCount hour : timeline) {
      span = Math.max(span, Duration.between(first, hour.hour()).toHours() + 1);
    }
    boolean gapsKept = span <= MAX_SPAN;
    int slots = gapsKept ? (int) span : timeline.size();
    long max = 0;
    for (HourCount hour : timeline) {
      max = Math.max(max, Math.max(hour.sent(), hour.received()));
    }

    Svg svg = new Svg(width, HEIGHT, TITLE + " (" + zone.getId() + ")");
    ChartFrame.title(svg, TITLE);
    legend(svg, width - RIGHT);
    double plotLeft = LEFT;
    double plotRight = width - RIGHT;
    double bottom = HEIGHT - BOTTOM;
    Ticks ticks = Ticks.forCounts(max);
    ChartFrame.valueAxis(
        svg, ticks, plotLeft, plotRight, TOP, bottom, v -> Fmt.count((long) v), "Messages");

    double slot = (plotRight - plotLeft) / slots;
    double group = Math.min(slot * 0.8, 64);
    double bar = group / 2;
    double scale = (bottom - TOP) / ticks.top();
    for (int i = 0; i < timeline.size(); i++) {
      HourCount hour = timeline.get(i);
      int index = gapsKept ? (int) Duration.between(first, hour.hour()).toHours() : i;
      double center = plotLeft + slot * (index + 0.5);
      String when = span(hour.hour(), zone);
      double sentHeight = ChartFrame.visible(hour.sent(), hour.sent() * scale);
      double receivedHeight = ChartFrame.visible(hour.received(), hour.received() * scale);
      svg.rect(
          center - bar,
          bottom - sentHeight,
          bar,
          sentHeight,
          when + ": " + Fmt.count(hour.sent()) + " sent",
          "class",
          "bar sent",
          "fill",
          Palette.SENT);
      svg.rect(
          center,
          bottom - receivedHeight,
          bar,
          receivedHeight,
          when + ": " + Fmt.count(hour.received()) + " received",
          "class",
          "bar received",
          "fill",
          Palette.RECEIVED);
    }
    svg.line(plotLeft, bottom, plotRight, bottom, "stroke", Palette.AXIS);
    hourLabels(svg, timeline, zone, first, gapsKept, slots, slot, bottom);
    svg.text(
        (plotLeft + plotRight) / 2,
        HEIGHT - 12,
        "middle",
        "Hour starting (" + zone.getId() + ")",
        "fill",
        Palette.TEXT);
    return svg.end();
  }

  private static void legend(Svg svg, double right) {
    double x = right - 190;
    svg.rect(x, 15, 12, 12, null, "class", "swatch", "fill", Palette.SENT);
    svg.text(x + 18, 25, "start", "Sent (outbound)", "fill", Palette.TEXT);
    svg.rect(x + 120, 15, 12, 12, null, "class", "swatch", "fill", Palette.RECEIVED);
    svg.text(x + 138, 25, "start", "Received", "fill", Palette.TEXT);
  }

  /** Labels the hours under the axis, as many as fit, with the day under the first of each day. */
  private static void hourLabels(
      Svg svg,
      List<HourCount> timeline,
      ZoneId zone,
      Instant first,
      boolean gapsKept,
      int slots,
      double slot,
      double bottom) {
    int stride = 48;
    for (int candidate : STRIDES) {
      if (candidate * slot >= 46) {
        stride = candidate;
        break;
      }
    }
    String lastDay = "";
    for (int index = 0; index < slots; index++) {
      Instant hour = gapsKept ? first.plus(Duration.ofHours(index)) : timeline.get(index).hour();
      ZonedDateTime local = hour.atZone(zone);
      boolean labelled =
          stride <= 24 && gapsKept ? local.getHour() % stride == 0 : index % stride == 0;
      if (!labelled && slots > 1) {
        continue;
      }
      double x = LEFT + slot * (index + 0.5);
      svg.line(x, bottom, x, bottom + 5, "stroke", Palette.AXIS);
      svg.text(x, bottom + 18, "middle", HOUR.format(local), "fill", Palette.MUTED);
      String day = DAY.format(local);
      if (!day.equals(lastDay)) {
        double half = day.length() * 3.5;
        double dayX = Math.max(half + 4, Math.min(x, svg.width() - half - 4));
        svg.text(dayX, bottom + 34, "middle", day, "fill", Palette.MUTED, "font-size", "11");
        lastDay = day;
      }
    }
  }

  /** An hour as its day and span in the zone, such as {@code Tue 5 Mar 09:00–10:00 EST}. */
  private static String span(Instant hour, ZoneId zone) {
    ZonedDateTime start = hour.atZone(zone);
    return DAY.format(start)
        + " "
        + HOUR.format(start)
        + "–"
        + END.format(hour.plus(Duration.ofHours(1)).atZone(zone));
  }
}
