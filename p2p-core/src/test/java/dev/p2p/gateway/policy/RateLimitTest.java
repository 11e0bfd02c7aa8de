package dev.p2p.gateway.policy;

import static dev.p2p.gateway.policy.Harness.LONG_CODE;
import static dev.p2p.gateway.policy.Harness.OTHER_LONG_CODE;
import static dev.p2p.gateway.policy.Harness.T0;
import static dev.p2p.gateway.policy.Harness.TOLL_FREE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.NumberType;
import dev.p2p.gateway.SendReceipt;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The rate limiter spaces each sender's sends at its rate")
class RateLimitTest {
  private final Harness h = new Harness();

  /** One attempt; long codes at 1/s and toll-free at 3/s (the defaults); waits up to 2 s. */
  private final ResilientGateway gateway =
      h.wrap(
          GatewayPolicy.builder()
              .maxAttempts(1)
              .messagesPerSecond(NumberType.LONG_CODE, 1)
              .messagesPerSecond(NumberType.TOLL_FREE, 3)
              .maxRateWait(Duration.ofSeconds(2))
              .build());

  @Test
  @DisplayName("a sender's first send goes to the carrier at once")
  void firstSendAtOnce() {
    CompletableFuture<SendReceipt> sent = gateway.send(h.from(LONG_CODE));

    assertThat(sent).isCompleted();
    assertThat(h.carrier.callTimes()).containsExactly(T0);
  }

  @Test
  @DisplayName("a second send on the same long code waits one interval, on the scheduler")
  void secondSendWaitsOneInterval() {
    gateway.send(h.from(LONG_CODE));
    CompletableFuture<SendReceipt> second = gateway.send(h.from(LONG_CODE));

    assertThat(second).isNotDone();
    h.scheduler.advance(Duration.ofMillis(999));
    assertThat(h.carrier.calls()).hasSize(1);
    h.scheduler.advance(Duration.ofMillis(1));
    assertThat(second).isCompleted();
    assertThat(h.carrier.callTimes()).containsExactly(T0, T0.plusSeconds(1));
  }

  @Test
  @DisplayName("sends queue one interval apart: the third goes two intervals after the first")
  void sendsQueueInOrder() {
    gateway.send(h.from(LONG_CODE));
    gateway.send(h.from(LONG_CODE));
    gateway.send(h.from(LONG_CODE));

    h.scheduler.advance(Duration.ofSeconds(5));

    assertThat(h.carrier.callTimes()).containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2));
  }

  @Test
  @DisplayName("different senders do not wait for each other")
  void sendersAreIndependent() {
    gateway.send(h.from(LONG_CODE));
    gateway.send(h.from(OTHER_LONG_CODE));
    gateway.send(h.from(TOLL_FREE));

    assertThat(h.carrier.callTimes()).containsExactly(T0, T0, T0);
  }

  @Test
  @DisplayName("a toll-free number sends faster than a long code")
  void tollFreeIsFaster() {
    gateway.send(h.from(TOLL_FREE));
    gateway.send(h.from(TOLL_FREE));
    gateway.send(h.from(LONG_CODE));
    gateway.send(h.from(LONG_CODE));

    h.scheduler.advance(Duration.ofSeconds(2));

    assertThat(h.carrier.calls())
        .filteredOn(c -> c.message().from().equals(TOLL_FREE))
        .extracting(ScriptedGateway.Call::at)
        .containsExactly(T0, T0.plusNanos(333_333_333));
    assertThat(h.carrier.calls())
        .filteredOn(c -> c.message().from().equals(LONG_CODE))
        .extracting(ScriptedGateway.Call::at)
        .containsExactly(T0, T0.plusSeconds(1));
  }

  @Test
  @DisplayName("a per-sender override beats the rate of its number type")
  void overrideWins() {
    ResilientGateway fast =
        h.wrap(
            Harness.isolated()
                .messagesPerSecond(NumberType.LONG_CODE, 1)
                .messagesPerSecond(LONG_CODE, 4)
                .build());

    fast.send(h.from(LONG_CODE));
    fast.send(h.from(LONG_CODE));
    h.scheduler.advance(Duration.ofSeconds(1));

    assertThat(h.carrier.callTimes()).containsExactly(T0, T0.plusMillis(250));
  }

  @Test
  @DisplayName(
      "a send whose slot is beyond the max wait fails at once, rate-limited until its slot,"
          + " without calling the carrier")
  void overMaxWaitFailsFast() {
    gateway.send(h.from(LONG_CODE)); // slot now
    gateway.send(h.from(LONG_CODE)); // waits 1 s
    gateway.send(h.from(LONG_CODE)); // waits 2 s, the most allowed
    CompletableFuture<SendReceipt> fourth = gateway.send(h.from(LONG_CODE)); // would wait 3 s

    GatewayException failure = Harness.failure(fourth);
    assertThat(failure.error())
        .isEqualTo(GatewayError.rateLimited(Optional.of(Duration.ofSeconds(3))));
    assertThat(failure.retrySafe()).isTrue();
    h.scheduler.advance(Duration.ofMinutes(1));
    assertThat(h.carrier.calls()).hasSize(3);
  }

  @Test
  @DisplayName("a refused send reserves nothing: the next send after a wait gets the next slot")
  void refusalReservesNothing() {
    for (int i = 0; i < 4; i++) {
      gateway.send(h.from(LONG_CODE)); // the fourth is refused
    }
    h.scheduler.advance(Duration.ofSeconds(1));

    gateway.send(h.from(LONG_CODE));
    h.scheduler.advance(Duration.ofSeconds(10));

    assertThat(h.carrier.callTimes())
        .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3));
  }

  @Test
  @DisplayName("the rate-limited failure masks the sender's number")
  void refusalMasksTheSender() {
    for (int i = 0; i < 3; i++) {
      gateway.send(h.from(LONG_CODE));
    }

    GatewayException failure = Harness.failure(gateway.send(h.from(LONG_CODE)));

    assertThat(failure.getMessage()).contains("+1******0001").doesNotContain("5551230001");
  }

  @Test
  @DisplayName("a sender idle past its last slot sends at once again")
  void idleSenderStartsFresh() {
    gateway.send(h.from(LONG_CODE));
    h.scheduler.advance(Duration.ofMinutes(5));

    gateway.send(h.from(LONG_CODE));

    assertThat(h.carrier.callTimes()).containsExactly(T0, T0.plusSeconds(300));
  }
}
