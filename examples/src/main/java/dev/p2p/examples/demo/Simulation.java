package dev.p2p.examples.demo;

import dev.p2p.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A discrete-event simulation on p2p's own clock: steps (a volunteer's click, a delivery receipt, a
 * contact's reply) wait in a queue by simulated time and run one at a time on the caller's thread.
 * A day of texting takes seconds, and the same seed gives the same day.
 */
final class Simulation {
  private final MutableClock clock;
  private final PriorityQueue<Step> queue = new PriorityQueue<>();
  private long sequence;
  private long steps;

  Simulation(MutableClock clock) {
    this.clock = clock;
  }

  /** The simulated time now. */
  Instant now() {
    return clock.instant();
  }

  /** Runs {@code action} once {@code delay} of simulated time has passed. */
  void after(Duration delay, Runnable action) {
    queue.add(new Step(now().plus(delay), sequence++, action));
  }

  /** Runs {@code action} at {@code when}, or now if that has passed. */
  void at(Instant when, Runnable action) {
    queue.add(new Step(when.isBefore(now()) ? now() : when, sequence++, action));
  }

  /** Runs the steps in time order until none is left or the next one is after {@code end}. */
  void runUntil(Instant end) {
    while (!queue.isEmpty() && !queue.peek().at().isAfter(end)) {
      Step step = queue.poll();
      clock.set(step.at());
      step.action().run();
      steps++;
    }
    if (now().isBefore(end)) {
      clock.set(end);
    }
  }

  /** Steps run so far. */
  long steps() {
    return steps;
  }

  private record Step(Instant at, long sequence, Runnable action) implements Comparable<Step> {
    @Override
    public int compareTo(Step other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }
}
