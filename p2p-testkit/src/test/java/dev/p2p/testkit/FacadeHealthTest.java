package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.P2P;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.policy.CircuitState;
import dev.p2p.gateway.policy.GatewayPolicy;
import dev.p2p.gateway.policy.GatewayStatus;
import dev.p2p.store.StoreHealth;
import dev.p2p.store.memory.InMemoryStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a host's health check and graceful shutdown read from the facade: {@link
 * P2P#gatewayStatus()}, {@link P2P#storeHealth()} and {@link P2P#close(Duration)}.
 */
class FacadeHealthTest {
  private static final String ORG = "acme";
  private static final String OUR_NUMBER = FakeGateway.DEFAULT_NUMBER;
  private static final Duration OPEN_WAIT = Duration.ofSeconds(30);

  private final MutableClock clock = MutableClock.at("2026-11-03T15:00:00Z");
  private final ManualScheduler carrierTime = new ManualScheduler();
  private final FakeGateway fake =
      FakeGateway.builder().clock(clock).scheduler(carrierTime).build();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final P2P p2p =
      P2P.builder()
          .store(InMemoryStore.create())
          .clock(clock)
          .gateway(
              "fake",
              fake,
              GatewayPolicy.builder()
                  .maxAttempts(1)
                  .slidingWindowSize(4)
                  .minimumCalls(4)
                  .waitInOpenState(OPEN_WAIT)
                  .build())
          .meterRegistry(meters)
          .build();

  @AfterEach
  void close() {
    p2p.close();
  }

  @Test
  @DisplayName("a gateway's circuit: closed, open after a failing burst, half-open after the wait")
  void circuitTransitions() {
    assertThat(p2p.gatewayStatus())
        .containsExactly(new GatewayStatus("fake", FakeGateway.CARRIER, CircuitState.CLOSED));
    SendCampaign campaign = SendCampaign.start(p2p, ORG, "fake", OUR_NUMBER, 6);
    fake.failNext(4, GatewayError.retryable());
    for (int i = 0; i < 4; i++) {
      campaign.sendRound(1);
    }
    assertThat(p2p.gatewayStatus())
        .extracting(GatewayStatus::circuit)
        .containsExactly(CircuitState.OPEN);
    assertThat(breakerState("open")).as("Resilience4j's own gauge, bound by p2p").isEqualTo(1.0);
    assertThat(breakerState("closed")).isZero();
    assertThat(meters.get("p2p.messages.failed").tags("kind", "retryable").counter().count())
        .isEqualTo(4);
    clock.advance(OPEN_WAIT);
    assertThat(p2p.gatewayStatus())
        .extracting(GatewayStatus::circuit)
        .containsExactly(CircuitState.HALF_OPEN);
  }

  private double breakerState(String state) {
    return meters
        .get("resilience4j.circuitbreaker.state")
        .tags("name", "fake", "state", state)
        .gauge()
        .value();
  }

  @Test
  @DisplayName("the in-memory store is always up, with nothing to detail")
  void storeHealth() {
    assertThat(p2p.storeHealth()).isEqualTo(StoreHealth.up(java.util.Map.of()));
  }

  @Test
  @DisplayName("close(grace) lets a send the carrier is still answering finish and be stored")
  void gracefulCloseWaitsForThePendingSend() throws InterruptedException {
    CompletableFuture<Message> pending = pendingSend();
    Thread closer = new Thread(() -> p2p.close(Duration.ofMinutes(1)), "closer");
    closer.start();
    awaitWaiting(closer);
    carrierTime.advance(Duration.ofSeconds(5));
    closer.join();
    Message sent = pending.join();
    assertThat(sent.status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(sent.carrierMessageId()).isPresent();
    assertThat(fake.sent()).hasSize(1);
  }

  @Test
  @DisplayName("close() fails a send the carrier has not answered: unconfirmed, left to reconcile")
  void closeFailsThePendingSend() {
    CompletableFuture<Message> pending = pendingSend();
    p2p.close();
    Message unconfirmed = pending.join();
    assertThat(unconfirmed.status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(unconfirmed.carrierMessageId()).isEmpty();
    assertThat(fake.sent()).isEmpty();
  }

  private CompletableFuture<Message> pendingSend() {
    SendCampaign campaign = SendCampaign.start(p2p, ORG, "fake", OUR_NUMBER, 1);
    fake.delayNext(1, Duration.ofSeconds(5));
    List<CompletableFuture<Message>> round = campaign.startRound(1);
    assertThat(round.get(0)).isNotDone();
    return round.get(0);
  }

  /** Waits until the thread blocks (close(grace) waiting for the send), at most ten seconds. */
  private static void awaitWaiting(Thread thread) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (thread.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(thread.getState()).isEqualTo(Thread.State.TIMED_WAITING);
  }
}
