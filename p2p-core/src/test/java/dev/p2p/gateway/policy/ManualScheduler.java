package dev.p2p.gateway.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose tasks run only when the test moves time forward with {@link #advance}: each
 * task runs on the test's thread, with the clock set to the instant it was due, in order of due
 * time and then of scheduling. No thread, no sleep. Periodic scheduling is not supported (the code
 * under test does not use it).
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private final MutableClock clock;
  private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
  private long sequence;
  private boolean shutdown;

  ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  /** Moves the clock forward, running every task that falls due on the way, at its due time. */
  void advance(Duration by) {
    Instant target = clock.instant().plus(by);
    Task<?> next;
    while ((next = nextDueBy(target)) != null) {
      if (next.due.isAfter(clock.instant())) {
        clock.set(next.due);
      }
      next.run();
    }
    clock.set(target);
  }

  /** Runs the tasks due now, without moving the clock. */
  void runDue() {
    advance(Duration.ZERO);
  }

  /** Tasks scheduled and not yet run or cancelled. */
  synchronized int pending() {
    return (int) queue.stream().filter(t -> !t.isCancelled()).count();
  }

  /** The delays from now of the pending tasks, soonest first. */
  synchronized List<Duration> pendingDelays() {
    List<Duration> delays = new ArrayList<>();
    queue.stream()
        .filter(t -> !t.isCancelled())
        .sorted()
        .forEach(t -> delays.add(Duration.between(clock.instant(), t.due)));
    return delays;
  }

  private synchronized Task<?> nextDueBy(Instant target) {
    Task<?> head = queue.peek();
    if (head == null || head.due.isAfter(target)) {
      return null;
    }
    return queue.poll();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return schedule(Executors.callable(command), delay, unit);
  }

  @Override
  public synchronized <V> ScheduledFuture<V> schedule(
      Callable<V> callable, long delay, TimeUnit unit) {
    if (shutdown) {
      throw new RejectedExecutionException("shut down");
    }
    Instant due = clock.instant().plusNanos(Math.max(0, unit.toNanos(delay)));
    Task<V> task = new Task<>(callable, due, sequence++);
    queue.add(task);
    return task;
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.NANOSECONDS);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException("periodic tasks are not used by the code under test");
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("periodic tasks are not used by the code under test");
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> left = new ArrayList<>(queue);
    queue.clear();
    return left;
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown && queue.isEmpty();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated();
  }

  private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
    final Instant due;
    final long seq;

    Task(Callable<V> callable, Instant due, long seq) {
      super(callable);
      this.due = due;
      this.seq = seq;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(clock.instant(), due));
    }

    @Override
    public int compareTo(Delayed other) {
      Task<?> that = (Task<?>) other;
      int byDue = due.compareTo(that.due);
      return byDue != 0 ? byDue : Long.compare(seq, that.seq);
    }
  }
}
