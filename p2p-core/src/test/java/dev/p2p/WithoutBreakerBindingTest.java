package dev.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import dev.p2p.gateway.policy.CircuitState;
import dev.p2p.store.memory.InMemoryStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs only in the surefire execution {@code without-breaker-binding}: Micrometer is on the
 * classpath, Resilience4j's Micrometer binding is not (an application that has one optional
 * dependency and not the other). p2p starts with its meters, only the breaker meters are off.
 */
class WithoutBreakerBindingTest {
  @Test
  @DisplayName("the binding is absent from this run's classpath, Micrometer is present")
  void bindingIsAbsent() throws ClassNotFoundException {
    Class.forName("io.micrometer.core.instrument.MeterRegistry");
    assertThatThrownBy(
            () ->
                Class.forName(
                    "io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  @DisplayName("with a registry and a gateway p2p starts: its meters are there, no breaker meters")
  void metersWithoutTheBreakerBinding() {
    MeterRegistry meters = new SimpleMeterRegistry();
    try (P2P p2p =
        P2P.builder()
            .store(InMemoryStore.create())
            .gateway("sms", new SilentGateway())
            .meterRegistry(meters)
            .build()) {
      assertThat(p2p.gatewayStatus())
          .singleElement()
          .extracting(s -> s.circuit())
          .isEqualTo(CircuitState.CLOSED);
      assertThat(meters.find("p2p.sends.unconfirmed").gauge()).isNotNull();
      assertThat(meters.find("resilience4j.circuitbreaker.state").meters()).isEmpty();
    }
  }

  /** A gateway that is never called here. */
  private static final class SilentGateway implements SmsGateway {
    @Override
    public String carrier() {
      return "silent";
    }

    @Override
    public CompletableFuture<SendReceipt> send(OutboundMessage message) {
      throw new AssertionError("nothing is sent here");
    }

    @Override
    public WebhookResult parse(WebhookRequest request) {
      throw new AssertionError("nothing is received here");
    }
  }
}
