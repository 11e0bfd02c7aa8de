package dev.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import dev.p2p.gateway.policy.GatewayPolicy;
import dev.p2p.gateway.policy.ResilientGateway;
import dev.p2p.store.memory.InMemoryStore;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GatewayRegistrationTest {
  /** A gateway that is never called: registration only. */
  private static final SmsGateway IDLE =
      new SmsGateway() {
        @Override
        public String carrier() {
          return "idle";
        }

        @Override
        public CompletableFuture<SendReceipt> send(OutboundMessage message) {
          throw new AssertionError("not called");
        }

        @Override
        public WebhookResult parse(WebhookRequest request) {
          throw new AssertionError("not called");
        }
      };

  @Test
  @DisplayName("a repeated or malformed gateway id is listed at build() with the other problems")
  void badIdsAreListedAtBuild() {
    assertThatThrownBy(
            () ->
                P2P.builder()
                    .gateway("twilio-acme", IDLE)
                    .gateway("twilio-acme", IDLE)
                    .gateway("no spaces", IDLE)
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(Violation::field)
                  .containsExactly("store", "gateway", "gateway");
              assertThat(e.violations().get(1).reason())
                  .contains("'twilio-acme' is registered twice");
              assertThat(e.violations().get(2).reason())
                  .startsWith("id 'no spaces' is not a valid id (it has a space): use 1 to 64");
            });
  }

  @Test
  @DisplayName("the registry keeps every gateway by id, in order, and cannot be changed")
  void registryIsImmutableAndOrdered() {
    try (P2P p2p =
        P2P.builder().store(InMemoryStore.create()).gateway("b", IDLE).gateway("a", IDLE).build()) {
      assertThat(p2p.gateways().byId()).containsOnlyKeys("b", "a");
      assertThat(p2p.gateways().byId().keySet()).containsExactly("b", "a");
      assertThatThrownBy(() -> p2p.gateways().byId().put("c", IDLE))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  @DisplayName("every registered gateway is wrapped in the default policy or its own")
  void gatewaysAreWrappedInTheirPolicy() {
    GatewayPolicy own = GatewayPolicy.builder().maxAttempts(1).build();
    try (P2P p2p =
        P2P.builder()
            .store(InMemoryStore.create())
            .gateway("shared", IDLE)
            .gateway("special", IDLE, own)
            .build()) {
      assertThat(p2p.gateways().find("shared"))
          .get()
          .isInstanceOfSatisfying(
              ResilientGateway.class,
              g -> assertThat(g.policy()).isSameAs(GatewayPolicy.ofDefaults()));
      assertThat(p2p.gateways().find("special"))
          .get()
          .isInstanceOfSatisfying(
              ResilientGateway.class, g -> assertThat(g.policy()).isSameAs(own));
    }
  }

  @Test
  @DisplayName(
      "an adapter that throws instead of failing its stage is turned into a gateway failure")
  void throwingAdapterBecomesGatewayFailure() {
    try (P2P p2p = P2P.builder().store(InMemoryStore.create()).gateway("idle", IDLE).build()) {
      CompletableFuture<SendReceipt> sent =
          p2p.gateways()
              .find("idle")
              .orElseThrow()
              .send(
                  OutboundMessage.text("m-1", Sender.number("+13125550100"), "+13125550123", "Hi"));
      assertThat(sent)
          .failsWithin(java.time.Duration.ofSeconds(10))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .havingCause()
          .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.retrySafe()).isFalse());
    }
  }

  @Test
  @DisplayName("closing P2P fails a pending send as not retry-safe, and refuses later sends")
  void closeFailsPendingSends() {
    CompletableFuture<SendReceipt> atCarrier = new CompletableFuture<>();
    SmsGateway slow =
        new SmsGateway() {
          @Override
          public String carrier() {
            return "slow";
          }

          @Override
          public CompletableFuture<SendReceipt> send(OutboundMessage message) {
            return atCarrier;
          }

          @Override
          public WebhookResult parse(WebhookRequest request) {
            throw new AssertionError("not called");
          }
        };
    P2P p2p = P2P.builder().store(InMemoryStore.create()).gateway("slow", slow).build();
    SmsGateway gateway = p2p.gateways().find("slow").orElseThrow();
    OutboundMessage hi =
        OutboundMessage.text("m-1", Sender.number("+13125550100"), "+13125550123", "Hi");
    CompletableFuture<SendReceipt> pending = gateway.send(hi);

    p2p.close();

    assertThat(pending)
        .failsWithin(java.time.Duration.ofSeconds(10))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.retrySafe()).isFalse());
    assertThat(gateway.send(hi))
        .failsWithin(java.time.Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.retrySafe()).isTrue());
  }
}
