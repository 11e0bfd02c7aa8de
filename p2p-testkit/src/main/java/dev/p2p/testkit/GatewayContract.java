package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The behaviour every {@link SmsGateway} must show against its carrier's stub server. An adapter
 * proves itself with a short subclass:
 *
 * <pre>{@code
 * class AcmeGatewayContractTest extends GatewayContract {
 *   private final WireMockServer server = new WireMockServer(options().dynamicPort());
 *   private AcmeStubs stubs;
 *   private AcmeGateway gateway;
 *
 *   protected void startStubServer() {
 *     server.start();
 *     stubs = new AcmeStubs(server, SECRET);
 *     gateway = AcmeGateway.builder().baseUrl(server.baseUrl()).secret(SECRET).build();
 *   }
 *   protected void stopStubServer() { server.stop(); }
 *   protected SmsGateway gateway() { return gateway; }
 *   protected GatewayStubs stubs() { return stubs; }
 * }
 * }</pre>
 *
 * <p>The stub server is started before each test and stopped after it. An adapter only translates,
 * so nothing here involves retries or rate limits: the core's policy does that. Beyond parsing and
 * classifying, the contract checks what a send puts on the wire (credentials, {@code expiresAt},
 * messaging-service senders), that {@code send} never blocks its caller, that a {@code Retry-After}
 * and a refused connection are reported as they are, and that the gateway's webhooks land when a
 * CRM hands them to {@code p2p.webhooks()}. {@link FakeGatewayContract} with {@link
 * FakeGatewayStubs} is the worked example; docs/writing-a-gateway-adapter.md explains each check.
 */
public abstract class GatewayContract {
  /** The contact every test sends to. */
  protected static final String CONTACT = "+13125550101";

  /** The sender number every test sends from. */
  protected static final String SENDER = "+13125550199";

  private static final List<URI> MEDIA =
      List.of(
          URI.create("https://media.example.com/flyer.png"),
          URI.create("https://media.example.com/map.jpg"));

  /** Every error kind: a send can be refused with any of them, whatever webhooks can carry. */
  private static final List<GatewayError> EVERY_KIND =
      List.of(
          GatewayError.retryable(),
          GatewayError.rateLimited(Optional.empty()),
          GatewayError.optedOut(),
          GatewayError.invalidNumber(),
          GatewayError.permanent(),
          GatewayError.authentication());

  private final AtomicInteger references = new AtomicInteger();

  /** The gateway under test, configured against the stub server. */
  protected abstract SmsGateway gateway();

  /** The stubs that speak the carrier's wire format for {@link #gateway()}. */
  protected abstract GatewayStubs stubs();

  /** Starts the stub server (and builds the gateway and stubs) before each test. No-op default. */
  protected void startStubServer() {}

  /** Stops the stub server after each test. No-op default. */
  protected void stopStubServer() {}

  /**
   * A carrier message id for the stubs to hand out; override for a carrier that checks the form.
   */
  protected String carrierMessageId(int n) {
    return String.format("CM%032x", n);
  }

  /** How long a send may take against the stub server before the test fails. */
  protected Duration sendTimeout() {
    return Duration.ofSeconds(10);
  }

  /**
   * The clock the gateway under test reads (for validity periods and token expiry): the system UTC
   * clock unless overridden. The contract sets each message's {@code expiresAt} from it.
   */
  protected Clock clock() {
    return Clock.systemUTC();
  }

  @BeforeEach
  void startStubs() {
    startStubServer();
  }

  @AfterEach
  void stopStubs() {
    stopStubServer();
  }

  /** A message from {@link #SENDER} to {@link #CONTACT} with a fresh reference. */
  protected OutboundMessage message(String body, List<URI> media) {
    return new OutboundMessage(
        "contract-" + references.incrementAndGet(),
        Sender.number(SENDER),
        CONTACT,
        body,
        media,
        Optional.empty());
  }

  /** A text from {@link #SENDER} to {@link #CONTACT} that the carrier should drop at {@code at}. */
  private OutboundMessage expiring(Instant at) {
    return new OutboundMessage(
        "contract-" + references.incrementAndGet(),
        Sender.number(SENDER),
        CONTACT,
        "Polls close at 8",
        List.of(),
        Optional.of(at));
  }

