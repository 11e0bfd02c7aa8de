package dev.p2p.testkit;

import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.WebhookRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The fake carrier's side of the gateway contract, and the worked example of a {@link
 * GatewayStubs}: {@link FakeGateway} is its own stub server, so each method plans the fake's next
 * answer or builds the fake's webhook request where an adapter's stubs would program WireMock and
 * sign a request in the carrier's format. {@link FakeGatewayContract} runs the contract with it.
 */
public final class FakeGatewayStubs implements GatewayStubs {
  /** The messaging service id the fake takes as a sender: it accepts any. */
  public static final String MESSAGING_SERVICE = "MG-fake-contract";

  private final FakeGateway fake;

  /** The stubs of this fake. */
  public FakeGatewayStubs(FakeGateway fake) {
    this.fake = Objects.requireNonNull(fake, "fake");
  }

  @Override
  public void acceptNextSend(String carrierMessageId, int segments) {
    fake.acceptNextAs(carrierMessageId, segments);
  }

  @Override
  public void refuseNextSend(GatewayError kind) {
    fake.failNext(1, kind);
  }

  @Override
  public void acceptNextSendAfter(String carrierMessageId, int segments, Duration delay) {
    fake.acceptNextAs(carrierMessageId, segments);
    fake.delayNext(1, delay);
  }

  /** The fake's next hundred sends fail as a refused connection would. */
  @Override
  public void refuseConnections() {
    fake.failNext(
        100, InjectedFailure.of(GatewayError.retryable()).withRetrySafe(true).withoutResponse());
  }

  @Override
  public void cutNextSend() {
    fake.failNext(
        1, InjectedFailure.of(GatewayError.retryable()).withRetrySafe(false).withoutResponse());
  }

  @Override
  public WireMessage lastSend() {
    List<SentMessage> sent = fake.sent();
    if (sent.isEmpty()) {
      throw new AssertionError("the fake accepted no send");
    }
    SentMessage last = sent.get(sent.size() - 1);
    Optional<Instant> expiresAt =
        fake.attempts().stream()
            .filter(attempt -> attempt.reference().equals(last.reference()))
            .reduce((first, second) -> second)
            .flatMap(OutboundMessage::expiresAt);
    return new WireMessage(last.to(), last.from().address(), last.body(), last.media(), expiresAt);
  }

  /** The fake takes no credentials: true once it accepted a send. */
  @Override
  public boolean lastSendAuthenticated() {
    lastSend();
    return true;
  }

  @Override
  public Optional<String> messagingService() {
    return Optional.of(MESSAGING_SERVICE);
  }

  @Override
  public WebhookRequest inbound(
      String carrierMessageId, String from, String to, String body, List<URI> media) {
    return fake.webhooks()
        .of(new InboundMessage(carrierMessageId, from, to, body, media, Optional.empty()));
  }

  @Override
  public Set<MessageStatus> statuses() {
    return EnumSet.complementOf(EnumSet.of(MessageStatus.RECEIVED));
  }

  @Override
  public WebhookRequest status(String carrierMessageId, MessageStatus status) {
    return fake.webhooks().status(carrierMessageId, status);
  }

  @Override
  public WebhookRequest failure(String carrierMessageId, MessageStatus status, GatewayError kind) {
    return status == MessageStatus.FAILED
        ? fake.webhooks().failed(carrierMessageId, kind)
        : fake.webhooks().undelivered(carrierMessageId, kind);
  }

  @Override
  public WebhookRequest badSignature() {
    return fake.webhooks().withBadSignature(fake.webhooks().delivered("FK-1"));
  }

  @Override
  public WebhookRequest missingCredentials() {
    return fake.webhooks().unsigned(fake.webhooks().delivered("FK-1"));
  }

  @Override
  public WebhookRequest malformed() {
    return fake.webhooks().malformed();
  }
}
