package dev.p2p.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FigureTableTest {
  private static Figure rate(String path, double p2p, double raw) {
    return new Figure(path, "PostgreSQL", "msg/s", true, p2p, raw, "", 1.5, Optional.empty());
  }

  private static Figure latency(String path, double p2p, double raw) {
    return new Figure(path, "PostgreSQL", "ms p50", false, p2p, raw, "", 1.5, Optional.empty());
  }

  private static String line(String table, String path) {
    return table.lines().filter(l -> l.startsWith(path + " ")).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("a rate's ratio is p2p over raw, and the raw baseline is ahead by raw over p2p")
  void rateRatio() {
    String table = FigureTable.format(List.of(rate("send", 400, 2_000)));

    assertThat(line(table, "send")).contains("  400  ", "  2,000  ", "  0.20  ", "  5.0x  ");
  }

  @Test
  @DisplayName("a latency's ratio is p2p over raw, and so is how far the raw baseline is ahead")
  void latencyRatio() {
    String table = FigureTable.format(List.of(latency("inbox", 6, 2)));

    assertThat(line(table, "inbox")).contains("  6.00  ", "  2.00  ", "  3.00  ", "  3.0x  ");
  }

  @Test
  @DisplayName("p2p ahead of its baseline shows a ratio above 1 and the raw baseline below 1x")
  void p2pAhead() {
    String table = FigureTable.format(List.of(rate("report", 125, 100)));

    assertThat(line(table, "report")).contains("  1.25  ", "  0.8x  ");
  }

  @Test
  void aPathThatDidNotRunSaysWhyInItsRow() {
    Figure down =
        new Figure(
            "claims", "PostgreSQL", "", true, 0, 0, "", 0.5, Optional.of("connection refused"));

    String table = FigureTable.format(List.of(down));

    assertThat(line(table, "claims")).contains("NOT RUN: connection refused");
  }

  @Test
  @DisplayName(
      "the furthest path is the one the raw baseline beats by the most, rates and latencies alike")
  void furthest() {
    List<Figure> figures =
        List.of(
            rate("send", 400, 2_000),
            latency("inbox", 12, 2),
            rate("import", 90, 100),
            new Figure("claims", "H2", "", true, 0, 0, "", 0, Optional.of("down")));

    assertThat(FigureTable.furthest(figures)).get().extracting(Figure::path).isEqualTo("inbox");
    assertThat(FigureTable.format(figures))
        .contains("Furthest from its raw baseline: inbox on PostgreSQL, raw ahead 6.0x.");
  }

  @Test
  void numbersKeepThePrecisionTheyDeserve() {
    assertThat(FigureTable.number(7_569_132.4)).isEqualTo("7,569,132");
    assertThat(FigureTable.number(852.4)).isEqualTo("852");
    assertThat(FigureTable.number(22.94)).isEqualTo("22.9");
    assertThat(FigureTable.number(0.0912)).isEqualTo("0.09");
  }
}
