package dev.p2p.testkit;

import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The fake carrier's send side: takes each send's plan from the ledger, answers it now or after the
 * planned latency, and records what it accepted. Thread-safe.
 */
final class FakeCarrier {
  private final Clock clock;
  private final String idPrefix;
  private final @Nullable ScheduledExecutorService scheduler;
  private final FakeLedger ledger;
  private final AtomicLong sequence = new AtomicLong();

  FakeCarrier(
      Clock clock,
      String idPrefix,
      @Nullable ScheduledExecutorService scheduler,
      FakeLedger ledger) {
    this.clock = clock;
    this.idPrefix = idPrefix;
    this.scheduler = scheduler;
    this.ledger = ledger;
  }

  /** A fresh id: the prefix, the separator and the next number of a sequence shared by all ids. */
  String nextId(String separator) {
    return idPrefix + separator + sequence.incrementAndGet();
  }

  CompletableFuture<SendReceipt> send(OutboundMessage message) {
    FakeLedger.Plan plan = ledger.begin(message);
    if (message.expiresAt().isPresent() && !message.expiresAt().get().isAfter(clock.instant())) {
      return CompletableFuture.failedFuture(
          GatewayException.builder(FakeGateway.CARRIER, GatewayError.permanent())
              .retrySafe(true)
              .build("the contact's texting window is over; the message was not sent"));
    }
    if (plan.latency().isEmpty()) {
      return settle(message, plan);
    }
    CompletableFuture<SendReceipt> answer = new CompletableFuture<>();
    Runnable reply =
        () ->
            settle(message, plan)
                .whenComplete(
                    (receipt, failure) -> {
                      if (failure != null) {
                        answer.completeExceptionally(failure);
                      } else {
                        answer.complete(receipt);
                      }
                    });
    long nanos = plan.latency().get().toNanos();
    try {
      if (scheduler != null) {
        scheduler.schedule(reply, nanos, TimeUnit.NANOSECONDS);
      } else {
        CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS).execute(reply);
      }
    } catch (RejectedExecutionException e) {
      answer.completeExceptionally(
          GatewayException.builder(FakeGateway.CARRIER, GatewayError.retryable())
              .retrySafe(true)
              .cause(e)
              .build("the fake's scheduler refused the delayed answer"));
    }
    return answer;
  }

  private CompletableFuture<SendReceipt> settle(OutboundMessage message, FakeLedger.Plan plan) {
    if (plan.failure().isPresent()) {
      return CompletableFuture.failedFuture(plan.failure().get().toException(FakeGateway.CARRIER));
    }
    String carrierId =
        plan.acceptance().map(FakeLedger.Acceptance::carrierMessageId).orElseGet(() -> nextId("-"));
    int segments =
        plan.acceptance()
            .map(FakeLedger.Acceptance::segments)
            .orElseGet(() -> FakeLedger.segments(message.body(), message.media()));
    ledger.record(
        new SentMessage(
            message.reference(),
            message.from(),
            message.to(),
            message.body(),
            message.media(),
            carrierId,
            segments,
            clock.instant()));
    Optional<String> from =
        message.from() instanceof Sender.Number number
            ? Optional.of(number.phone())
            : Optional.empty();
    return CompletableFuture.completedFuture(
        new SendReceipt(carrierId, MessageStatus.QUEUED, OptionalInt.of(segments), from));
  }
}