  private SendReceipt sent(CompletableFuture<SendReceipt> future) {
    try {
      return future.get(sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("the send failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("the send did not complete in " + sendTimeout(), e);
    }
  }

  private GatewayException refused(CompletableFuture<SendReceipt> future) {
    try {
      future.get(sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GatewayException refusal) {
        return refusal;
      }
      throw new AssertionError("expected a GatewayException, got " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("the send did not complete in " + sendTimeout(), e);
    }
    return fail("the send succeeded; a GatewayException was expected");
  }

  private GatewayException refusedAs(GatewayError kind) {
    stubs().refuseNextSend(kind);
    CompletableFuture<SendReceipt> future = gateway().send(message("Hi", List.of()));
    return refused(future);
  }

  private static List<GatewayEvent> accepted(WebhookResult result) {
    assertThat(result).isInstanceOf(WebhookResult.Accepted.class);
    WebhookResult.Accepted accepted = (WebhookResult.Accepted) result;
    assertThat(accepted.response().status()).isBetween(200, 299);
    return accepted.events();
  }

  private static int rejectedStatus(WebhookResult result) {
    assertThat(result).isInstanceOf(WebhookResult.Rejected.class);
    return ((WebhookResult.Rejected) result).status();
  }

  @Nested
  @DisplayName("sending")
  class Sending {
    @Test
    @DisplayName("an accepted send completes with the carrier's message id")
    void receiptHasCarrierId() {
      stubs().acceptNextSend(carrierMessageId(1), 1);
      CompletableFuture<SendReceipt> future = gateway().send(message("Hi Ana", List.of()));
      assertThat(sent(future).carrierMessageId()).isEqualTo(carrierMessageId(1));
    }

    @Test
    @DisplayName("the receipt's status is an initial one, not final")
    void receiptStatusIsNotFinal() {
      stubs().acceptNextSend(carrierMessageId(2), 1);
      CompletableFuture<SendReceipt> future = gateway().send(message("Hi Ana", List.of()));
      assertThat(sent(future).status().isFinal()).isFalse();
    }

    @Test
    @DisplayName("the receipt's segment count, when there is one, is the carrier's")
    void receiptSegmentsAreTheCarriers() {
      stubs().acceptNextSend(carrierMessageId(3), 3);
      CompletableFuture<SendReceipt> future = gateway().send(message("Hi Ana", List.of()));
      SendReceipt receipt = sent(future);
      if (receipt.segments().isPresent()) {
        assertThat(receipt.segments().getAsInt()).isEqualTo(3);
      }
    }

    @Test
    @DisplayName("the carrier receives the message's recipient, sender and body")
    void wireCarriesToFromAndBody() {
      stubs().acceptNextSend(carrierMessageId(4), 1);
      sent(gateway().send(message("Hi Ana, will you vote Tuesday?", List.of())));
      assertThat(stubs().lastSend())
          .isEqualTo(new WireMessage(CONTACT, SENDER, "Hi Ana, will you vote Tuesday?", List.of()));
    }

    @Test
    @DisplayName("media is sent with the message, in order")
    void wireCarriesMedia() {
      stubs().acceptNextSend(carrierMessageId(5), 1);
      sent(gateway().send(message("Your polling place", MEDIA)));
      assertThat(stubs().lastSend().media()).containsExactlyElementsOf(MEDIA);
    }

    @Test
    @DisplayName("accents and emoji reach the carrier intact")
    void wireKeepsUnicode() {
      stubs().acceptNextSend(carrierMessageId(6), 1);
      sent(gateway().send(message("¡Hola José! 🗳️ café", List.of())));
      assertThat(stubs().lastSend().body()).isEqualTo("¡Hola José! 🗳️ café");
    }
  }

  @Nested
  @DisplayName("refused sends")
  class RefusedSends {
    @TestFactory
    @DisplayName("each error kind comes back as a GatewayException of that kind")
    Stream<DynamicTest> eachKind() {
      return EVERY_KIND.stream()
          .map(
              kind ->
                  DynamicTest.dynamicTest(
                      ErrorKinds.name(kind),
                      () -> {
                        GatewayException e = refusedAs(kind);
                        assertThat(e.error()).isInstanceOf(kind.getClass());
                        assertThat(e.gateway()).isEqualTo(gateway().carrier());
                      }));
    }

    @Test
    @DisplayName("a rate-limited send is retry-safe: the carrier never processed it")
    void rateLimitedIsRetrySafe() {
      GatewayException e = refusedAs(GatewayError.rateLimited(Optional.empty()));
      assertThat(e.retrySafe()).isTrue();
      assertThat(e.retryable()).isTrue();
    }

    @Test
    @DisplayName("an ambiguous server error is not retry-safe: the carrier may have sent it")
    void ambiguousFailureIsNotRetrySafe() {
      GatewayException e = refusedAs(GatewayError.retryable());
      assertThat(e.retrySafe()).isFalse();
      assertThat(e.retryable()).isFalse();
    }

    @Test
    @DisplayName("a connection cut after the request was sent is not retry-safe: it may have gone")
    void cutConnectionIsNotRetrySafe() {
      stubs().cutNextSend();
      GatewayException e = refused(gateway().send(message("Hi", List.of())));
      assertThat(e.error()).isInstanceOf(GatewayError.Retryable.class);
      assertThat(e.retrySafe()).isFalse();
      assertThat(e.httpStatus()).isEmpty();
    }

    @Test
    @DisplayName("a refused connection is retryable and retry-safe: nothing reached the carrier")
    void refusedConnectionIsRetrySafe() {
      stubs().refuseConnections();
      GatewayException e = refused(gateway().send(message("Hi", List.of())));
      assertThat(e.error()).isInstanceOf(GatewayError.Retryable.class);
      assertThat(e.retrySafe()).as("retry-safe").isTrue();
      assertThat(e.httpStatus()).isEmpty();
    }

    @Test
    @DisplayName("a rate-limited refusal carries the carrier's Retry-After as its delay")
    void rateLimitedKeepsRetryAfter() {
      GatewayException e = refusedAs(GatewayError.rateLimited(Optional.of(Duration.ofSeconds(17))));
      assertThat(e.error())
          .isInstanceOfSatisfying(
              GatewayError.RateLimited.class,
              limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(17)));
    }

    @TestFactory
    @DisplayName("opted-out, invalid-number, permanent and authentication refusals are not retried")
    Stream<DynamicTest> finalKindsAreNotRetryable() {
      return Stream.of(
              GatewayError.optedOut(),
              GatewayError.invalidNumber(),
              GatewayError.permanent(),
              GatewayError.authentication())
          .map(
              kind ->
                  DynamicTest.dynamicTest(
                      ErrorKinds.name(kind),
                      () -> assertThat(refusedAs(kind).retryable()).isFalse()));
    }
  }

  @Nested
  @DisplayName("what a send puts on the wire")
  class OnTheWire {
    @Test
    @DisplayName("a send carries the account's credentials")
    void sendsCredentials() {
      stubs().acceptNextSend(carrierMessageId(7), 1);
      sent(gateway().send(message("Hi Ana", List.of())));
      assertThat(stubs().lastSendAuthenticated())
          .as("the carrier accepts its credentials")
          .isTrue();
    }

    @Test
    @DisplayName("a message with expiresAt tells the carrier to give up then")
    void expiresAtReachesTheCarrier() {
      assumeTrue(stubs().carrierExpiresMessages(), "the carrier takes no validity period");
      Instant at = clock().instant().plus(Duration.ofHours(2));
      stubs().acceptNextSend(carrierMessageId(8), 1);
      sent(gateway().send(expiring(at)));
      assertThat(stubs().lastSend().expiresAt())
          .as("when the carrier gives up")
          .hasValueSatisfying(
              given ->
                  assertThat(given).isBetween(at.minus(Duration.ofMinutes(1)), at.plusSeconds(5)));
    }

    @Test
    @DisplayName("a message whose expiresAt has passed is refused, retry-safe, and never sent")
    void expiredIsNotSent() {
      stubs().acceptNextSend(carrierMessageId(9), 1);
      GatewayException e =
          refused(gateway().send(expiring(clock().instant().minus(Duration.ofMinutes(1)))));
      assertThat(e.error()).isInstanceOf(GatewayError.Permanent.class);
      assertThat(e.retrySafe()).as("retry-safe").isTrue();
      assertThatThrownBy(stubs()::lastSend)
          .as("the carrier received nothing")
          .isInstanceOf(AssertionError.class);
    }

    @Test
    @DisplayName("a messaging-service sender reaches the carrier as that service, or is refused")
    void messagingServiceSender() {
      OutboundMessage viaService =
          new OutboundMessage(
              "contract-" + references.incrementAndGet(),
              Sender.messagingService(stubs().messagingService().orElse("MG-contract")),
              CONTACT,
              "Hi from the campaign",
              List.of(),
              Optional.empty());
      stubs().acceptNextSend(carrierMessageId(13), 1);
      if (stubs().messagingService().isPresent()) {
        sent(gateway().send(viaService));
        assertThat(stubs().lastSend().from()).isEqualTo(stubs().messagingService().get());
      } else {
        GatewayException e = refused(gateway().send(viaService));
        assertThat(e.error()).isInstanceOf(GatewayError.Permanent.class);
        assertThat(e.retrySafe()).as("retry-safe").isTrue();
        assertThatThrownBy(stubs()::lastSend).isInstanceOf(AssertionError.class);
      }
    }
  }

  @Nested
  @DisplayName("threads")
  class Threads {
    @Test
    @DisplayName("send returns before the carrier answers: it never blocks the caller's thread")
    void sendDoesNotBlock() {
      stubs().acceptNextSendAfter(carrierMessageId(14), 1, Duration.ofSeconds(3));
      CompletableFuture<SendReceipt> future = gateway().send(message("Hi Ana", List.of()));
      assertThat(future.isDone())
          .as("the stage is still open when send returns, the carrier not having answered")
          .isFalse();
      assertThat(sent(future).carrierMessageId()).isEqualTo(carrierMessageId(14));
    }
  }

  @Nested
  @DisplayName("through P2P")
  class ThroughP2P {
    @Test
    @DisplayName(
        "a message sent through P2P is delivered, and answered, by webhooks to p2p.webhooks()")
    void sentDeliveredAndAnswered() {
      new ContractCampaign(GatewayContract.this).run();
    }
  }

  @Nested
  @DisplayName("inbound messages")
  class Inbound {
    @Test
    @DisplayName("an inbound text parses to one message with its id, phones and body")
    void text() {
      WebhookRequest request =
          stubs().inbound(carrierMessageId(10), CONTACT, SENDER, "Yes, count me in", List.of());
      assertThat(accepted(gateway().parse(request)))
          .singleElement()
          .isInstanceOfSatisfying(
              InboundMessage.class,
              in -> {
                assertThat(in.carrierMessageId()).isEqualTo(carrierMessageId(10));
                assertThat(in.from()).isEqualTo(CONTACT);
                assertThat(in.to()).isEqualTo(SENDER);
                assertThat(in.body()).isEqualTo("Yes, count me in");
                assertThat(in.media()).isEmpty();
              });
    }

    @Test
    @DisplayName("inbound media parses to its URLs, in order")
    void media() {
      WebhookRequest request = stubs().inbound(carrierMessageId(11), CONTACT, SENDER, "", MEDIA);
      assertThat(accepted(gateway().parse(request)))
          .singleElement()
          .isInstanceOfSatisfying(
              InboundMessage.class, in -> assertThat(in.media()).containsExactlyElementsOf(MEDIA));
    }

    @Test
    @DisplayName("accents and emoji in an inbound body survive parsing")
    void unicode() {
      WebhookRequest request =
          stubs().inbound(carrierMessageId(12), CONTACT, SENDER, "Sí ✓ 😀 «merci»", List.of());
      assertThat(accepted(gateway().parse(request)))
          .singleElement()
          .isInstanceOfSatisfying(
              InboundMessage.class, in -> assertThat(in.body()).isEqualTo("Sí ✓ 😀 «merci»"));
    }
  }

  @Nested
  @DisplayName("status updates")
  class Statuses {
    @TestFactory
    @DisplayName("each status the carrier can express parses as itself")
    Stream<DynamicTest> eachStatus() {
      return stubs().statuses().stream()
          .filter(status -> status != MessageStatus.FAILED && status != MessageStatus.UNDELIVERED)
          .map(status -> DynamicTest.dynamicTest(status.name(), () -> parsesAs(status)));
    }

    private void parsesAs(MessageStatus status) {
      WebhookRequest request = stubs().status(carrierMessageId(20), status);
      assertThat(accepted(gateway().parse(request)))
          .singleElement()
          .isInstanceOfSatisfying(
              StatusUpdate.class,
              update -> {
                assertThat(update.carrierMessageId()).isEqualTo(carrierMessageId(20));
                assertThat(update.status()).isEqualTo(status);
                assertThat(update.error()).isEmpty();
              });
    }

    @TestFactory
    @DisplayName("each failure parses with its status, its error kind and the carrier's code")
    Stream<DynamicTest> eachFailure() {
      return stubs().statuses().stream()
          .filter(status -> status == MessageStatus.FAILED || status == MessageStatus.UNDELIVERED)
          .flatMap(
              status ->
                  stubs().failureKinds().stream()
                      .map(
                          kind ->
                              DynamicTest.dynamicTest(
                                  status + " " + ErrorKinds.name(kind),
                                  () -> failsAs(status, kind))));
    }

    private void failsAs(MessageStatus status, GatewayError kind) {
      WebhookRequest request = stubs().failure(carrierMessageId(21), status, kind);
      assertThat(accepted(gateway().parse(request)))
          .singleElement()
          .isInstanceOfSatisfying(
              StatusUpdate.class,
              update -> {
                assertThat(update.carrierMessageId()).isEqualTo(carrierMessageId(21));
                assertThat(update.status()).isEqualTo(status);
                assertThat(update.error()).get().isInstanceOf(kind.getClass());
                assertThat(update.carrierCode()).isPresent();
              });
    }

    @Test
    @DisplayName("the carrier can express at least one final status")
    void someFinalStatus() {
      assertThat(stubs().statuses()).anyMatch(MessageStatus::isFinal);
      assertThat(stubs().statuses()).doesNotContain(MessageStatus.RECEIVED);
    }
  }

  @Nested
  @DisplayName("webhook verification")
  class Verification {
    @Test
    @DisplayName("a webhook with a bad signature is refused (403 or 401) and yields no events")
    void badSignature() {
      assertThat(rejectedStatus(gateway().parse(stubs().badSignature()))).isIn(401, 403);
    }

    @Test
    @DisplayName("a webhook without credentials is refused (401 or 403) and yields no events")
    void missingCredentials() {
      assertThat(rejectedStatus(gateway().parse(stubs().missingCredentials()))).isIn(401, 403);
    }

    @Test
    @DisplayName("a correctly signed webhook the carrier would never send is a bad request")
    void malformed() {
      assertThat(rejectedStatus(gateway().parse(stubs().malformed()))).isEqualTo(400);
    }
  }

  @Nested
  @DisplayName("parsing is deterministic and holds no state")
  class Determinism {
    @Test
    @DisplayName("the same inbound webhook twice parses to the same events")
    void inboundTwice() {
      WebhookRequest request =
          stubs().inbound(carrierMessageId(30), CONTACT, SENDER, "STOP", List.of());
      List<GatewayEvent> first = accepted(gateway().parse(request));
      assertThat(accepted(gateway().parse(request))).isEqualTo(first).isNotEmpty();
    }

    @Test
    @DisplayName("the same status webhook twice parses to the same events")
    void statusTwice() {
      WebhookRequest request = stubs().status(carrierMessageId(31), finalStatus());
      List<GatewayEvent> first = accepted(gateway().parse(request));
      assertThat(accepted(gateway().parse(request))).isEqualTo(first).isNotEmpty();
    }

    @Test
    @DisplayName("a status arriving after a later one parses as what it says")
    void outOfOrder() {
      Optional<MessageStatus> earlier =
          stubs().statuses().stream()
              .filter(status -> !status.isFinal())
              .max((a, b) -> Integer.compare(a.rank(), b.rank()));
      assumeTrue(earlier.isPresent(), "the carrier expresses no intermediate status");
      accepted(gateway().parse(stubs().status(carrierMessageId(32), finalStatus())));
      assertThat(accepted(gateway().parse(stubs().status(carrierMessageId(32), earlier.get()))))
          .singleElement()
          .isInstanceOfSatisfying(
              StatusUpdate.class, update -> assertThat(update.status()).isEqualTo(earlier.get()));
    }

    private MessageStatus finalStatus() {
      return stubs().statuses().contains(MessageStatus.DELIVERED)
          ? MessageStatus.DELIVERED
          : fail("the carrier must express DELIVERED");
    }
  }
}
