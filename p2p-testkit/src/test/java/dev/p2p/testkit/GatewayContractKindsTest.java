package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/** What {@link GatewayContract} itself checks, whatever the stubs narrow. */
class GatewayContractKindsTest {

  @Test
  @DisplayName(
      "refused sends are checked for all six error kinds, even if status webhooks carry one")
  void refusedSendsCoverEveryKind() throws Throwable {
    NarrowContract contract = new NarrowContract();
    contract.startStubs();
    List<DynamicTest> tests = contract.new RefusedSends().eachKind().toList();
    assertThat(tests)
        .extracting(DynamicTest::getDisplayName)
        .containsExactly(
            "retryable",
            "rate-limited",
            "opted-out",
            "invalid-number",
            "permanent",
            "authentication");
    for (DynamicTest test : tests) {
      test.getExecutable().execute();
    }
  }

  /** The fake, with stubs whose status webhooks carry only retryable failures. */
  static final class NarrowContract extends GatewayContract {
    private FakeGateway fake = FakeGateway.create();
    private GatewayStubs stubs = new NarrowStubs(new FakeGatewayStubs(fake));

    @Override
    protected void startStubServer() {
      fake = FakeGateway.create();
      stubs = new NarrowStubs(new FakeGatewayStubs(fake));
    }

    @Override
    protected SmsGateway gateway() {
      return fake;
    }

    @Override
    protected GatewayStubs stubs() {
      return stubs;
    }
  }

  /** {@link FakeGatewayStubs} with fewer failure kinds in status webhooks. */
  private record NarrowStubs(FakeGatewayStubs fake) implements GatewayStubs {
    @Override
    public List<GatewayError> failureKinds() {
      return List.of(GatewayError.retryable());
    }

    @Override
    public void acceptNextSend(String carrierMessageId, int segments) {
      fake.acceptNextSend(carrierMessageId, segments);
    }

    @Override
    public void refuseNextSend(GatewayError kind) {
      fake.refuseNextSend(kind);
    }

    @Override
    public void acceptNextSendAfter(String carrierMessageId, int segments, Duration delay) {
      fake.acceptNextSendAfter(carrierMessageId, segments, delay);
    }

    @Override
    public void refuseConnections() {
      fake.refuseConnections();
    }

    @Override
    public void cutNextSend() {
      fake.cutNextSend();
    }

    @Override
    public boolean lastSendAuthenticated() {
      return fake.lastSendAuthenticated();
    }

    @Override
    public Optional<String> messagingService() {
      return fake.messagingService();
    }

    @Override
    public WireMessage lastSend() {
      return fake.lastSend();
    }

    @Override
    public WebhookRequest inbound(
        String carrierMessageId, String from, String to, String body, List<URI> media) {
      return fake.inbound(carrierMessageId, from, to, body, media);
    }

    @Override
    public Set<MessageStatus> statuses() {
      return fake.statuses();
    }

    @Override
    public WebhookRequest status(String carrierMessageId, MessageStatus status) {
      return fake.status(carrierMessageId, status);
    }

    @Override
    public WebhookRequest failure(
        String carrierMessageId, MessageStatus status, GatewayError kind) {
      return fake.failure(carrierMessageId, status, kind);
    }

    @Override
    public WebhookRequest badSignature() {
      return fake.badSignature();
    }

    @Override
    public WebhookRequest missingCredentials() {
      return fake.missingCredentials();
    }

    @Override
    public WebhookRequest malformed() {
      return fake.malformed();
    }
  }
}
