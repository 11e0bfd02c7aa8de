package dev.p2p.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.sms.Segments;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The render benchmark's raw baseline does p2p's work")
class RawRenderTest {
  private final String[][] people = RenderBenchmark.people();
  private final String[] messages = new RenderBenchmark().messages();

  @Test
  void rendersTheMessagesP2pRenders() {
    for (int i = 0; i < people.length; i++) {
      assertThat(RawRender.render(people[i][0], "Ana", people[i][1])).isEqualTo(messages[i]);
    }
  }

  @Test
  void countsTheSegmentsP2pCounts() {
    for (String message : messages) {
      assertThat(RawRender.segments(message)).isEqualTo(Segments.of(message).count());
    }
  }

  @Test
  @DisplayName("counts long, extended and UCS-2 texts as p2p does")
  void countsOtherTexts() {
    for (String text :
        new String[] {
          "a".repeat(160),
          "a".repeat(161),
          "€".repeat(80),
          "€".repeat(81),
          "é".repeat(200),
          "ü✓".repeat(35),
          "✓".repeat(71)
        }) {
      assertThat(RawRender.segments(text)).as(text).isEqualTo(Segments.of(text).count());
    }
  }
}
