package dev.p2p.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The all-in-one table: one line per figure with p2p's figure, the raw baseline's, the ratio p2p /
 * raw, how many times better the raw baseline is, and the load average; a path that did not run
 * says why instead of its figures.
 */
final class FigureTable {
  private static final String[] HEADER = {
    "path", "database", "p2p", "raw", "unit", "p2p/raw", "raw ahead", "load", "detail"
  };

  /** Right-aligned columns: the numbers. */
  private static final boolean[] RIGHT = {false, false, true, true, false, true, true, true, false};

  private FigureTable() {}

  /** The table, a line per figure in the given order, then a legend and the furthest path. */
  static String format(List<Figure> figures) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Figure f : figures) {
      rows.add(cells(f));
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length - 1; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      line(out, rows.get(r), widths);
      if (r == 0) {
        int total = 0;
        for (int w : widths) {
          total += w + 2;
        }
        out.append("-".repeat(total + HEADER[HEADER.length - 1].length() - 2)).append('\n');
      }
    }
    out.append(
        "p2p/raw: p2p's figure over the raw baseline's. raw ahead: how many times better the raw"
            + " baseline is\n(its rate over p2p's, or p2p's latency over its own); below 1, p2p is"
            + " ahead.\n");
    furthest(figures)
        .ifPresent(
            f ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "Furthest from its raw baseline: %s%s, raw ahead %s.%n",
                        f.path(),
                        f.database().equals("-") ? "" : " on " + f.database(),
                        behind(f.behind()))));
    return out.toString();
  }

  /** The figure whose raw baseline is the most times better, among those that ran. */
  static Optional<Figure> furthest(List<Figure> figures) {
    return figures.stream()
        .filter(Figure::ran)
        .filter(f -> Double.isFinite(f.behind()))
        .max(Comparator.comparingDouble(Figure::behind));
  }

  private static String[] cells(Figure f) {
    String load = f.load() < 0 ? "-" : String.format(Locale.ROOT, "%.2f", f.load());
    if (!f.ran()) {
      return new String[] {
        f.path(), f.database(), "-", "-", "", "-", "-", load, "NOT RUN: " + f.notRun().orElseThrow()
      };
    }
    return new String[] {
      f.path(),
      f.database(),
      number(f.p2p()),
      number(f.raw()),
      f.unit(),
      ratio(f.ratio()),
      behind(f.behind()),
      load,
      f.detail()
    };
  }

  private static void line(StringBuilder out, String[] cells, int[] widths) {
    for (int i = 0; i < cells.length; i++) {
      boolean last = i == cells.length - 1;
      if (last) {
        out.append(cells[i]);
      } else if (RIGHT[i]) {
        out.append(" ".repeat(widths[i] - cells[i].length())).append(cells[i]).append("  ");
      } else {
        out.append(cells[i]).append(" ".repeat(widths[i] - cells[i].length())).append("  ");
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    out.append('\n');
  }

  /**
   * A figure with the precision it deserves: {@code 12,345}, {@code 123}, {@code 12.3}, {@code
   * 1.23}.
   */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return "-";
    }
    double a = Math.abs(v);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    } else if (a >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    } else if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String ratio(double r) {
    if (!Double.isFinite(r)) {
      return "-";
    }
    return String.format(Locale.ROOT, r < 0.1 ? "%.3f" : "%.2f", r);
  }

  static String behind(double b) {
    if (!Double.isFinite(b)) {
      return "-";
    }
    return String.format(Locale.ROOT, b >= 10 ? "%.0fx" : "%.1fx", b);
  }
}
