package dev.p2p.internal;

import dev.p2p.conversation.Message;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.internal.metrics.Mdc;
import dev.p2p.store.Receipt;
import dev.p2p.store.Store;
import dev.p2p.store.support.LogSafe;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Internal: writes the carriers' receipts of concurrent sends together, off the texters' threads.
 * One thread takes the receipts in the order they came and stores up to {@value #GROUP} of an
 * organization in one transaction ({@code MessageStore.markSentAll}), so a busy campaign pays one
 * commit for a group instead of one for each. {@link #close} writes every receipt already queued
 * before it returns. Thread-safe.
 */
public final class ReceiptQueue implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReceiptQueue.class);

  /** The most receipts written in one transaction. */
  static final int GROUP = 64;

  private final Store store;
  private final Clock clock;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final Object lock = new Object();
  private volatile boolean closing;

  private record Pending(
      String orgId, Receipt receipt, CompletableFuture<Optional<Message>> done) {}

  /** Starts the writer thread. */
  public ReceiptQueue(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.writer = new Thread(this::run, "p2p-receipts");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Queues a receipt for writing.
   *
   * @return completes with what {@code markSent} returns for it once its group is committed, or
   *     with the store's failure
   * @throws IllegalStateException once the queue is closed
   */
  public CompletableFuture<Optional<Message>> submit(
      String orgId, long messageId, SendReceipt receipt) {
    CompletableFuture<Optional<Message>> done = new CompletableFuture<>();
    synchronized (lock) {
      if (closing) {
        throw new IllegalStateException("p2p is closed: the receipt of message " + messageId);
      }
      queue.add(new Pending(orgId, new Receipt(messageId, receipt), done));
    }
    return done;
  }

  private void run() {
    List<Pending> group = new ArrayList<>(GROUP);
    while (!closing || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
        queue.drainTo(group, GROUP - 1);
        write(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        group.clear();
      }
    }
  }

  /** Writes a group, one transaction per organization in it, in the order they came. */
  private void write(List<Pending> group) {
    Map<String, List<Pending>> byOrg = new LinkedHashMap<>();
    for (Pending p : group) {
      byOrg.computeIfAbsent(p.orgId(), o -> new ArrayList<>()).add(p);
    }
    byOrg.forEach(
        (orgId, pending) -> {
          try (Mdc mdc = Mdc.of(orgId, OptionalLong.empty(), OptionalLong.empty())) {
            List<Optional<Message>> stored =
                store
                    .messages()
                    .markSentAll(
                        orgId, pending.stream().map(Pending::receipt).toList(), clock.instant());
            for (int i = 0; i < pending.size(); i++) {
              pending.get(i).done().complete(stored.get(i));
            }
          } catch (RuntimeException e) {
            log.warn(
                "Could not store {} send receipts of {}", pending.size(), orgId, LogSafe.of(e));
            pending.forEach(p -> p.done().completeExceptionally(e));
          }
        });
  }

  /** Writes every receipt already queued, then stops the writer. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      closing = true;
    }
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (writer.isAlive()) {
      log.warn("Send receipts were still being written when p2p closed");
    }
  }
}
