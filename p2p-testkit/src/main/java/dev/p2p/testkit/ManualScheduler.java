package dev.p2p.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose time moves only when the test says: {@link #advance(Duration)} runs every task
 * that falls due, on the calling thread. Supports one-shot {@code schedule} only.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private final List<Task<?>> tasks = new ArrayList<>();
  private long nowNanos;

  /** The delays of the tasks not yet run, in the order they were scheduled. */
  synchronized List<Duration> pendingDelays() {
    return tasks.stream().map(t -> Duration.ofNanos(t.dueNanos - nowNanos)).toList();
  }

  /** Moves time forward and runs every task now due, earliest first. */
  void advance(Duration step) {
    List<Task<?>> due = new ArrayList<>();
    synchronized (this) {
      nowNanos += step.toNanos();
      tasks.stream()
          .filter(t -> t.dueNanos <= nowNanos)
          .sorted((a, b) -> Long.compare(a.dueNanos, b.dueNanos))
          .forEach(due::add);
      tasks.removeAll(due);
    }
    due.forEach(Task::run);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return schedule(Executors.callable(command), delay, unit);
  }

  @Override
  public synchronized <V> ScheduledFuture<V> schedule(
      Callable<V> callable, long delay, TimeUnit unit) {
    Task<V> task = new Task<>(callable, nowNanos + unit.toNanos(delay));
    tasks.add(task);
    return task;
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException("a manual scheduler runs one-shot tasks only");
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("a manual scheduler runs one-shot tasks only");
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.NANOSECONDS);
  }

  @Override
  public void shutdown() {}

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

  private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
    private final long dueNanos;

    Task(Callable<V> callable, long dueNanos) {
      super(callable);
      this.dueNanos = dueNanos;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      synchronized (ManualScheduler.this) {
        return unit.convert(dueNanos - nowNanos, TimeUnit.NANOSECONDS);
      }
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }
  }
}
