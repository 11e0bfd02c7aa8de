package dev.p2p.internal.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.P2PException;
import dev.p2p.StoreException;
import dev.p2p.contact.ContactDetails;
import dev.p2p.contact.ContactList;
import dev.p2p.store.ContactImport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PipelinedImportTest {
  private final ExecutorService writer = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopWriter() {
    writer.shutdownNow();
  }

  private static List<ContactDetails> chunk(int from, int to) {
    return new ArrayList<>(
        IntStream.range(from, to)
            .mapToObj(i -> ContactDetails.ofPhone(String.format("+1312555%04d", i)))
            .toList());
  }

  @Test
  @DisplayName("every chunk reaches the store, in order, before the list completes")
  void chunksArriveInOrderBeforeComplete() {
    RecordingImport target = new RecordingImport();
    ContactList list;
    try (PipelinedImport imp = new PipelinedImport(target, writer)) {
      for (int i = 0; i < 50; i++) {
        imp.add(chunk(i * 10, i * 10 + 10));
      }
      list = imp.complete();
    }
    assertThat(list.size()).isEqualTo(500);
    assertThat(target.contacts)
        .extracting(ContactDetails::phone)
        .containsExactlyElementsOf(chunk(0, 500).stream().map(ContactDetails::phone).toList());
  }

  @Test
  @DisplayName("a store failure on the writer thread reaches the caller and the import is aborted")
  void writerFailureReachesTheCallerAndAborts() {
    FailingImport target = new FailingImport(3);
    PipelinedImport imp = new PipelinedImport(target, writer);
    assertThatThrownBy(
            () -> {
              try (imp) {
                for (int i = 0; i < 100; i++) {
                  imp.add(chunk(i, i + 1));
                }
                imp.complete();
              }
            })
        .isInstanceOf(P2PException.class)
        .hasMessageContaining("database went away");
    assertThat(target.aborted).isTrue();
    assertThat(target.completed).isFalse();
  }

  @Test
  @DisplayName("an executor that never runs the writer task leaves the caller to write, in order")
  void executorThatNeverRunsTheWriter() {
    List<Runnable> parked = new ArrayList<>();
    RecordingImport target = new RecordingImport();
    ContactList list;
    try (PipelinedImport imp = new PipelinedImport(target, parked::add)) {
      for (int i = 0; i < 20; i++) {
        imp.add(chunk(i * 10, i * 10 + 10));
      }
      list = imp.complete();
    }
    assertThat(parked).hasSize(1);
    assertThat(list.size()).isEqualTo(200);
    assertThat(target.contacts)
        .extracting(ContactDetails::phone)
        .containsExactlyElementsOf(chunk(0, 200).stream().map(ContactDetails::phone).toList());
    parked.get(0).run(); // the task starting late finds nothing left to write
    assertThat(target.contacts).hasSize(200);
  }

  @Test
  @DisplayName("an executor that rejects the writer task leaves the caller to write, in order")
  void executorThatRejectsTheWriter() {
    RecordingImport target = new RecordingImport();
    Executor rejecting =
        task -> {
          throw new RejectedExecutionException("saturated");
        };
    try (PipelinedImport imp = new PipelinedImport(target, rejecting)) {
      for (int i = 0; i < 20; i++) {
        imp.add(chunk(i * 10, i * 10 + 10));
      }
      assertThat(imp.complete().size()).isEqualTo(200);
    }
    assertThat(target.contacts)
        .extracting(ContactDetails::phone)
        .containsExactlyElementsOf(chunk(0, 200).stream().map(ContactDetails::phone).toList());
  }

  @Test
  void closingWithoutCompletingAborts() {
    FailingImport target = new FailingImport(Integer.MAX_VALUE);
    try (PipelinedImport imp = new PipelinedImport(target, writer)) {
      imp.add(chunk(0, 5));
    }
    assertThat(target.aborted).isTrue();
    assertThat(target.completed).isFalse();
  }

  @Test
  void nothingMayBeAddedAfterCompletion() {
    PipelinedImport imp = new PipelinedImport(new RecordingImport(), writer);
    imp.complete();
    assertThatThrownBy(() -> imp.add(chunk(0, 1))).isInstanceOf(IllegalStateException.class);
  }

  /** Fails on the n-th chunk; records whether it was completed or aborted. */
  private static final class FailingImport implements ContactImport {
    private final int failAt;
    private final List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    volatile boolean aborted;
    volatile boolean completed;

    FailingImport(int failAt) {
      this.failAt = failAt;
    }

    @Override
    public long listId() {
      return 7;
    }

    @Override
    public void add(List<ContactDetails> chunk) {
      seen.add(chunk.size());
      if (seen.size() == failAt) {
        throw new StoreException("Could not write contacts: database went away", true);
      }
    }

    @Override
    public ContactList complete() {
      completed = true;
      return new ContactList(7, "x", 0, Instant.EPOCH);
    }

    @Override
    public void abort() {
      aborted = true;
    }

    @Override
    public void close() {
      abort();
    }
  }
}
