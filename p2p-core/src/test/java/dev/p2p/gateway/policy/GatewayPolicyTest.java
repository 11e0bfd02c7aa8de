package dev.p2p.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.gateway.NumberType;
import dev.p2p.gateway.Sender;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GatewayPolicyTest {

  @Test
  @DisplayName("the defaults are the documented constants")
  void defaults() {
    GatewayPolicy p = GatewayPolicy.ofDefaults();

    assertThat(p.messagesPerSecond(NumberType.LONG_CODE))
        .isEqualTo(GatewayPolicy.DEFAULT_LONG_CODE_RATE);
    assertThat(p.messagesPerSecond(NumberType.TOLL_FREE))
        .isEqualTo(GatewayPolicy.DEFAULT_TOLL_FREE_RATE);
    assertThat(p.messagesPerSecond(NumberType.SHORT_CODE))
        .isEqualTo(GatewayPolicy.DEFAULT_SHORT_CODE_RATE);
    assertThat(p.messagesPerSecond(NumberType.MESSAGING_SERVICE))
        .isEqualTo(GatewayPolicy.DEFAULT_MESSAGING_SERVICE_RATE);
    assertThat(p.maxRateWait()).isEqualTo(GatewayPolicy.DEFAULT_MAX_RATE_WAIT);
    assertThat(p.maxAttempts()).isEqualTo(GatewayPolicy.DEFAULT_MAX_ATTEMPTS);
    assertThat(p.initialBackoff()).isEqualTo(GatewayPolicy.DEFAULT_INITIAL_BACKOFF);
    assertThat(p.backoffMultiplier()).isEqualTo(GatewayPolicy.DEFAULT_BACKOFF_MULTIPLIER);
    assertThat(p.maxBackoff()).isEqualTo(GatewayPolicy.DEFAULT_MAX_BACKOFF);
    assertThat(p.jitterFactor()).isEqualTo(GatewayPolicy.DEFAULT_JITTER_FACTOR);
    assertThat(p.failureRateThreshold()).isEqualTo(GatewayPolicy.DEFAULT_FAILURE_RATE_THRESHOLD);
    assertThat(p.slidingWindowSize()).isEqualTo(GatewayPolicy.DEFAULT_SLIDING_WINDOW_SIZE);
    assertThat(p.minimumCalls()).isEqualTo(GatewayPolicy.DEFAULT_MINIMUM_CALLS);
    assertThat(p.waitInOpenState()).isEqualTo(GatewayPolicy.DEFAULT_WAIT_IN_OPEN_STATE);
    assertThat(p.halfOpenCalls()).isEqualTo(GatewayPolicy.DEFAULT_HALF_OPEN_CALLS);
    assertThat(p.maxConcurrentSends()).isEqualTo(GatewayPolicy.DEFAULT_MAX_CONCURRENT_SENDS);
    assertThat(p.maxBulkheadWait()).isEqualTo(GatewayPolicy.DEFAULT_MAX_BULKHEAD_WAIT);
  }

  @Test
  @DisplayName("a sender's rate is its override if it has one, else its number type's")
  void senderRate() {
    Sender tuned = Sender.number("+15551230001");
    GatewayPolicy p =
        GatewayPolicy.builder()
            .messagesPerSecond(NumberType.LONG_CODE, 2)
            .messagesPerSecond(tuned, 0.5)
            .build();

    assertThat(p.messagesPerSecond(tuned)).isEqualTo(0.5);
    assertThat(p.messagesPerSecond(Sender.number("+15551230002"))).isEqualTo(2);
    assertThat(p.messagesPerSecond(Sender.number("+18885550100")))
        .isEqualTo(GatewayPolicy.DEFAULT_TOLL_FREE_RATE);
    assertThat(p.messagesPerSecond(Sender.messagingService("MG1")))
        .isEqualTo(GatewayPolicy.DEFAULT_MESSAGING_SERVICE_RATE);
  }

  @Test
  @DisplayName("build lists every bad value at once, each with its field")
  void everyProblemAtOnce() {
    GatewayPolicy.Builder bad =
        GatewayPolicy.builder()
            .messagesPerSecond(NumberType.TOLL_FREE, 0)
            .messagesPerSecond(Sender.number("+15551230001"), Double.NaN)
            .maxRateWait(Duration.ofSeconds(-1))
            .maxAttempts(0)
            .initialBackoff(Duration.ZERO)
            .backoffMultiplier(0.5)
            .maxBackoff(Duration.ofDays(2))
            .jitterFactor(1)
            .failureRateThreshold(0)
            .slidingWindowSize(0)
            .minimumCalls(-1)
            .waitInOpenState(Duration.ZERO)
            .halfOpenCalls(0)
            .maxConcurrentSends(0)
            .maxBulkheadWait(Duration.ofMillis(-1));

    assertThatThrownBy(bad::build)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly(
                        "messagesPerSecond.TOLL_FREE",
                        "messagesPerSecond.+1******0001",
                        "maxRateWait",
                        "maxAttempts",
                        "initialBackoff",
                        "backoffMultiplier",
                        "maxBackoff",
                        "jitterFactor",
                        "failureRateThreshold",
                        "slidingWindowSize",
                        "minimumCalls",
                        "waitInOpenState",
                        "halfOpenCalls",
                        "maxConcurrentSends",
                        "maxBulkheadWait"));
  }

  @Test
  @DisplayName("the reason says what the value must be and what it was")
  void reasonsAreActionable() {
    assertThatThrownBy(() -> GatewayPolicy.builder().maxAttempts(11).build())
        .hasMessageContaining("maxAttempts must be 1 to 10, was 11");
  }

  @Test
  @DisplayName("an initial backoff longer than the max backoff is rejected")
  void initialWithinMax() {
    assertThatThrownBy(
            () ->
                GatewayPolicy.builder()
                    .initialBackoff(Duration.ofSeconds(10))
                    .maxBackoff(Duration.ofSeconds(5))
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("initialBackoff"));
  }

  @Test
  @DisplayName("minimum calls above the sliding window are rejected")
  void minimumWithinWindow() {
    assertThatThrownBy(() -> GatewayPolicy.builder().slidingWindowSize(5).minimumCalls(6).build())
        .hasMessageContaining("minimumCalls must be 1 to 5, was 6");
  }

  @Test
  @DisplayName("a builder from a policy keeps its settings and leaves the policy as it was")
  void toBuilder() {
    GatewayPolicy base =
        GatewayPolicy.builder()
            .maxAttempts(5)
            .messagesPerSecond(Sender.number("12345"), 50)
            .build();

    GatewayPolicy changed = base.toBuilder().maxConcurrentSends(3).build();

    assertThat(changed.maxAttempts()).isEqualTo(5);
    assertThat(changed.messagesPerSecond(Sender.number("12345"))).isEqualTo(50);
    assertThat(changed.maxConcurrentSends()).isEqualTo(3);
    assertThat(base.maxConcurrentSends()).isEqualTo(GatewayPolicy.DEFAULT_MAX_CONCURRENT_SENDS);
  }

  @Test
  @DisplayName("toString shows the settings on one line and no sender number")
  void readableToString() {
    String text =
        GatewayPolicy.builder()
            .messagesPerSecond(Sender.number("+15551230001"), 2)
            .build()
            .toString();

    assertThat(text)
        .contains("LONG_CODE=1.0", "TOLL_FREE=3.0", "3 attempts", "25 in flight")
        .contains("overrides for 1 senders")
        .doesNotContain("5551230001")
        .doesNotContain("\n");
  }
}
