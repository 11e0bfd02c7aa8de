package dev.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.store.memory.InMemoryStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs only in the surefire execution {@code without-micrometer}, whose classpath lacks Micrometer
 * and Resilience4j's Micrometer binding (both optional): the exclusion is real, and p2p builds,
 * serves and closes without them. That execution runs some facade tests beside this one.
 */
class WithoutMicrometerTest {
  @Test
  @DisplayName("Micrometer and the Resilience4j binding are not on this run's classpath")
  void micrometerIsAbsent() {
    for (String name :
        new String[] {
          "io.micrometer.core.instrument.MeterRegistry",
          "io.micrometer.observation.ObservationRegistry",
          "io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher"
        }) {
      assertThatThrownBy(() -> Class.forName(name))
          .as(name)
          .isInstanceOf(ClassNotFoundException.class);
    }
  }

  @Test
  @DisplayName("p2p builds, creates an organization, reads its events and closes without it")
  void p2pWorksWithoutIt() {
    try (P2P p2p = P2P.builder().store(InMemoryStore.create()).build()) {
      p2p.organization("acme").contacts().createList("voters");
      assertThat(p2p.events().lastPosition("acme")).isNotNegative();
      assertThat(p2p.gatewayStatus()).isEmpty();
      assertThat(p2p.storeHealth().up()).isTrue();
    }
  }
}
