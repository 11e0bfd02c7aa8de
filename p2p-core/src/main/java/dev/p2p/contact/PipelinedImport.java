package dev.p2p.contact;

import dev.p2p.StoreException;
import dev.p2p.store.ContactImport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Writes an import's chunks on a writer thread while the caller parses and normalizes the next
 * ones, so that the CSV work and the database work overlap. At most {@value #DEPTH} chunks wait in
 * between, which bounds memory. A failure on the writer thread is rethrown to the caller at its
 * next call; completing or aborting happens on the caller's thread after the writer stopped.
 *
 * <p>Takes ownership of the lists passed to {@link #add(List)}. Not thread-safe, like every {@link
 * ContactImport}.
 */
final class PipelinedImport implements ContactImport {
  static final int DEPTH = 2;

  private static final List<ContactDetails> END = new ArrayList<>(0);

  private final ContactImport target;
  private final BlockingQueue<List<ContactDetails>> queue = new ArrayBlockingQueue<>(DEPTH);
  private final Thread writer;
  private volatile @Nullable RuntimeException failure;
  private volatile boolean stopping;
  private boolean finished;

  PipelinedImport(ContactImport target) {
    this.target = target;
    this.writer = new Thread(this::write, "p2p-import-writer-" + target.listId());
    writer.setDaemon(true);
    writer.start();
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
      while (!queue.offer(chunk, 20, TimeUnit.MILLISECONDS)) {
        rethrowFailure();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(
          "The import of list " + listId() + " was interrupted and rolled back; import again",
          true,
          e);
    }
  }

  @Override
  public ContactList complete() {
    if (finished) {
      throw new IllegalStateException("import of list " + listId() + " is finished");
    }
    stopWriter(false);
    rethrowFailure();
    ContactList list = target.complete();
    finished = true;
    return list;
  }

  @Override
  public void abort() {
    if (!finished) {
      finished = true;
      stopWriter(true);
      target.abort();
    }
  }

  @Override
  public void close() {
    abort();
  }

  private void write() {
    try {
      while (true) {
        List<ContactDetails> chunk = queue.take();
        if (chunk == END || stopping) {
          return;
        }
        target.add(chunk);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
    } catch (Error e) {
      failure = new StoreException("The import's writer failed: " + e, false, e);
    }
  }

  /** Lets the writer finish the queued chunks (or, when discarding, drop them) and waits. */
  private void stopWriter(boolean discard) {
    if (discard) {
      stopping = true;
      queue.clear();
    }
    boolean interrupted = false;
    while (writer.isAlive()) {
      try {
        if (queue.offer(END, 20, TimeUnit.MILLISECONDS)) {
          writer.join();
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void rethrowFailure() {
    RuntimeException e = failure;
    if (e != null) {
      throw e;
    }
  }
}
