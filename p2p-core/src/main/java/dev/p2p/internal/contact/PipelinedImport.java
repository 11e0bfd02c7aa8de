package dev.p2p.internal.contact;

import dev.p2p.StoreException;
import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ContactList;
import dev.p2p.store.ContactImport;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Writes an import's chunks on a writer task of p2p's executor while the caller parses and
 * normalizes the next ones, so that the CSV work and the database work overlap. At most {@value
 * #DEPTH} chunks wait in between, which bounds memory.
 *
 * <p>The chunks are written one at a time, in the order they were added, by whichever thread holds
 * the write lock: the writer task, or the caller itself when the queue is full and the writer task
 * is not running (a saturated or single-thread executor, or one that rejected the task), so an
 * import never waits on a task that cannot start. A failure while writing is rethrown to the caller
 * at its next call; completing or aborting happens on the caller's thread once no chunk is being
 * written.
 *
 * <p>Takes ownership of the lists passed to {@link #add(List)}. Not thread-safe, like every {@link
 * ContactImport}.
 */
final class PipelinedImport implements ContactImport {
  static final int DEPTH = 2;

  private final ContactImport target;
  private final Executor executor;
  private final BlockingQueue<List<ContactDetails>> queue = new ArrayBlockingQueue<>(DEPTH);
  private final ReentrantLock writing = new ReentrantLock();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile boolean running;
  private volatile @Nullable Throwable failure;
  private volatile boolean discarding;
  private boolean finished;

  PipelinedImport(ContactImport target, Executor executor) {
    this.target = target;
    this.executor = executor;
  }

  @Override
  public long listId() {
    return target.listId();
  }

  @Override
  public void add(List<ContactDetails> chunk) {
    if (finished) {
      throw new IllegalStateException("import of list " + listId() + " is finished");
    }
    rethrowFailure();
    try {
      while (!queue.offer(chunk)) {
        if (!running) {
          writeNext(); // the writer task is not running: write the oldest chunk here
        } else if (queue.offer(chunk, 20, TimeUnit.MILLISECONDS)) {
          break;
        }
        rethrowFailure();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(
          "The import of list " + listId() + " was interrupted and rolled back; import again",
          true,
          e);
    }
    schedule();
  }

  @Override
  public ContactList complete() {
    if (finished) {
      throw new IllegalStateException("import of list " + listId() + " is finished");
    }
    while (writeNext()) {
      // Writes what the writer task has not taken yet, after the chunk it is writing.
    }
    rethrowFailure();
    ContactList list = locked(target::complete);
    finished = true;
    return list;
  }

  @Override
  public void abort() {
    if (!finished) {
      finished = true;
      discarding = true;
      queue.clear();
      locked(
          () -> {
            target.abort();
            return null;
          });
    }
  }

  @Override
  public void close() {
    abort();
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        scheduled.set(false); // the caller writes the chunks itself
      }
    }
  }

  /** The writer task: writes the queued chunks until none is left. */
  private void drain() {
    running = true;
    try {
      while (writeNext()) {
        // next chunk
      }
    } finally {
      running = false;
      scheduled.set(false);
    }
    if (!queue.isEmpty() && failure == null && !discarding) {
      schedule(); // a chunk was added after the last look
    }
  }

  /**
   * Writes the oldest queued chunk under the write lock, waiting for a chunk being written by
   * another thread to finish first.
   *
   * @return whether a chunk was written
   */
  private boolean writeNext() {
    writing.lock();
    try {
      if (failure != null || discarding) {
        return false;
      }
      List<ContactDetails> chunk = queue.poll();
      if (chunk == null) {
        return false;
      }
      target.add(chunk);
      return true;
    } catch (RuntimeException | Error e) {
      failure = e;
      return false;
    } finally {
      writing.unlock();
    }
  }

  private <T> T locked(Supplier<T> action) {
    writing.lock();
    try {
      return action.get();
    } finally {
      writing.unlock();
    }
  }

  private void rethrowFailure() {
    Throwable e = failure;
    if (e instanceof RuntimeException r) {
      throw r;
    }
    if (e instanceof Error r) {
      throw r;
    }
  }
}
