package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.ImportReport;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.Texter;
import dev.p2p.gateway.GatewayError;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.texter.TexterProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Whose threads p2p runs on: the host's executor and scheduler when given, else its own. */
class HostThreadsTest {
  private static final String ORG = "acme";
  private static final String OUR_NUMBER = "+13125550100";
  private static final String CONTACT_PREFIX = "+131255501";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-03T15:00:00Z"), ZoneOffset.UTC);
  // Several chunks of an import, so that the writer and the reader take turns.
  private static final int ROWS = 12_000;

  private final ExecutorService host = Executors.newSingleThreadExecutor();
  private final ScheduledExecutorService hostScheduler = Executors.newScheduledThreadPool(1);

  @AfterEach
  void stopHostThreads() {
    host.shutdownNow();
    hostScheduler.shutdownNow();
  }

  private static byte[] csv() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ContactCsvGenerator.builder().rows(ROWS).build().writeTo(out);
    return out.toByteArray();
  }

  private static long expectedImported() {
    return ContactCsvGenerator.builder().rows(ROWS).build().expected().imported();
  }

  private static ImportReport importCsv(P2P p2p, byte[] csv) {
    return p2p.organization(ORG)
        .contacts()
        .importCsv("imported", new ByteArrayInputStream(csv), importOptions(), progress -> {});
  }

  private static dev.p2p.contact.ImportOptions importOptions() {
    return dev.p2p.contact.ImportOptions.defaults();
  }

  private static Set<Thread> threadsNamed(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(prefix))
        .collect(Collectors.toSet());
  }

  /** Sends one first message through a fake that refuses it, and returns the stored message. */
  private static Message sendRefused(P2P p2p, FakeGateway fake) {
    fake.failNext(1, GatewayError.permanent());
    return send(p2p, 1).get(0);
  }

  /** Sends a first message to each of {@code contacts} contacts, all from one number. */
  private static List<Message> send(P2P p2p, int contacts) {
    return sendAsync(p2p, contacts).stream().map(CompletableFuture::join).toList();
  }

  /** Starts a first message to each of {@code contacts} contacts, all from one number. */
  private static List<CompletableFuture<Message>> sendAsync(P2P p2p, int contacts) {
    Organization org = p2p.organization(ORG);
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long list = org.contacts().createList("voters").id();
    for (int i = 0; i < contacts; i++) {
      org.contacts().add(list, NewContact.builder(CONTACT_PREFIX + (10 + i)).build());
    }
    long action =
        org.actions()
            .create(
                ActionDraft.named("GOTV")
                    .contacts(list)
                    .initial("Hi, can we count on your vote?")
                    .sender(SenderSettings.numbers("fake", List.of(OUR_NUMBER))))
            .id();
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    Texter ana = org.texter("ana");
    ana.requestBatch(action);
    List<CompletableFuture<Message>> sent = new ArrayList<>();
    for (int i = 0; i < contacts; i++) {
      sent.add(ana.sendAsync(ana.nextToSend(action).orElseThrow().conversationId()));
    }
    return sent;
  }

  @Test
  @DisplayName("p2p's own workers are daemon threads named p2p-worker-N, stopped by close()")
  void ownWorkers() {
    Set<Thread> before = threadsNamed("p2p-worker-");
    P2P p2p = P2P.builder().store(InMemoryStore.create()).clock(CLOCK).build();
    assertThat(importCsv(p2p, csv()).imported()).isEqualTo(expectedImported());
    Set<Thread> started = threadsNamed("p2p-worker-");
    started.removeAll(before);
    assertThat(started).isNotEmpty().allMatch(Thread::isDaemon);
    assertThat(started.size()).isLessThanOrEqualTo(P2P.Builder.defaultWorkerThreads());
    assertThat(started)
        .extracting(Thread::getName)
        .allMatch(name -> name.matches("p2p-worker-\\d+"));

    p2p.close();
    assertThat(started).allMatch(HostThreadsTest::ends);
  }

  @Test
  @DisplayName("p2p's own scheduler is one daemon thread named p2p-scheduler, stopped by close()")
  void ownScheduler() {
    Set<Thread> before = threadsNamed("p2p-scheduler");
    FakeGateway fake = FakeGateway.builder().clock(CLOCK).build();
    P2P p2p =
        P2P.builder().store(InMemoryStore.create()).clock(CLOCK).gateway("fake", fake).build();
    // The number's second message waits for its next rate slot on the scheduler.
    assertThat(send(p2p, 2)).extracting(Message::status).containsOnly(MessageStatus.QUEUED);
    Set<Thread> started = threadsNamed("p2p-scheduler");
    started.removeAll(before);
    assertThat(started).hasSize(1).allMatch(Thread::isDaemon);
    assertThat(started).extracting(Thread::getName).containsExactly("p2p-scheduler");

    p2p.close();
    assertThat(started).allMatch(HostThreadsTest::ends);
  }

  @Test
  @DisplayName("a host's executor runs the import's writes and the send completions")
  void hostExecutorIsUsed() {
    AtomicInteger tasks = new AtomicInteger();
    Executor counting =
        task -> {
          tasks.incrementAndGet();
          host.execute(task);
        };
    FakeGateway fake = FakeGateway.builder().clock(CLOCK).build();
    try (P2P p2p =
        P2P.builder()
            .store(InMemoryStore.create())
            .clock(CLOCK)
            .executor(counting)
            .gateway("fake", fake)
            .build()) {
      assertThat(importCsv(p2p, csv()).imported()).isEqualTo(expectedImported());
      int afterImport = tasks.get();
      assertThat(afterImport).as("the import's writer tasks").isPositive();

      Message refused = sendRefused(p2p, fake);
      assertThat(refused.status()).isEqualTo(MessageStatus.FAILED);
      assertThat(tasks.get()).as("the refused send's completion").isGreaterThan(afterImport);
    }
  }

  @Test
  @DisplayName("close() leaves the host's executor and scheduler running")
  void closeLeavesTheHostsThreads() {
    FakeGateway fake = FakeGateway.builder().clock(CLOCK).build();
    P2P p2p =
        P2P.builder()
            .store(InMemoryStore.create())
            .clock(CLOCK)
            .executor(host)
            .scheduler(hostScheduler)
            .gateway("fake", fake)
            .build();
    sendRefused(p2p, fake);
    importCsv(p2p, csv());
    p2p.close();
    assertThat(host.isShutdown()).isFalse();
    assertThat(hostScheduler.isShutdown()).isFalse();
  }

  @Test
  @DisplayName("close() waits for a send's outcome still to be stored on the host's executor")
  void closeWaitsForHandedOverWork() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    Executor gated =
        task ->
            host.execute(
                () -> {
                  try {
                    gate.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  task.run();
                });
    FakeGateway fake = FakeGateway.builder().clock(CLOCK).build();
    P2P p2p =
        P2P.builder()
            .store(InMemoryStore.create())
            .clock(CLOCK)
            .executor(gated)
            .gateway("fake", fake)
            .build();
    fake.failNext(1, GatewayError.permanent());
    CompletableFuture<Message> refused = sendAsync(p2p, 1).get(0);
    Thread closer = new Thread(p2p::close, "closer");
    closer.start();
    // The condition, not a pause: close() is waiting for the handed-over work, or it has returned.
    while (closer.isAlive() && !waitingForWork(closer)) {
      Thread.onSpinWait();
    }
    assertThat(closer.isAlive()).as("close() waits while the outcome is not stored").isTrue();
    assertThat(refused).isNotDone();
    gate.countDown();
    closer.join();
    assertThat(refused).isCompletedWithValueMatching(m -> m.status() == MessageStatus.FAILED);
  }

  private static boolean waitingForWork(Thread closer) {
    return closer.getState() == Thread.State.TIMED_WAITING
        && Arrays.stream(closer.getStackTrace())
            .anyMatch(
                f -> f.getClassName().endsWith(".Workers") && f.getMethodName().equals("close"));
  }

  @Test
  @DisplayName("an import completes on a one-thread executor whose thread is busy")
  void importOnABusyOneThreadExecutor() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    host.execute(
        () -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    try (P2P p2p =
        P2P.builder().store(InMemoryStore.create()).clock(CLOCK).executor(host).build()) {
      assertThat(importCsv(p2p, csv()).imported()).isEqualTo(expectedImported());
    } finally {
      release.countDown();
    }
  }

  @Test
  @DisplayName("an import run on the one thread of the executor p2p writes with completes")
  void importOnTheExecutorsOwnThread() throws Exception {
    byte[] csv = csv();
    try (P2P p2p =
        P2P.builder().store(InMemoryStore.create()).clock(CLOCK).executor(host).build()) {
      Future<ImportReport> report = host.submit(() -> importCsv(p2p, csv));
      assertThat(report.get(60, TimeUnit.SECONDS).imported()).isEqualTo(expectedImported());
    }
  }

  @Test
  @DisplayName("a send completion the host's executor rejects runs on the calling thread")
  void rejectedCompletionIsNotLost() {
    Executor rejecting =
        task -> {
          throw new RejectedExecutionException("saturated");
        };
    FakeGateway fake = FakeGateway.builder().clock(CLOCK).build();
    try (P2P p2p =
        P2P.builder()
            .store(InMemoryStore.create())
            .clock(CLOCK)
            .executor(rejecting)
            .gateway("fake", fake)
            .build()) {
      assertThat(sendRefused(p2p, fake).status()).isEqualTo(MessageStatus.FAILED);
      assertThat(importCsv(p2p, csv()).imported()).isEqualTo(expectedImported());
    }
  }

  private static boolean ends(Thread thread) {
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !thread.isAlive();
  }
}
