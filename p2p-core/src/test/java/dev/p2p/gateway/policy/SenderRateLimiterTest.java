package dev.p2p.gateway.policy;

import static dev.p2p.gateway.policy.Harness.LONG_CODE;
import static dev.p2p.gateway.policy.Harness.OTHER_LONG_CODE;
import static dev.p2p.gateway.policy.Harness.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.gateway.NumberType;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SenderRateLimiterTest {
  private final MutableClock clock = new MutableClock(T0);
  private final SenderRateLimiter limiter =
      new SenderRateLimiter(
          GatewayPolicy.builder().messagesPerSecond(NumberType.LONG_CODE, 1).build(), clock);

  @Test
  @DisplayName("a sender is remembered while its next slot is ahead")
  void busySenderIsKept() {
    limiter.reserve(LONG_CODE);
    limiter.reserve(LONG_CODE);
    clock.advance(Duration.ofMillis(1_500));

    assertThat(limiter.trackedSenders()).isEqualTo(1);
  }

  @Test
  @DisplayName("a sender idle past its next slot is dropped, so idle senders cost no memory")
  void idleSenderIsDropped() {
    limiter.reserve(LONG_CODE);
    limiter.reserve(OTHER_LONG_CODE);
    clock.advance(Duration.ofMinutes(1));

    assertThat(limiter.trackedSenders()).isZero();
  }

  @Test
  @DisplayName("the interval is one second over the rate")
  void interval() {
    assertThat(SenderRateLimiter.interval(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(SenderRateLimiter.interval(4)).isEqualTo(Duration.ofMillis(250));
    assertThat(SenderRateLimiter.interval(0.001)).isEqualTo(Duration.ofSeconds(1_000));
  }
}
