package dev.p2p.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.report.ActionReport;
import dev.p2p.report.ActionReport.TexterStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReportTablesTest {
  private static String render(ActionReport report, ReportContext context) {
    StringWriter out = new StringWriter();
    ReportTables.write(report, context, new PrintWriter(out));
    return out.toString();
  }

  /** The box-drawn tables of the output, each as its lines. */
  private static List<List<String>> tables(String text) {
    List<List<String>> tables = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty() && "┌│├└".indexOf(line.charAt(0)) >= 0) {
        current.add(line);
      } else if (!current.isEmpty()) {
        tables.add(current);
        current = new ArrayList<>();
      }
    }
    return tables;
  }

  private static String lineWith(String text, String needle) {
    return text.lines().filter(l -> l.contains(needle)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("the tables show the figures formatted")
  void figures() {
    String text = render(SampleReports.rich(), SampleReports.context());

    assertThat(text)
        .contains("Report: Spring GOTV <2024> & \"friends\"")
        .contains("10,000 contacts, 25 texters, seed 42, H2")
        .contains("Generated Tue 5 Mar 2024, 19:00 EST");
    assertThat(lineWith(text, "│ Contacts")).contains("10,000");
    assertThat(lineWith(text, "Replied (reply rate)")).contains("1,150").contains("12.5%");
    assertThat(lineWith(text, "code 30007")).contains("200").contains("57.1%");
    assertThat(lineWith(text, "│ ana ")).contains("612").contains("1m 05s");
    assertThat(lineWith(text, "│ dee ")).endsWith("  - │");
    assertThat(lineWith(text, "│ <t&5>")).contains("1h 15m");
    assertThat(lineWith(text, "│ <b>&\"x\"")).contains("25").contains("0.3%");
    assertThat(text).contains("Question 1: Will you vote on March 5?");
    assertThat(lineWith(text, "│ maybe")).contains("100").contains("12.5%");
    assertThat(lineWith(text, "│ Answered")).contains("800");
    assertThat(lineWith(text, "│ A "))
        .contains("Hi {firstName}")
        .contains("4,600")
        .contains("14.1%");
    assertThat(lineWith(text, "│ B ")).contains("10.9%");
    assertThat(lineWith(text, "Segments sent")).contains("16,000");
    assertThat(lineWith(text, "│ Spent")).contains("$83.00");
    assertThat(lineWith(text, "Their estimated cost")).contains("$4.96");
    assertThat(lineWith(text, "Total projected")).contains("$87.96");
  }

  @Test
  @DisplayName("texters keep the report's order")
  void texterOrder() {
    String text = render(SampleReports.rich(), SampleReports.context());

    assertThat(text.indexOf("│ ana ")).isLessThan(text.indexOf("│ ben "));
    assertThat(text.indexOf("│ ben ")).isLessThan(text.indexOf("│ <t&5>"));
    assertThat(text.indexOf("│ dee ")).isLessThan(text.indexOf("│ eve "));
  }

  @Test
  @DisplayName("every line of a table has one width, numbers end in one column, no line passes 100")
  void alignment() {
    String text = render(SampleReports.rich(), SampleReports.context());

    List<List<String>> tables = tables(text);
    assertThat(tables).hasSize(7); // totals, texters, tags, 2 questions, variants, cost
    for (List<String> table : tables) {
      int width = Fmt.width(table.get(0));
      assertThat(table).allSatisfy(line -> assertThat(Fmt.width(line)).isEqualTo(width));
    }
    assertThat(text.lines())
        .allSatisfy(line -> assertThat(Fmt.width(line)).isLessThanOrEqualTo(100));
    String contacts = lineWith(text, "│ Contacts");
    String closed = lineWith(text, "│ Closed");
    assertThat(contacts.indexOf("10,000 │") + "10,000".length())
        .isEqualTo(closed.indexOf("600 │") + "600".length());
  }

  @Test
  @DisplayName("long texts are cut to keep tables within 100 columns")
  void longTexts() {
    ActionReport rich = SampleReports.rich();
    List<TexterStats> texters = new ArrayList<>(rich.texters());
    texters.add(new TexterStats("t".repeat(150), 1, 1, 0, 1, Optional.empty()));
    ActionReport report =
        new ActionReport(
            rich.actionId(),
            "A".repeat(300),
            rich.generatedAt(),
            rich.totals(),
            texters,
            rich.tags(),
            rich.questions(),
            rich.variants(),
            rich.cost(),
            rich.timeline());
    ReportContext context =
        new ReportContext(
            ZoneId.of("UTC"), List.of("word ".repeat(40), "short"), "d".repeat(200), List.of());

    String text = render(report, context);

    assertThat(text.lines())
        .allSatisfy(line -> assertThat(Fmt.width(line)).isLessThanOrEqualTo(100));
    assertThat(lineWith(text, "│ tttt")).contains("…");
    assertThat(lineWith(text, "│ A ")).contains("word word").contains("…").contains("14.1%");
  }

  @Test
  @DisplayName("a report before the first message renders with notes for empty tables")
  void empty() {
    String text = render(SampleReports.empty(), ReportContext.of(ZoneId.of("UTC")));

    assertThat(text)
        .contains("Report: Empty action")
        .contains("No texter holds a conversation yet.")
        .contains("No conversation is tagged yet.")
        .contains("No first message sent yet.")
        .doesNotContain("Question 1");
    assertThat(lineWith(text, "│ Contacts")).contains("500");
    assertThat(lineWith(text, "│ Spent")).contains("$0.00");
    assertThat(lineWith(text, "Their estimated cost")).endsWith(" - │");
    assertThat(lineWith(text, "Total projected")).endsWith(" - │");
    assertThat(text.lines())
        .allSatisfy(line -> assertThat(Fmt.width(line)).isLessThanOrEqualTo(100));
  }
}
