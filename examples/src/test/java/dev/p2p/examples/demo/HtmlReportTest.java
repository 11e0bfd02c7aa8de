package dev.p2p.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.report.ActionReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class HtmlReportTest {
  private static final Pattern SVG = Pattern.compile("(?s)<svg\\b.*?</svg>");

  @TempDir Path dir;

  private String write(ActionReport report, ReportContext context) throws IOException {
    Path file = dir.resolve("report.html");
    HtmlReport.write(report, context, file);
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static List<String> svgs(String html) {
    List<String> svgs = new ArrayList<>();
    Matcher m = SVG.matcher(html);
    while (m.find()) {
      svgs.add(m.group());
    }
    return svgs;
  }

  /** Parses the fragment as namespaced XML: it throws unless the SVG is well-formed. */
  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static int bars(String svg, String kind) {
    return count(svg, "<rect [^>]*class=\"bar " + kind + "\"");
  }

  @Test
  @DisplayName("three well-formed SVG charts with one bar per figure")
  void charts() throws Exception {
    String html = write(SampleReports.rich(), SampleReports.context());

    List<String> svgs = svgs(html);
    assertThat(svgs).hasSize(3);
    assertThat(count(html, "<svg\\b")).isEqualTo(3);
    for (String svg : svgs) {
      Document doc = parse(svg);
      assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
      assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(Svg.NS);
    }
    String timeline = svgs.get(0);
    assertThat(timeline).contains(TimelineChart.TITLE).contains("Hour starting (America/New_York)");
    assertThat(bars(timeline, "sent")).isEqualTo(10);
    assertThat(bars(timeline, "received")).isEqualTo(10);
    assertThat(timeline)
        .contains(">09:00<")
        .contains(">Tue 5 Mar<")
        .contains("<title>Tue 5 Mar 09:00–10:00 EST: 600 sent</title>");
    String variants = svgs.get(1);
    assertThat(variants).contains(VariantChart.TITLE).contains("Reply rate");
    assertThat(bars(variants, "rate")).isEqualTo(2);
    assertThat(variants).contains(">14.1%<").contains(">10.9%<").contains(">A<").contains(">B<");
    String answers = svgs.get(2);
    assertThat(answers).contains(AnswersChart.TITLE);
    assertThat(bars(answers, "answer")).isEqualTo(6);
    assertThat(answers).contains("<title>maybe: 100 (12.5%)</title>");
    assertThat(count(html, "<rect [^>]*class=\"bar ")).isEqualTo(28);
  }

  @Test
  @DisplayName("the page has the header, key figures and the tables")
  void content() throws Exception {
    String html = write(SampleReports.rich(), SampleReports.context());

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<meta charset=\"utf-8\">")
        .contains("<h1>Spring GOTV &lt;2024&gt; &amp; &quot;friends&quot;</h1>")
        .contains("10,000 contacts, 25 texters, seed 42, H2")
        .contains("Generated Tue 5 Mar 2024, 19:00 EST")
        .contains("<div class=\"value\">10,000</div>")
        .contains("<div class=\"value\">12.5%</div>")
        .contains("<div class=\"value\">$83.00</div>")
        .contains("<td class=\"num\">1m 05s</td>")
        .contains("<td class=\"num\">$87.96</td>")
        .contains("<h3>Question 2: Which issue matters most to you?</h3>")
        .endsWith("</html>\n");
    assertThat(count(html, "<table>")).isEqualTo(7);
    assertThat(count(html, "<table>")).isEqualTo(count(html, "</table>"));
  }

  @Test
  @DisplayName("every text is escaped: action name, tags, texter ids")
  void escaping() throws Exception {
    String html = write(SampleReports.rich(), SampleReports.context());

    assertThat(html)
        .contains("<td>&lt;b&gt;&amp;&quot;x&quot;</td>")
        .contains("<td>&lt;t&amp;5&gt;</td>")
        .doesNotContain(SampleReports.ODD_TAG)
        .doesNotContain(SampleReports.ODD_TEXTER)
        .doesNotContain("<2024>");
  }

  @Test
  @DisplayName("the page loads nothing: no external reference, script or style sheet")
  void selfContained() throws Exception {
    String html = write(SampleReports.rich(), SampleReports.context());

    String withoutNamespaces = html.replace("xmlns=\"" + Svg.NS + "\"", "");
    assertThat(withoutNamespaces)
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContain("//:")
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("<img")
        .doesNotContain("@import")
        .doesNotContain("url(");
  }

  @Test
  @DisplayName("exports are relative links, encoded")
  void exports() throws Exception {
    ReportContext context =
        new ReportContext(
            ZoneId.of("UTC"),
            List.of(),
            "",
            List.of("conversations.csv", "javascript:alert(1)", "opt outs \"x\".csv"));

    String html = write(SampleReports.rich(), context);

    assertThat(html)
        .contains("<a href=\"conversations.csv\">conversations.csv</a>")
        .contains("<a href=\"javascript%3Aalert%281%29\">javascript:alert(1)</a>")
        .contains("<a href=\"opt%20outs%20%22x%22.csv\">opt outs &quot;x&quot;.csv</a>");
  }

  @Test
  @DisplayName("a report before the first message renders, its charts saying there is no data")
  void empty() throws Exception {
    String html = write(SampleReports.empty(), ReportContext.of(ZoneId.of("UTC")));

    List<String> svgs = svgs(html);
    assertThat(svgs).hasSize(3);
    for (String svg : svgs) {
      parse(svg);
    }
    assertThat(svgs.get(0)).contains(Html.escape(TimelineChart.NO_MESSAGES));
    assertThat(svgs.get(1)).contains(Html.escape(VariantChart.NO_VARIANTS));
    assertThat(svgs.get(2)).contains(Html.escape(AnswersChart.NO_QUESTIONS));
    assertThat(html)
        .contains("No texter holds a conversation yet.")
        .contains("projection not yet known")
        .doesNotContain("class=\"bar")
        .doesNotContain("NaN")
        .doesNotContain("Infinity");
  }

  @Test
  @DisplayName("a timeline of one hour draws its two bars, labelled, within the chart")
  void oneHour() throws Exception {
    String html = write(SampleReports.rich(SampleReports.hours(1)), SampleReports.context());

    String timeline = svgs(html).get(0);
    parse(timeline);
    assertThat(bars(timeline, "sent")).isEqualTo(1);
    assertThat(bars(timeline, "received")).isEqualTo(1);
    assertThat(timeline).contains(">09:00<").doesNotContain("NaN").doesNotContain("Infinity");
    Matcher width =
        Pattern.compile("<rect [^>]*width=\"([0-9.]+)\"[^>]*class=\"bar").matcher(timeline);
    int bars = 0;
    while (width.find()) {
      assertThat(Double.parseDouble(width.group(1))).isBetween(1.0, 64.0);
      bars++;
    }
    assertThat(bars).isEqualTo(2);
  }

  @Test
  @DisplayName("hours without messages keep their place on the time axis")
  void gaps() throws Exception {
    List<ActionReport.HourCount> hours = new ArrayList<>(SampleReports.hours(10));
    hours.subList(3, 8).clear();

    String timeline = svgs(write(SampleReports.rich(hours), SampleReports.context())).get(0);

    assertThat(bars(timeline, "sent")).isEqualTo(5);
    assertThat(timeline).contains(">13:00<").contains(">18:00<");
  }

  @Test
  @DisplayName("writing replaces the file and leaves no temporary file behind")
  void atomicWrite() throws Exception {
    Path file = dir.resolve("report.html");
    Files.writeString(file, "old");

    HtmlReport.write(SampleReports.empty(), ReportContext.of(ZoneId.of("UTC")), file);

    assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }
}
