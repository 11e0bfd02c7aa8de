package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.P2P;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.SenderNumbers;
import dev.p2p.store.InMemoryStore;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The fake's webhooks go through the same pipeline as a real carrier's: registered with {@code
 * P2P}, connected to {@code p2p.webhooks()}, its receipts and replies land in the store.
 */
class FakeGatewayThroughP2PTest {
  private static final String ORG = "acme";
  private static final String OUR_NUMBER = "+13125550100";
  private static final String CONTACT = "+13125550123";
  private static final Instant NOW = Instant.parse("2026-11-03T15:00:00Z");

  private final InMemoryStore store = InMemoryStore.create();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final FakeGateway fake = FakeGateway.builder().clock(clock).build();
  private final P2P p2p = P2P.builder().store(store).clock(clock).gateway("fake", fake).build();

  FakeGatewayThroughP2PTest() {
    fake.connect(p2p.webhooks()::handle);
    p2p.organization(ORG);
  }

  @AfterEach
  void close() {
    p2p.close();
  }

  /** Records a message as the texting code will, sends it through the fake, stores the receipt. */
  private long send(String reference, String body) {
    String from =
        new SenderNumbers(store, clock).senderFor(ORG, "fake", CONTACT, List.of(OUR_NUMBER));
    long id =
        store
            .messages()
            .recordOutbound(
                ORG, new QueuedMessage("fake", reference, from, CONTACT, body, List.of(), 1), NOW);
    SendReceipt receipt =
        fake.send(OutboundMessage.text(reference, Sender.number(from), CONTACT, body)).join();
    store.messages().markSent(ORG, id, receipt, NOW);
    return id;
  }

  private Message message(long id) {
    return store.messages().findMessage(ORG, id).orElseThrow();
  }

  @Test
  @DisplayName("a delivery receipt from the fake marks the stored message delivered, once")
  void deliveryReceipt() {
    long id = send("m-1", "Hi Ana, can we count on your vote?");
    assertThat(fake.deliver("m-1").status()).isBetween(200, 299);
    assertThat(fake.deliver("m-1").status()).isBetween(200, 299);
    assertThat(message(id).status()).isEqualTo(MessageStatus.DELIVERED);
  }

  @Test
  @DisplayName("a late 'sent' after 'delivered' leaves the message delivered")
  void lateStatus() {
    long id = send("m-1", "Hi");
    fake.deliver("m-1");
    fake.markSent("m-1");
    assertThat(message(id).status()).isEqualTo(MessageStatus.DELIVERED);
  }

  @Test
  @DisplayName("a carrier failure from the fake is stored with its kind")
  void failure() {
    long id = send("m-1", "Hi");
    fake.fail("m-1", GatewayError.invalidNumber());
    assertThat(message(id).status()).isEqualTo(MessageStatus.FAILED);
    assertThat(message(id).failure()).contains(FailureKind.INVALID_NUMBER);
  }

  @Test
  @DisplayName("a reply to the number that texted the contact lands in that organization, once")
  void reply() {
    send("m-1", "Hi");
    URI photo = URI.create("https://media.p2p.test/1.jpg");
    var reply =
        fake.webhooks()
            .of(
                new GatewayEvent.InboundMessage(
                    "FAKE-IN-1",
                    CONTACT,
                    OUR_NUMBER,
                    "Count me in!",
                    List.of(photo),
                    Optional.empty()));
    assertThat(fake.post(reply).status()).isBetween(200, 299);
    assertThat(fake.post(reply).status()).isBetween(200, 299);
    Message inbound =
        store.messages().findMessageByCarrierId(ORG, "fake", "FAKE-IN-1").orElseThrow();
    assertThat(inbound.status()).isEqualTo(MessageStatus.RECEIVED);
    assertThat(inbound.body()).isEqualTo("Count me in!");
    assertThat(inbound.media()).containsExactly(photo);
  }

  @Test
  @DisplayName("a reply from a contact no organization texted is acknowledged and not stored")
  void strayReply() {
    assertThat(fake.replyFrom("+13125559999", OUR_NUMBER, "who is this?").status())
        .isBetween(200, 299);
    assertThat(store.messages().findSender(ORG, "fake", "+13125559999")).isEmpty();
  }

  @Test
  @DisplayName("a request with a bad signature is refused and stores nothing")
  void forgedRequest() {
    long id = send("m-1", "Hi");
    String carrierId = message(id).carrierMessageId().orElseThrow();
    assertThat(
            fake.post(fake.webhooks().withBadSignature(fake.webhooks().delivered(carrierId)))
                .status())
        .isEqualTo(403);
    assertThat(message(id).status()).isEqualTo(MessageStatus.QUEUED);
  }
}
