package dev.p2p.examples.demo;

import dev.p2p.report.ActionReport;
import java.io.PrintWriter;

/**
 * Writes an {@link ActionReport} as tables for a terminal, at most {@value #WIDTH} columns wide:
 * totals, per texter, per tag, per question, per variant and cost.
 */
public final class ReportTables {
  /** The widest line written. */
  public static final int WIDTH = 100;

  private ReportTables() {}

  /**
   * Writes the report's tables and flushes {@code out}.
   *
   * @param report the figures
   * @param context the time zone, variant bodies and run description to show
   * @param out where to write
   */
  public static void write(ActionReport report, ReportContext context, PrintWriter out) {
    out.println(Fmt.clip("Report: " + report.actionName(), WIDTH));
    if (!context.description().isBlank()) {
      out.println(Fmt.clip(context.description(), WIDTH));
    }
    out.println(Fmt.clip("Generated " + Fmt.when(report.generatedAt(), context.zone()), WIDTH));
    for (TextTable table : ReportSections.all(report, context)) {
      out.println();
      out.println(Fmt.clip(table.title(), WIDTH));
      for (String line : table.lines(WIDTH)) {
        out.println(line);
      }
    }
    out.flush();
  }
}
