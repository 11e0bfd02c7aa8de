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
 * lost. Only p2p's own pool is shut down by {@link #close()}. Thread-safe.
 */
public final class Workers implements Executor, AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Executor executor;
  private final @Nullable ExecutorService own;

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
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      task.run();
    }
  }

  /**
   * Lets p2p's own pool finish its queued work (waiting up to ten seconds) and stops it; leaves a
   * host's executor alone. Idempotent.
   */
  @Override
  public void close() {
    if (own == null) {
      return;
    }
    own.shutdown();
    try {
      own.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
