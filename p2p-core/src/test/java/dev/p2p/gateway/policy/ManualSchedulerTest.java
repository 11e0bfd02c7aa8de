package dev.p2p.gateway.policy;

import static dev.p2p.gateway.policy.Harness.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The tests' manual scheduler")
class ManualSchedulerTest {
  private final MutableClock clock = new MutableClock(T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final List<Instant> ran = new ArrayList<>();

  @Test
  @DisplayName("runs nothing until time moves, then each task at its due time, in order")
  void runsTasksAtTheirTime() {
    scheduler.schedule(() -> ran.add(clock.instant()), 2, TimeUnit.SECONDS);
    scheduler.schedule(() -> ran.add(clock.instant()), 1, TimeUnit.SECONDS);
    assertThat(ran).isEmpty();

    scheduler.advance(Duration.ofSeconds(5));

    assertThat(ran).containsExactly(T0.plusSeconds(1), T0.plusSeconds(2));
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  @DisplayName("runs a task scheduled by a task when it falls due within the same advance")
  void runsChainedTasks() {
    scheduler.schedule(
        () -> scheduler.schedule(() -> ran.add(clock.instant()), 1, TimeUnit.SECONDS),
        1,
        TimeUnit.SECONDS);

    scheduler.advance(Duration.ofSeconds(2));

    assertThat(ran).containsExactly(T0.plusSeconds(2));
  }

  @Test
  @DisplayName("skips a cancelled task")
  void skipsCancelled() {
    scheduler.schedule(() -> ran.add(clock.instant()), 1, TimeUnit.SECONDS).cancel(false);

    scheduler.advance(Duration.ofSeconds(2));

    assertThat(ran).isEmpty();
    assertThat(scheduler.pending()).isZero();
  }
}
