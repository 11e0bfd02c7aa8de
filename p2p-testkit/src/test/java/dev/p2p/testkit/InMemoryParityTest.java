package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.store.Store;
import dev.p2p.store.memory.InMemoryStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The parity suite on the in-memory store against itself: equal by construction unless the day (or
 * p2p) is not deterministic.
 */
class InMemoryParityTest extends ParityContract {
  @Override
  protected Store createStore() {
    return InMemoryStore.create();
  }

  @Test
  @DisplayName("the day observes what it is meant to")
  void theDayCoversItsScript() {
    Transcript day = ParityDay.run(InMemoryStore.create());
    assertThat(day.lines())
        .anySatisfy(l -> assertThat(l).contains("OutsideTextingHoursException"))
        .anySatisfy(l -> assertThat(l).contains("within the organization's lock window"))
        .anySatisfy(l -> assertThat(l).contains(" truncated "))
        .anySatisfy(l -> assertThat(l).startsWith("export GOTV messages"))
        .noneMatch(l -> l.startsWith(Transcript.NOT_REFUSED));
  }
}
