package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.sms.Segments;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FakeGatewayTest {
  private static final Instant NOW = Instant.parse("2026-11-03T14:00:00Z");
  private static final String ANA = "+13125550101";
  private static final String BEN = "+13125550102";
  private static final String SENDER = "+13125550199";

  private final ManualScheduler scheduler = new ManualScheduler();
  private final FakeGateway fake =
      FakeGateway.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).scheduler(scheduler).build();

  private static OutboundMessage text(String reference, String to, String body) {
    return OutboundMessage.text(reference, Sender.number(SENDER), to, body);
  }

  private static GatewayException failureOf(CompletableFuture<SendReceipt> future) {
    assertThat(future).isCompletedExceptionally();
    Throwable thrown = future.handle((receipt, failure) -> failure).join();
    assertThat(thrown).isInstanceOf(GatewayException.class);
    return (GatewayException) thrown;
  }

  @Nested
  @DisplayName("recording sends")
  class Recording {
    @Test
    @DisplayName("an accepted send is recorded with reference, phones, body, media, id and time")
    void recordsEverything() {
      URI flyer = URI.create("https://media.example.com/flyer.png");
      fake.send(
          new OutboundMessage(
              "m-1", Sender.number(SENDER), ANA, "Vote Tuesday", List.of(flyer), Optional.empty()));
      assertThat(fake.sent())
          .containsExactly(
              new SentMessage(
                  "m-1",
                  Sender.number(SENDER),
                  ANA,
                  "Vote Tuesday",
                  List.of(flyer),
                  "FK-1",
                  1,
                  NOW));
    }

    @Test
    @DisplayName("the receipt has the carrier id, QUEUED, the segments and the sender number")
    void receipt() {
      SendReceipt receipt = fake.send(text("m-1", ANA, "Hi")).join();
      assertThat(receipt)
          .isEqualTo(
              new SendReceipt(
                  "FK-1", MessageStatus.QUEUED, java.util.OptionalInt.of(1), Optional.of(SENDER)));
    }

    @Test
    @DisplayName("a messaging-service send records the service; the receipt names no number")
    void messagingService() {
      OutboundMessage message =
          OutboundMessage.text("m-1", Sender.messagingService("MG-volunteers"), ANA, "Hi");
      assertThat(fake.send(message).join().from()).isEmpty();
      assertThat(fake.sent().get(0).from()).isEqualTo(Sender.messagingService("MG-volunteers"));
    }

    @Test
    void carrierIdsUseThePrefixAndCountUp() {
      FakeGateway other = FakeGateway.builder().idPrefix("B2").build();
      other.send(text("m-1", ANA, "Hi"));
      other.send(text("m-2", ANA, "Hi"));
      assertThat(other.sent())
          .extracting(SentMessage::carrierMessageId)
          .containsExactly("B2-1", "B2-2");
    }

    @Test
    void sentToListsOnlyThatPhonesMessagesInOrder() {
      fake.send(text("m-1", ANA, "one"));
      fake.send(text("m-2", BEN, "two"));
      fake.send(text("m-3", ANA, "three"));
      assertThat(fake.sentTo(ANA)).extracting(SentMessage::body).containsExactly("one", "three");
    }

    @Test
    void findsBySReferenceOrCarrierId() {
      fake.send(text("m-1", ANA, "one"));
      fake.send(text("m-2", BEN, "two"));
      assertThat(fake.find("m-2")).map(SentMessage::to).contains(BEN);
      assertThat(fake.find("FK-1")).map(SentMessage::reference).contains("m-1");
      assertThat(fake.find("nope")).isEmpty();
    }

    @Test
    void sentIsAnImmutableSnapshot() {
      fake.send(text("m-1", ANA, "one"));
      List<SentMessage> snapshot = fake.sent();
      fake.send(text("m-2", ANA, "two"));
      assertThat(snapshot).hasSize(1);
      assertThatThrownBy(() -> snapshot.add(snapshot.get(0)))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("clear forgets sends, attempts and planned failures")
    void clear() {
      fake.send(text("m-1", ANA, "one"));
      fake.failNext(1, GatewayError.permanent());
      fake.clear();
      fake.send(text("m-2", ANA, "two"));
      assertThat(fake.sent()).extracting(SentMessage::reference).containsExactly("m-2");
      assertThat(fake.attempts()).extracting(OutboundMessage::reference).containsExactly("m-2");
    }

    @Test
    @DisplayName("segments: 160 GSM-7 characters fit one, 161 take two, 71 non-GSM take two")
    void segments() {
      fake.send(text("a", ANA, "x".repeat(160)));
      fake.send(text("b", ANA, "x".repeat(161)));
      fake.send(text("c", ANA, "ж".repeat(71)));
      assertThat(fake.sent()).extracting(SentMessage::segments).containsExactly(1, 2, 2);
    }

    @Test
    @DisplayName(
        "segments are counted as core's Segments counts them: 'é' is GSM-7, '€' two septets")
    void segmentsAsCoreCounts() {
      List<String> bodies = List.of("Hi José", "é".repeat(160), "€".repeat(80), "€".repeat(81));
      for (int i = 0; i < bodies.size(); i++) {
        fake.send(text("s-" + i, ANA, bodies.get(i)));
      }
      assertThat(fake.sent()).extracting(SentMessage::segments).containsExactly(1, 1, 1, 2);
      assertThat(fake.sent())
          .extracting(SentMessage::segments)
          .containsExactlyElementsOf(bodies.stream().map(b -> Segments.of(b).count()).toList());
    }
  }

  @Nested
  @DisplayName("injected failures")
  class Failures {
    @Test
    @DisplayName("failNext(2, kind) fails exactly the next two sends, then sends resume")
    void failsTheNextN() {
      fake.failNext(2, GatewayError.invalidNumber());
      List<CompletableFuture<SendReceipt>> futures = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        futures.add(fake.send(text("m-" + i, ANA, "Hi")));
      }
      assertThat(failureOf(futures.get(0)).error()).isEqualTo(GatewayError.invalidNumber());
      assertThat(failureOf(futures.get(1)).error()).isEqualTo(GatewayError.invalidNumber());
      assertThat(futures.get(2))
          .isCompletedWithValueMatching(r -> r.carrierMessageId().equals("FK-1"));
    }

    @Test
    @DisplayName("a failed send counts as an attempt but is not recorded as sent")
    void failedSendIsAnAttemptOnly() {
      fake.failNext(1, GatewayError.permanent());
      fake.send(text("m-1", ANA, "Hi"));
      assertThat(fake.sent()).isEmpty();
      assertThat(fake.attempts()).extracting(OutboundMessage::reference).containsExactly("m-1");
    }

    @Test
    @DisplayName("a rate-limited failure has code F429, HTTP 429, and is retry-safe")
    void rateLimited() {
      fake.failNext(1, GatewayError.rateLimited(Optional.of(Duration.ofSeconds(30))));
      GatewayException e = failureOf(fake.send(text("m-1", ANA, "Hi")));
      assertThat(e.error())
          .isEqualTo(GatewayError.rateLimited(Optional.of(Duration.ofSeconds(30))));
      assertThat(e.carrierCode()).contains("F429");
      assertThat(e.httpStatus()).hasValue(429);
      assertThat(e.retryable()).isTrue();
      assertThat(e.gateway()).isEqualTo("fake");
    }

    @Test
    @DisplayName("a retryable failure is an ambiguous 503: not retry-safe by default")
    void retryableIsAmbiguous() {
      fake.failNext(1, GatewayError.retryable());
      GatewayException e = failureOf(fake.send(text("m-1", ANA, "Hi")));
      assertThat(e.httpStatus()).hasValue(503);
      assertThat(e.retrySafe()).isFalse();
    }

    @Test
    @DisplayName("an injected failure can be a refused connection: retry-safe, no HTTP status")
    void refusedConnection() {
      fake.failNext(
          1, InjectedFailure.of(GatewayError.retryable()).withRetrySafe(true).withoutResponse());
      GatewayException e = failureOf(fake.send(text("m-1", ANA, "Hi")));
      assertThat(e.httpStatus()).isEmpty();
      assertThat(e.retryable()).isTrue();
    }

    @Test
    void anInjectedFailureCarriesItsOwnCode() {
      fake.failNext(1, InjectedFailure.of(GatewayError.optedOut()).withCarrierCode("21610"));
      assertThat(failureOf(fake.send(text("m-1", ANA, "Hi"))).carrierCode()).contains("21610");
    }

    @Test
    void failNextNeedsAtLeastOneSend() {
      assertThatThrownBy(() -> fake.failNext(0, GatewayError.permanent()))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("acceptNextAs names the next accepted send, after any planned failure")
    void acceptNextAs() {
      fake.failNext(1, GatewayError.permanent()).acceptNextAs("SM-chosen", 4);
      fake.send(text("m-1", ANA, "Hi"));
      SendReceipt receipt = fake.send(text("m-2", ANA, "Hi")).join();
      assertThat(receipt.carrierMessageId()).isEqualTo("SM-chosen");
      assertThat(receipt.segments()).hasValue(4);
    }

    @Test
    @DisplayName("acceptNextAs refuses a carrier id too long for a send receipt, before any send")
    void acceptNextAsRefusesAnOverlongId() {
      assertThatThrownBy(() -> fake.acceptNextAs("S".repeat(129), 1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(fake.send(text("m-1", ANA, "Hi")).join().carrierMessageId()).startsWith("FK-");
    }
  }

  @Nested
  @DisplayName("injected latency")
  class Latency {
    @Test
    @DisplayName("a delayed send completes only when its scheduler runs the answer")
    void completesOnTheScheduler() {
      fake.delayNext(1, Duration.ofSeconds(2));
      CompletableFuture<SendReceipt> future = fake.send(text("m-1", ANA, "Hi"));
      assertThat(future).isNotDone();
      assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(2));
      scheduler.advance(Duration.ofMillis(1999));
      assertThat(future).isNotDone();
      scheduler.advance(Duration.ofMillis(1));
      assertThat(future).isCompletedWithValueMatching(r -> r.carrierMessageId().equals("FK-1"));
      assertThat(fake.sent()).hasSize(1);
    }

    @Test
    @DisplayName("a delayed send is recorded only once answered")
    void recordedWhenAnswered() {
      fake.delayNext(1, Duration.ofSeconds(1));
      fake.send(text("m-1", ANA, "Hi"));
      assertThat(fake.sent()).isEmpty();
      assertThat(fake.attempts()).hasSize(1);
    }

    @Test
    void latencyAppliesToTheNextNSendsOnly() {
      fake.delayNext(2, Duration.ofSeconds(1));
      fake.send(text("m-1", ANA, "Hi"));
      fake.send(text("m-2", ANA, "Hi"));
      assertThat(fake.send(text("m-3", ANA, "Hi"))).isDone();
      assertThat(scheduler.pendingDelays()).hasSize(2);
    }

    @Test
    @DisplayName("latency and a failure combine: the failure comes after the delay")
    void latencyThenFailure() {
      fake.delayNext(1, Duration.ofSeconds(1)).failNext(1, GatewayError.retryable());
      CompletableFuture<SendReceipt> future = fake.send(text("m-1", ANA, "Hi"));
      assertThat(future).isNotDone();
      scheduler.advance(Duration.ofSeconds(1));
      assertThat(failureOf(future).error()).isEqualTo(GatewayError.retryable());
    }

    @Test
    @DisplayName("a scheduler that refuses the answer fails the send as retry-safe")
    void refusingScheduler() {
      ScheduledThreadPoolExecutor stopped = new ScheduledThreadPoolExecutor(1);
      stopped.shutdown();
      FakeGateway gateway = FakeGateway.builder().scheduler(stopped).build();
      gateway.delayNext(1, Duration.ofSeconds(1));
      GatewayException e = failureOf(gateway.send(text("m-1", ANA, "Hi")));
      assertThat(e.retryable()).isTrue();
    }

    @Test
    void latencyMustBePositive() {
      assertThatThrownBy(() -> fake.delayNext(1, Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("thread safety")
  class ThreadSafety {
    private static final int THREADS = 8;
    private static final int SENDS_PER_THREAD = 500;

    private List<CompletableFuture<SendReceipt>> sendConcurrently(FakeGateway gateway)
        throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<CompletableFuture<SendReceipt>>>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        workers.add(
            pool.submit(
                () -> {
                  start.await();
                  List<CompletableFuture<SendReceipt>> mine = new ArrayList<>();
                  for (int i = 0; i < SENDS_PER_THREAD; i++) {
                    mine.add(gateway.send(text("t" + thread + "-" + i, ANA, "Hi")));
                  }
                  return mine;
                }));
      }
      start.countDown();
      List<CompletableFuture<SendReceipt>> all = new ArrayList<>();
      for (Future<List<CompletableFuture<SendReceipt>>> worker : workers) {
        all.addAll(worker.get(30, TimeUnit.SECONDS));
      }
      pool.shutdown();
      return all;
    }

    @Test
    @DisplayName("concurrent sends are each recorded once, with distinct carrier ids")
    void concurrentSends() throws Exception {
      sendConcurrently(fake);
      int total = THREADS * SENDS_PER_THREAD;
      assertThat(fake.attempts()).hasSize(total);
      assertThat(fake.sent()).hasSize(total);
      assertThat(fake.sent()).extracting(SentMessage::carrierMessageId).doesNotHaveDuplicates();
      assertThat(fake.sent()).extracting(SentMessage::reference).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("failures injected for N sends fail exactly N of many concurrent sends")
    void concurrentInjectedFailures() throws Exception {
      fake.failNext(100, GatewayError.permanent());
      List<CompletableFuture<SendReceipt>> futures = sendConcurrently(fake);
      assertThat(futures).filteredOn(CompletableFuture::isCompletedExceptionally).hasSize(100);
      assertThat(fake.sent()).hasSize(THREADS * SENDS_PER_THREAD - 100);
    }
  }

  @Nested
  @DisplayName("configuration")
  class Configuration {
    @Test
    @DisplayName("build lists every bad setting at once")
    void listsEveryProblem() {
      assertThatThrownBy(
              () ->
                  FakeGateway.builder()
                      .secret(" ")
                      .idPrefix("F K!")
                      .webhookUrl(URI.create("mailto:hooks@example.com"))
                      .build())
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(Violation::field)
                      .containsExactly("secret", "idPrefix", "webhookUrl"));
    }

    @Test
    void theSecretNeverShowsInToString() {
      assertThat(FakeGateway.builder().secret("hunter2").toString()).doesNotContain("hunter2");
    }

    @Test
    void theCarrierIsNamedFake() {
      assertThat(fake.carrier()).isEqualTo("fake");
    }

    @Test
    @DisplayName("a send never throws for a planned failure: the stage completes exceptionally")
    void failuresAreInTheStage() {
      fake.failNext(1, GatewayError.authentication());
      CompletableFuture<SendReceipt> future = fake.send(text("m-1", ANA, "Hi"));
      assertThatThrownBy(future::join)
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(GatewayException.class);
    }
  }
}
