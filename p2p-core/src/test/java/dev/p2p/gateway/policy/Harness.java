package dev.p2p.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.NumberType;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.Sender;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every decorator test needs: a clock that moves only when told, a scheduler on that clock,
 * the scripted carrier, and helpers for messages and outcomes.
 */
final class Harness {
  static final Instant T0 = Instant.parse("2025-03-04T15:00:00Z");
  static final Sender LONG_CODE = Sender.number("+15551230001");
  static final Sender OTHER_LONG_CODE = Sender.number("+15551230002");
  static final Sender TOLL_FREE = Sender.number("+18885550100");
  static final Sender SHORT_CODE = Sender.number("12345");

  final MutableClock clock = new MutableClock(T0);
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final ScriptedGateway carrier = new ScriptedGateway(clock);
  private final AtomicInteger references = new AtomicInteger();
  private final AtomicInteger senders = new AtomicInteger();

  ResilientGateway wrap(GatewayPolicy policy) {
    return ResilientGateway.wrap(carrier, policy, clock, scheduler);
  }

  /**
   * A policy that isolates one concern: one attempt, and senders fast enough (10,000/s) that the
   * rate limiter never makes a send wait.
   */
  static GatewayPolicy.Builder isolated() {
    GatewayPolicy.Builder b = GatewayPolicy.builder().maxAttempts(1);
    for (NumberType type : NumberType.values()) {
      b.messagesPerSecond(type, 10_000);
    }
    return b;
  }

  /** A message from a sender used by no other message, so that no rate slot makes it wait. */
  OutboundMessage fromNewSender() {
    return from(Sender.number(String.format("+1555200%04d", senders.incrementAndGet())));
  }

  OutboundMessage from(Sender sender) {
    return OutboundMessage.text(
        "m-" + references.incrementAndGet(), sender, "+15557654321", "Will you vote Tuesday?");
  }

  /** The failure a completed stage failed with, checked to be a bare GatewayException. */
  static GatewayException failure(CompletableFuture<?> sent) {
    assertThat(sent).isCompletedExceptionally();
    Throwable failure = sent.handle((receipt, e) -> e).join();
    assertThat(failure).isInstanceOf(GatewayException.class);
    return (GatewayException) failure;
  }

  static GatewayException carrierFailure(GatewayError error, boolean retrySafe) {
    return GatewayException.builder("scripted", error).retrySafe(retrySafe).build("refused");
  }
}
