package dev.p2p.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler on a {@link MutableClock}'s time, so that a test never waits in real time: a task
 * scheduled after a delay runs at once, on the calling thread, after the clock is moved forward by
 * the delay. Pass it with the clock to {@code P2P.builder()}:
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at("2026-11-03T15:00:00Z");
 * VirtualScheduler waits = VirtualScheduler.on(clock);
 * P2P p2p = P2P.builder().store(store).clock(clock).scheduler(waits).gateway("fake", fake).build();
 * }</pre>
 *
 * <p>A sender's rate slots, retry backoffs and bulkhead waits then pass as time on the test's
 * clock, and {@link #waits()} tells how long each was. One-shot {@code schedule} only. Thread-safe.
 */
public final class VirtualScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {
  private final MutableClock clock;
  private final List<Duration> waits = new ArrayList<>();

  private VirtualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  /** A scheduler whose waits move this clock. */
  public static VirtualScheduler on(MutableClock clock) {
    return new VirtualScheduler(Objects.requireNonNull(clock, "clock"));
  }

  /** The delay of every task scheduled after one, in order; those of no delay are not listed. */
  public synchronized List<Duration> waits() {
    return List.copyOf(waits);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return schedule(Executors.callable(Objects.requireNonNull(command, "command")), delay, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    Objects.requireNonNull(callable, "callable");
    Duration wait = Duration.ofNanos(Math.max(0, unit.toNanos(delay)));
    if (!wait.isZero()) {
      synchronized (this) {
        waits.add(wait);
      }
      clock.advance(wait);
    }
    Done<V> task = new Done<>(callable);
    task.run();
    return task;
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException("a virtual scheduler runs one-shot tasks only");
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("a virtual scheduler runs one-shot tasks only");
  }

  @Override
  public void execute(Runnable command) {
    Objects.requireNonNull(command, "command").run();
  }

  /** Does nothing: the scheduler holds no thread. */
  @Override
  public void shutdown() {}

  /** Does nothing: no task is ever pending. */
  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return false;
  }

  /** A task already run when it is handed back. */
  private static final class Done<V> extends FutureTask<V> implements ScheduledFuture<V> {
    Done(Callable<V> callable) {
      super(callable);
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
    }
  }
}
