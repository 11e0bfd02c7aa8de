package dev.p2p.examples.demo;

import dev.p2p.report.ActionReport;
import dev.p2p.report.ActionReport.Cost;
import dev.p2p.report.ActionReport.Totals;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes an {@link ActionReport} as one self-contained HTML5 page: key figures, the report's tables
 * and three inline SVG charts (messages per hour, reply rate by variant, answers per question). It
 * loads nothing: no script, no external style sheet, font or image; it opens offline.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * Writes the page to {@code file} in UTF-8, atomically: readers see the old file or the whole new
   * one.
   *
   * @param report the figures
   * @param context the time zone, variant bodies, run description and CSV exports to link to
   * @param file where to write; its directory must exist
   * @throws IOException if the file cannot be written
   */
  public static void write(ActionReport report, ReportContext context, Path file)
      throws IOException {
    Path target = file.toAbsolutePath();
    Path directory = Objects.requireNonNull(target.getParent(), "file has no directory");
    Path temp = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.writeString(
          temp, html(report, context), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The page's markup. */
  static String html(ActionReport report, ReportContext context) {
    StringBuilder html = new StringBuilder(64 * 1024);
    String name = Html.escape(report.actionName());
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(name)
        .append(" – p2p report</title>\n<style>\n")
        .append(PageStyle.CSS)
        .append("</style>\n</head>\n<body>\n<header>\n<p class=\"kicker\">Action report</p>\n<h1>")
        .append(name)
        .append("</h1>\n");
    if (!context.description().isBlank()) {
      html.append("<p class=\"sub\">").append(Html.escape(context.description())).append("</p>\n");
    }
    html.append("<p class=\"meta\">Generated ")
        .append(Html.escape(Fmt.when(report.generatedAt(), context.zone())))
        .append(" · action #")
        .append(report.actionId())
        .append("</p>\n");
    cards(html, report.totals(), report.cost());
    html.append("</header>\n<main>\n");

    section(html, "activity", "Activity");
    chart(html, TimelineChart.svg(report.timeline(), context.zone()));
    HtmlTables.append(html, ReportSections.totals(report.totals()));
    html.append("</section>\n");

    section(html, "variants", "First message variants");
    chart(html, VariantChart.svg(report.variants(), context));
    HtmlTables.append(html, ReportSections.variants(report.variants(), context));
    html.append("</section>\n");

    section(html, "questions", "Report questions");
    chart(html, AnswersChart.svg(report.questions()));
    html.append("<div class=\"columns\">\n");
    for (int i = 0; i < report.questions().size(); i++) {
      html.append("<div>\n");
      HtmlTables.append(html, ReportSections.question(i + 1, report.questions().get(i)));
      html.append("</div>\n");
    }
    html.append("</div>\n");
    HtmlTables.append(html, ReportSections.tags(report.tags(), report.totals().messaged()));
    html.append("</section>\n");

    section(html, "texters", "Texters");
    HtmlTables.append(html, ReportSections.texters(report.texters()));
    html.append("</section>\n");

    section(html, "cost", "Cost");
    HtmlTables.appendTable(html, ReportSections.cost(report.cost()));
    html.append("</section>\n");

    if (!context.exports().isEmpty()) {
      section(html, "exports", "Exports");
      html.append("<ul class=\"exports\">\n");
      for (String export : context.exports()) {
        html.append("<li><a href=\"")
            .append(Html.escape(Html.href(export)))
            .append("\">")
            .append(Html.escape(export))
            .append("</a></li>\n");
      }
      html.append("</ul>\n</section>\n");
    }
    html.append("</main>\n<footer>Made by the p2p demo. This page loads nothing from the network.")
        .append("</footer>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void cards(StringBuilder html, Totals t, Cost cost) {
    html.append("<div class=\"cards\">\n");
    card(html, "Contacts", Fmt.count(t.contacts()), Fmt.count(t.assigned()) + " assigned");
    card(
        html,
        "Messaged",
        Fmt.count(t.messaged()),
        Fmt.share(t.messaged(), t.contacts()) + " of contacts");
    card(html, "Reply rate", Fmt.percent(t.replyRate()), Fmt.count(t.replied()) + " replied");
    card(
        html,
        "Opted out",
        Fmt.count(t.optedOut()),
        Fmt.share(t.optedOut(), t.messaged()) + " of messaged");
    card(
        html,
        "Needing attention",
        Fmt.count(t.needingAttention()),
        Fmt.count(t.closed()) + " closed");
    card(
        html,
        "Spent",
        Fmt.money(cost.spent(), cost.currency()),
        ReportSections.projected(cost)
            .map(p -> Fmt.money(p, cost.currency()) + " projected")
            .orElse("projection not yet known"));
    html.append("</div>\n");
  }

  private static void card(StringBuilder html, String label, String value, String note) {
    html.append("<div class=\"card\"><div class=\"label\">")
        .append(Html.escape(label))
        .append("</div><div class=\"value\">")
        .append(Html.escape(value))
        .append("</div><div class=\"note\">")
        .append(Html.escape(note))
        .append("</div></div>\n");
  }

  private static void section(StringBuilder html, String id, String title) {
    html.append("<section id=\"")
        .append(id)
        .append("\">\n<h2>")
        .append(Html.escape(title))
        .append("</h2>\n");
  }

  private static void chart(StringBuilder html, String svg) {
    html.append("<figure class=\"chart\">\n").append(svg).append("</figure>\n");
  }
}
