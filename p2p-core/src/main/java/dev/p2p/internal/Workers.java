package dev.p2p.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Internal: where p2p's background work runs (a send's outcome once the carrier answered, an
 * import's writes): the host's executor when it gave one, else a bounded pool of p2p's own. Work
 * the executor refuses (saturated or shut down) runs on the calling thread instead, so none is ever
 * lost. {@link #close()} waits for the work handed over to finish; it shuts down only p2p's own
 * pool. Thread-safe.
 */
public final class Workers implements Executor, AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Executor executor;
  private final @Nullable ExecutorService own;
  private final Object lock = new Object();
  private int unfinished; // tasks handed over and not finished; guarded by lock

  private Workers(Executor executor, @Nullable ExecutorService own) {
    this.executor = executor;
    this.own = own;
  }

  /**
   * The host's executor, or when null a pool of its own of {@code threads} named daemon threads
   * ({@code p2p-worker-N}) with a queue of {@code queue} tasks; idle threads end after a minute.
   */
  public static Workers of(@Nullable Executor host, int threads, int queue) {
    if (host != null) {
      return new Workers(host, null);
    }
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            1,
            TimeUnit.MINUTES,
            new ArrayBlockingQueue<>(queue),
            task -> {
              Thread thread = new Thread(task, "p2p-worker-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return new Workers(pool, pool);
  }

  /** Runs the task on the executor, or on this thread if the executor refuses it. */
  @Override
  public void execute(Runnable task) {
    synchronized (lock) {
      unfinished++;
    }
    Runnable tracked =
        () -> {
          try {
            task.run();
          } finally {
            finished();
          }
        };
    try {
      executor.execute(tracked);
    } catch (RejectedExecutionException e) {
      tracked.run();
    } catch (RuntimeException | Error e) {
      finished();
      throw e;
    }
  }

  private void finished() {
    synchronized (lock) {
      unfinished--;
      lock.notifyAll();
    }
  }

  /**
   * Waits up to ten seconds for the work handed over to finish, then stops p2p's own pool; a host's
   * executor is left running. Idempotent.
   */
  @Override
  public void close() {
    if (own != null) {
      own.shutdown();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    boolean interrupted = false;
    synchronized (lock) {
      long left;
      while (unfinished > 0 && (left = deadline - System.nanoTime()) > 0) {
        try {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        } catch (InterruptedException e) {
          interrupted = true;
          break;
        }
      }
    }
    if (own != null) {
      own.shutdownNow();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
