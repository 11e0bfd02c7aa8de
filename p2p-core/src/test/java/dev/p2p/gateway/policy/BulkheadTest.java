package dev.p2p.gateway.policy;

import static dev.p2p.gateway.policy.Harness.LONG_CODE;
import static dev.p2p.gateway.policy.Harness.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.NumberType;
import dev.p2p.gateway.SendReceipt;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The bulkhead bounds the sends in flight at the carrier")
class BulkheadTest {
  private final Harness h = new Harness();

  private ResilientGateway twoInFlight(Duration maxWait) {
    return h.wrap(Harness.isolated().maxConcurrentSends(2).maxBulkheadWait(maxWait).build());
  }

  @Test
  @DisplayName("up to the limit, sends are in flight together")
  void upToTheLimit() {
    ResilientGateway gateway = twoInFlight(Duration.ZERO);
    h.carrier.holding();
    h.carrier.holding();

    CompletableFuture<SendReceipt> first = gateway.send(h.fromNewSender());
    CompletableFuture<SendReceipt> second = gateway.send(h.fromNewSender());

    assertThat(h.carrier.calls()).hasSize(2);
    assertThat(first).isNotDone();
    assertThat(second).isNotDone();
  }

  @Test
  @DisplayName("one over the limit fails at once, retry-safe, without calling the carrier")
  void overTheLimitFails() {
    ResilientGateway gateway = twoInFlight(Duration.ZERO);
    h.carrier.holding();
    h.carrier.holding();
    gateway.send(h.fromNewSender());
    gateway.send(h.fromNewSender());

    GatewayException failure = Harness.failure(gateway.send(h.fromNewSender()));

    assertThat(failure.error()).isEqualTo(GatewayError.retryable());
    assertThat(failure.retrySafe()).isTrue();
    assertThat(failure.getMessage()).contains("too many concurrent sends");
    assertThat(h.carrier.calls()).hasSize(2);
  }

  @Test
  @DisplayName("a finished send frees its place")
  void finishingFreesAPlace() {
    ResilientGateway gateway = twoInFlight(Duration.ZERO);
    CompletableFuture<SendReceipt> inFlight = h.carrier.holding();
    h.carrier.holding();
    gateway.send(h.fromNewSender());
    gateway.send(h.fromNewSender());

    inFlight.complete(SendReceipt.queued("SM-1"));
    CompletableFuture<SendReceipt> third = gateway.send(h.fromNewSender());

    assertThat(third).isCompleted();
    assertThat(h.carrier.calls()).hasSize(3);
  }

  @Test
  @DisplayName("a failed send frees its place too")
  void failingFreesAPlace() {
    ResilientGateway gateway = twoInFlight(Duration.ZERO);
    CompletableFuture<SendReceipt> inFlight = h.carrier.holding();
    h.carrier.holding();
    gateway.send(h.fromNewSender());
    gateway.send(h.fromNewSender());

    inFlight.completeExceptionally(Harness.carrierFailure(GatewayError.permanent(), true));
    gateway.send(h.fromNewSender());

    assertThat(h.carrier.calls()).hasSize(3);
  }

  @Test
  @DisplayName("with a max wait, one over the limit waits and goes when a place frees")
  void overTheLimitWaits() {
    ResilientGateway gateway = twoInFlight(Duration.ofSeconds(5));
    CompletableFuture<SendReceipt> inFlight = h.carrier.holding();
    h.carrier.holding();
    gateway.send(h.fromNewSender());
    gateway.send(h.fromNewSender());

    CompletableFuture<SendReceipt> third = gateway.send(h.fromNewSender());
    h.scheduler.advance(Duration.ofSeconds(4));
    assertThat(h.carrier.calls()).hasSize(2);
    inFlight.complete(SendReceipt.queued("SM-1"));

    assertThat(third).isCompleted();
    assertThat(h.carrier.callTimes()).containsExactly(T0, T0, T0.plusSeconds(4));
  }

  @Test
  @DisplayName("with a max wait, one over the limit fails once the wait has passed")
  void waitRunsOut() {
    ResilientGateway gateway = twoInFlight(Duration.ofSeconds(5));
    CompletableFuture<SendReceipt> inFlight = h.carrier.holding();
    h.carrier.holding();
    gateway.send(h.fromNewSender());
    gateway.send(h.fromNewSender());

    CompletableFuture<SendReceipt> third = gateway.send(h.fromNewSender());
    h.scheduler.advance(Duration.ofSeconds(5));

    assertThat(Harness.failure(third).getMessage()).contains("too many concurrent sends");
    inFlight.complete(SendReceipt.queued("SM-1"));
    assertThat(h.carrier.calls()).hasSize(2);
  }

  @Test
  @DisplayName("a send waiting for its sender's slot holds no place in the bulkhead")
  void rateWaitHoldsNoPlace() {
    ResilientGateway gateway =
        h.wrap(
            Harness.isolated()
                .messagesPerSecond(NumberType.LONG_CODE, 1)
                .maxConcurrentSends(1)
                .build());
    gateway.send(h.from(LONG_CODE));
    CompletableFuture<SendReceipt> waitingForSlot = gateway.send(h.from(LONG_CODE));

    CompletableFuture<SendReceipt> other = gateway.send(h.from(Harness.TOLL_FREE));

    assertThat(waitingForSlot).isNotDone();
    assertThat(other).isCompleted();
  }
}
