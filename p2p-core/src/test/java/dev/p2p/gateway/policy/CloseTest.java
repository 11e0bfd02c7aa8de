package dev.p2p.gateway.policy;

import static dev.p2p.gateway.policy.Harness.LONG_CODE;
import static dev.p2p.gateway.policy.Harness.carrierFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.SendReceipt;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A closed gateway sends nothing more")
class CloseTest {
  private final Harness h = new Harness();

  @Test
  @DisplayName(
      "a send waiting for a bulkhead place when the gateway closes never reaches the carrier")
  void bulkheadWaiterIsNotSentAfterClose() {
    ResilientGateway gateway =
        h.wrap(
            Harness.isolated()
                .maxConcurrentSends(1)
                .maxBulkheadWait(Duration.ofSeconds(5))
                .build());
    CompletableFuture<SendReceipt> inFlight = h.carrier.holding();
    gateway.send(h.fromNewSender());
    CompletableFuture<SendReceipt> waiting = gateway.send(h.fromNewSender());

    gateway.close();
    inFlight.complete(SendReceipt.queued("SM-1"));

    assertThat(h.carrier.calls()).hasSize(1);
    assertThat(Harness.failure(waiting).getMessage()).contains("closed");
  }

  @Test
  @DisplayName("a send waiting to retry when the gateway closes is not retried")
  void retryIsNotSentAfterClose() {
    ResilientGateway gateway =
        h.wrap(
            Harness.isolated()
                .maxAttempts(3)
                .initialBackoff(Duration.ofSeconds(1))
                .jitterFactor(0)
                .build());
    h.carrier.failing(carrierFailure(GatewayError.retryable(), true));
    CompletableFuture<SendReceipt> sent = gateway.send(h.from(LONG_CODE));

    gateway.close();
    h.scheduler.advance(Duration.ofMinutes(1));

    assertThat(h.carrier.calls()).hasSize(1);
    assertThat(Harness.failure(sent).retrySafe()).isFalse();
  }

  @Test
  @DisplayName("a send waiting for its sender's rate slot when the gateway closes is not sent")
  void rateWaiterIsNotSentAfterClose() {
    ResilientGateway gateway =
        h.wrap(
            Harness.isolated()
                .messagesPerSecond(LONG_CODE, 1)
                .maxRateWait(Duration.ofSeconds(10))
                .build());
    gateway.send(h.from(LONG_CODE));
    CompletableFuture<SendReceipt> waiting = gateway.send(h.from(LONG_CODE));

    gateway.close();
    h.scheduler.advance(Duration.ofSeconds(2));

    assertThat(h.carrier.calls()).hasSize(1);
    assertThat(waiting).isCompletedExceptionally();
  }
}
