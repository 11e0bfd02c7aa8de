package dev.p2p.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.examples.DemoApp;
import dev.p2p.report.ActionReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo campaign, run whole at a small size through the jar's command line and its API. */
class CampaignDemoTest {

  @Test
  @DisplayName("the demo command runs a whole day and writes the tables, the exports and the page")
  void wholeDemo(@TempDir Path dir) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code =
          DemoApp.run(
              o, e, "--contacts", "400", "--texters", "6", "--seed", "7", "--out", dir.toString());
    }

    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).isEmpty();
    String text = out.toString();
    assertThat(text)
        .contains("1. The contact list", "2. The action", "3. Election Day", "4. The report")
        .contains("Totals", "Per texter", "Per tag", "Will they vote?", "Per variant", "Cost")
        .contains("HTML report:", "Done in");
    assertThat(number(text, "([\\d,]+) imported")).isBetween(380L, 400L);

    Path conversations = dir.resolve("conversations.csv");
    List<String> rows = Files.readAllLines(conversations, StandardCharsets.UTF_8);
    assertThat(rows.get(0)).startsWith("conversation_id,").contains("report.Will they vote?");
    assertThat(rows).hasSize((int) number(text, "\\(([\\d,]+) rows\\)") + 1);
    assertThat(dir.resolve("messages.csv")).isNotEmptyFile();
    assertThat(dir.resolve("opt-outs.csv")).exists();
    String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html.split("<svg", -1)).hasSize(4);
    assertThat(html).contains("Election Day GOTV", "conversations.csv");
  }

  @Test
  @DisplayName("a day holds every kind of conversation, and the same seed replays the same day")
  void reproducibleDay(@TempDir Path first, @TempDir Path second) {
    ActionReport one = run(first, 11);
    ActionReport two = run(second, 11);

    ActionReport.Totals totals = one.totals();
    assertThat(totals.messaged()).isEqualTo(totals.contacts()).isPositive();
    assertThat(totals.delivered()).isPositive();
    assertThat(totals.failed()).isPositive();
    assertThat(totals.replied()).isPositive();
    assertThat(totals.optedOut()).isPositive();
    assertThat(totals.closed()).isPositive();
    assertThat(one.tags()).extracting(ActionReport.TagCount::tag).contains("supporter");
    assertThat(one.questions()).hasSize(2).allMatch(q -> q.answered() > 0);
    assertThat(one.variants()).hasSize(2).allMatch(v -> v.sent() > 0);
    assertThat(one.timeline()).isNotEmpty();

    assertThat(two.totals()).isEqualTo(one.totals());
    assertThat(two.texters()).isEqualTo(one.texters());
    assertThat(two.tags()).isEqualTo(one.tags());
    assertThat(two.questions()).isEqualTo(one.questions());
    assertThat(two.variants()).isEqualTo(one.variants());
    assertThat(two.timeline()).isEqualTo(one.timeline());
    assertThat(two.cost()).isEqualTo(one.cost());
  }

  private static ActionReport run(Path dir, long seed) {
    DemoSettings settings = new DemoSettings(300, 5, seed, Optional.empty(), "acme", dir);
    return CampaignDemo.run(settings, new PrintWriter(Writer.nullWriter())).report();
  }

  private static long number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("%s in the output", regex).isTrue();
    return Long.parseLong(m.group(1).replace(",", ""));
  }
}
