package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Each check {@link GatewayContract} added for issue 18 catches the fault it names: run against the
 * fake with that one fault, the check fails.
 */
class GatewayContractMutantsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-03T14:00:00Z"), ZoneOffset.UTC);

  @Test
  @DisplayName("an adapter that drops Retry-After fails the rate-limit check")
  void ignoresRetryAfter() {
    assertCaught(
        Mutant.after(
            e ->
                e.error() instanceof GatewayError.RateLimited
                    ? rebuilt(e, GatewayError.rateLimited(Optional.empty()), e.retrySafe())
                    : e),
        contract -> contract.new RefusedSends().rateLimitedKeepsRetryAfter());
  }

  @Test
  @DisplayName("an adapter that calls a refused connection unsafe to retry fails its check")
  void refusedConnectionUnsafe() {
    assertCaught(
        Mutant.after(e -> rebuilt(e, e.error(), false)),
        contract -> contract.new RefusedSends().refusedConnectionIsRetrySafe());
  }

  @Test
  @DisplayName("an adapter that waits for the carrier inside send fails the blocking check")
  void blocksTheCaller() {
    assertCaught(new Blocking(), contract -> contract.new Threads().sendDoesNotBlock());
  }

  @Test
  @DisplayName("an adapter that leaves out expiresAt fails both expiry checks")
  void dropsExpiry() {
    UnaryOperator<OutboundMessage> drop =
        m ->
            new OutboundMessage(
                m.reference(), m.from(), m.to(), m.body(), m.media(), Optional.empty());
    assertCaught(
        Mutant.before(drop), contract -> contract.new OnTheWire().expiresAtReachesTheCarrier());
    assertCaught(Mutant.before(drop), contract -> contract.new OnTheWire().expiredIsNotSent());
  }

  @Test
  @DisplayName("an adapter that sends a messaging service's text from a number fails its check")
  void ignoresMessagingService() {
    assertCaught(
        Mutant.before(
            m ->
                new OutboundMessage(
                    m.reference(),
                    Sender.number(GatewayContract.SENDER),
                    m.to(),
                    m.body(),
                    m.media(),
                    m.expiresAt())),
        contract -> contract.new OnTheWire().messagingServiceSender());
  }

  @Test
  @DisplayName("an adapter whose receipt id is not the one its callbacks name fails through P2P")
  void receiptIdNotTheCallbacks() {
    Mutant mutant = Mutant.before(m -> m);
    mutant.receipts =
        r -> new SendReceipt(r.carrierMessageId() + "x", r.status(), r.segments(), r.from());
    assertCaught(mutant, contract -> contract.new ThroughP2P().sentDeliveredAndAnswered());
  }

  private static GatewayException rebuilt(GatewayException e, GatewayError kind, boolean safe) {
    return GatewayException.builder(e.gateway(), kind).retrySafe(safe).build("mutated");
  }

  /** Runs one check of the contract against the mutant and expects it to fail. */
  private static void assertCaught(Broken gateway, ThrowingConsumer<MutantContract> check) {
    MutantContract contract = new MutantContract(gateway);
    contract.startStubs();
    try {
      assertThatThrownBy(() -> check.accept(contract)).isInstanceOf(AssertionError.class);
    } finally {
      contract.stopStubs();
    }
  }

  /** The fake with a fault, and the fake's own stubs, which do not know of the fault. */
  private static final class MutantContract extends GatewayContract {
    private final Broken gateway;
    private final FakeGatewayStubs stubs;

    MutantContract(Broken gateway) {
      this.gateway = gateway;
      this.stubs = new FakeGatewayStubs(gateway.fake);
    }

    @Override
    protected SmsGateway gateway() {
      return gateway;
    }

    @Override
    protected GatewayStubs stubs() {
      return stubs;
    }

    @Override
    protected Clock clock() {
      return CLOCK;
    }

    @Override
    protected Duration sendTimeout() {
      return Duration.ofSeconds(5);
    }
  }

  /** A gateway that is the fake with one fault. */
  abstract static class Broken implements SmsGateway {
    final FakeGateway fake = FakeGateway.builder().clock(CLOCK).build();

    @Override
    public String carrier() {
      return fake.carrier();
    }

    @Override
    public WebhookResult parse(WebhookRequest request) {
      return fake.parse(request);
    }
  }

  /** Changes what the fake is given, what it answers, or the failures it reports. */
  static final class Mutant extends Broken {
    private UnaryOperator<OutboundMessage> messages = m -> m;
    private UnaryOperator<GatewayException> failures = e -> e;
    UnaryOperator<SendReceipt> receipts = r -> r;

    static Mutant before(UnaryOperator<OutboundMessage> change) {
      Mutant mutant = new Mutant();
      mutant.messages = change;
      return mutant;
    }

    static Mutant after(UnaryOperator<GatewayException> change) {
      Mutant mutant = new Mutant();
      mutant.failures = change;
      return mutant;
    }

    @Override
    public CompletableFuture<SendReceipt> send(OutboundMessage message) {
      CompletableFuture<SendReceipt> result = new CompletableFuture<>();
      fake.send(messages.apply(message))
          .whenComplete(
              (receipt, error) -> {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                if (cause instanceof GatewayException e) {
                  result.completeExceptionally(failures.apply(e));
                } else if (cause != null) {
                  result.completeExceptionally(cause);
                } else {
                  result.complete(receipts.apply(receipt));
                }
              });
      return result;
    }
  }

  /** Waits for the carrier's answer before returning it. */
  static final class Blocking extends Broken {
    @Override
    public CompletableFuture<SendReceipt> send(OutboundMessage message) {
      CompletableFuture<SendReceipt> answer = fake.send(message);
      answer.handle((receipt, error) -> null).join();
      return answer;
    }
  }
}
