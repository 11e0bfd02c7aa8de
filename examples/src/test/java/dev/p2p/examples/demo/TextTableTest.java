package dev.p2p.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  @DisplayName("numbers sit right, text left, every line one width")
  void alignment() {
    List<String> lines =
        new TextTable("t", TextTable.text("Name"), TextTable.number("Count"))
            .row("a", "1")
            .row("long name", "10,000")
            .lines(100);
    assertThat(lines)
        .containsExactly(
            "┌───────────┬────────┐",
            "│ Name      │  Count │",
            "├───────────┼────────┤",
            "│ a         │      1 │",
            "│ long name │ 10,000 │",
            "└───────────┴────────┘");
  }

  @Test
  @DisplayName("rules separate groups and detail rows are indented")
  void rulesAndDetails() {
    List<String> lines =
        new TextTable("t", TextTable.label("Figure"), TextTable.number("N"))
            .row("Failed", "3")
            .detail("code 1", "3")
            .rule()
            .row("Closed", "2")
            .lines(100);
    assertThat(lines)
        .containsExactly(
            "┌──────────┬───┐",
            "│ Figure   │ N │",
            "├──────────┼───┤",
            "│ Failed   │ 3 │",
            "│   code 1 │ 3 │",
            "├──────────┼───┤",
            "│ Closed   │ 2 │",
            "└──────────┴───┘");
  }

  @Test
  @DisplayName("a table too wide cuts its widest text column, not its numbers")
  void cutsToWidth() {
    List<String> lines =
        new TextTable("t", TextTable.text("Body"), TextTable.text("Id"), TextTable.number("N"))
            .row("x".repeat(80), "y".repeat(30), "123,456")
            .lines(60);
    assertThat(lines).allSatisfy(line -> assertThat(Fmt.width(line)).isEqualTo(60));
    assertThat(lines.get(3)).contains("123,456").contains("…");
  }

  @Test
  @DisplayName("an empty table is its note")
  void empty() {
    assertThat(new TextTable("t", TextTable.text("A")).whenEmpty("nothing yet").lines(100))
        .containsExactly("nothing yet");
  }

  @Test
  @DisplayName("a row must have one cell per column")
  void cellsPerRow() {
    TextTable table = new TextTable("t", TextTable.text("A"), TextTable.number("B"));
    assertThatThrownBy(() -> table.row("only one")).isInstanceOf(IllegalArgumentException.class);
  }
}
