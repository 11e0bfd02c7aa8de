package dev.p2p.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final GatewayPolicy policy =
      GatewayPolicy.builder()
          .initialBackoff(Duration.ofSeconds(1))
          .backoffMultiplier(2)
          .maxBackoff(Duration.ofSeconds(10))
          .jitterFactor(0.25)
          .build();

  private Duration delay(double random, int attempt, Optional<Duration> retryAfter) {
    return new Backoff(policy, () -> random).delay(attempt, retryAfter);
  }

  @Test
  @DisplayName("the lowest random number takes the jitter factor off the exponential backoff")
  void lowestJitter() {
    assertThat(delay(0, 1, Optional.empty())).isEqualTo(Duration.ofMillis(750));
    assertThat(delay(0, 3, Optional.empty())).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  @DisplayName("the middle random number gives the exponential backoff itself")
  void noJitter() {
    assertThat(delay(0.5, 1, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
    assertThat(delay(0.5, 2, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
    assertThat(delay(0.5, 3, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  @DisplayName("the highest random numbers approach the jitter factor on top")
  void highestJitter() {
    assertThat(delay(0.999_999, 2, Optional.empty()))
        .isBetween(Duration.ofMillis(2_499), Duration.ofMillis(2_500));
  }

  @Test
  @DisplayName("the max backoff caps the jittered delay")
  void capped() {
    assertThat(delay(0.999_999, 10, Optional.empty())).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  @DisplayName("a longer retry-after wins over the backoff, even beyond the max backoff")
  void retryAfterIsAFloor() {
    assertThat(delay(0.5, 1, Optional.of(Duration.ofSeconds(42))))
        .isEqualTo(Duration.ofSeconds(42));
  }

  @Test
  @DisplayName("a shorter retry-after leaves the backoff as it is")
  void shortRetryAfter() {
    assertThat(delay(0.5, 2, Optional.of(Duration.ofMillis(10)))).isEqualTo(Duration.ofSeconds(2));
  }
}
