package dev.p2p.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TicksTest {
  @Test
  @DisplayName("axes end on a round value at or above the largest one")
  void roundSteps() {
    assertThat(Ticks.forCounts(1_600)).isEqualTo(new Ticks(500, 2_000));
    assertThat(Ticks.forCounts(600)).isEqualTo(new Ticks(200, 600));
    assertThat(Ticks.forCounts(7)).isEqualTo(new Ticks(2, 8));
    assertThat(Ticks.upTo(14.13, 5, 10)).isEqualTo(new Ticks(5, 15));
    assertThat(Ticks.upTo(100, 5, 10)).isEqualTo(new Ticks(20, 100));
  }

  @Test
  @DisplayName("counts step by whole numbers, and an axis without values still has a top")
  void smallValues() {
    assertThat(Ticks.forCounts(0)).isEqualTo(new Ticks(1, 1));
    assertThat(Ticks.forCounts(3)).isEqualTo(new Ticks(1, 3));
    assertThat(Ticks.upTo(0, 5, 10)).isEqualTo(new Ticks(2, 10));
  }
}
