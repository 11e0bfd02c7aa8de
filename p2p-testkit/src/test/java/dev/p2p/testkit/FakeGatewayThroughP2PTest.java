package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.Texter;
import dev.p2p.event.Change;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.texter.TexterProfile;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
  private long conversationId;
  private long actionId;

  FakeGatewayThroughP2PTest() {
    fake.connect(p2p.webhooks()::handle);
    p2p.organization(ORG);
  }

  @AfterEach
  void close() {
    p2p.close();
  }

  /** The contact's first message, sent by a texter through the fake as p2p sends it. */
  private Message send() {
    return send("Hi Ana, can we count on your vote?");
  }

  private Message send(String initial) {
    Organization org = p2p.organization(ORG);
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long list = org.contacts().createList("voters").id();
    org.contacts().add(list, NewContact.builder(CONTACT).build());
    long action =
        org.actions()
            .create(
                ActionDraft.named("GOTV")
                    .contacts(list)
                    .initial(initial)
                    .sender(SenderSettings.numbers("fake", List.of(OUR_NUMBER))))
            .id();
    actionId = action;
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    Texter ana = org.texter("ana");
    ana.requestBatch(action);
    conversationId = ana.nextToSend(action).orElseThrow().conversationId();
    return ana.send(conversationId);
  }

  private static String carrierId(Message m) {
    return m.carrierMessageId().orElseThrow();
  }

  private Message message(long id) {
    return store.messages().findMessage(ORG, id).orElseThrow();
  }

  @Test
  @DisplayName(
      "a 100-character text with 'é' is one GSM-7 segment, stored and in the report's cost")
  void accentedLatinIsOneSegment() {
    CompletableFuture<Change.MessageSent> receipt = new CompletableFuture<>();
    p2p.events()
        .subscribe(
            e -> {
              if (e.change() instanceof Change.MessageSent sent) {
                receipt.complete(sent);
              }
            });
    String body =
        "Hi José, it's Ana with Acme. Can we count on your vote on Tuesday? Reply YES or NO.";
    assertThat(body.length()).isGreaterThan(70);
    Message sent = send(body);
    assertThat(receipt.join().segments()).isEqualTo(1);
    assertThat(message(sent.id()).segments()).isEqualTo(1);
    assertThat(p2p.organization(ORG).reports().action(actionId).cost().segmentsSent()).isEqualTo(1);
  }

  @Test
  @DisplayName("a delivery receipt from the fake marks the stored message delivered, once")
  void deliveryReceipt() {
    Message sent = send();
    assertThat(fake.deliver(carrierId(sent)).status()).isBetween(200, 299);
    assertThat(fake.deliver(carrierId(sent)).status()).isBetween(200, 299);
    assertThat(message(sent.id()).status()).isEqualTo(MessageStatus.DELIVERED);
  }

  @Test
  @DisplayName("a late 'sent' after 'delivered' leaves the message delivered")
  void lateStatus() {
    Message sent = send();
    fake.deliver(carrierId(sent));
    fake.markSent(carrierId(sent));
    assertThat(message(sent.id()).status()).isEqualTo(MessageStatus.DELIVERED);
  }

  @Test
  @DisplayName("a carrier failure from the fake is stored with its kind")
  void failure() {
    Message sent = send();
    fake.fail(carrierId(sent), GatewayError.invalidNumber());
    assertThat(message(sent.id()).status()).isEqualTo(MessageStatus.FAILED);
    assertThat(message(sent.id()).failure()).contains(FailureKind.INVALID_NUMBER);
  }

  @Test
  @DisplayName("a reply to the number that texted the contact lands in that organization, once")
  void reply() {
    send();
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
    List<Message> replies =
        p2p.organization(ORG).conversations().messages(conversationId, 100).items().stream()
            .filter(m -> m.direction() == Direction.INBOUND)
            .toList();
    assertThat(replies)
        .singleElement()
        .satisfies(
            inbound -> {
              assertThat(inbound.carrierMessageId()).contains("FAKE-IN-1");
              assertThat(inbound.status()).isEqualTo(MessageStatus.RECEIVED);
              assertThat(inbound.body()).isEqualTo("Count me in!");
              assertThat(inbound.media()).containsExactly(photo);
            });
  }

  @Test
  @DisplayName("a reply from a contact no organization texted is acknowledged and not stored")
  void strayReply() {
    assertThat(fake.replyFrom("+13125559999", OUR_NUMBER, "who is this?").status())
        .isBetween(200, 299);
    assertThat(p2p.organization(ORG).conversations().unrouted(10).items()).isEmpty();
  }

  @Test
  @DisplayName("a request with a bad signature is refused and stores nothing")
  void forgedRequest() {
    Message sent = send();
    assertThat(
            fake.post(fake.webhooks().withBadSignature(fake.webhooks().delivered(carrierId(sent))))
                .status())
        .isEqualTo(403);
    assertThat(message(sent.id()).status()).isEqualTo(sent.status());
  }
}
