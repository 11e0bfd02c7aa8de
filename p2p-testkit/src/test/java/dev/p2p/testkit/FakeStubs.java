package dev.p2p.testkit;

import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.gateway.WebhookRequest;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The fake carrier's side of the gateway contract: {@link FakeGateway} is its own stub server. */
final class FakeStubs implements GatewayStubs {
  private final FakeGateway fake;

  FakeStubs(FakeGateway fake) {
    this.fake = fake;
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
    return new WireMessage(last.to(), last.from().address(), last.body(), last.media());
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
