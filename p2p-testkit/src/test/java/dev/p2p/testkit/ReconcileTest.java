package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.NotFoundException;
import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Conversations;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.ReconcileReport;
import dev.p2p.conversation.Texter;
import dev.p2p.event.Event;
import dev.p2p.gateway.CarrierMessage;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.SentLookup;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.texter.TexterProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code Organization.reconcile()} through the public API: what the carrier's list means for a send
 * whose connection was cut ({@code FakeGateway} fails it as not retry-safe), with a carrier list
 * the test writes.
 */
class ReconcileTest {
  private static final String CONTACT = "+13125550101";
  private static final String OUR_NUMBER = "+13125550199";
  private static final String SERVICE = "MG" + "0".repeat(32);
  private static final String BODY = "Hi, will you vote?";
  private static final Instant START = Instant.parse("2026-11-03T15:00:00Z");

  private final MutableClock clock = MutableClock.at(START);
  private final FakeGateway fake = FakeGateway.builder().clock(clock).build();
  private final List<CarrierMessage> listed = new ArrayList<>();
  private boolean canLookUp = true;
  private P2P p2p = P2P.builder().store(InMemoryStore.create()).clock(clock).build();

  /** The fake carrier, with a message list the test fills (or none, as the SPI's default). */
  private final SmsGateway carrier =
      new SmsGateway() {
        @Override
        public String carrier() {
          return fake.carrier();
        }

        @Override
        public CompletableFuture<SendReceipt> send(OutboundMessage message) {
          return fake.send(message);
        }

        @Override
        public WebhookResult parse(WebhookRequest request) {
          return fake.parse(request);
        }

        @Override
        public CompletableFuture<Optional<List<CarrierMessage>>> findSent(SentLookup lookup) {
          return canLookUp
              ? CompletableFuture.completedFuture(Optional.of(List.copyOf(listed)))
              : SmsGateway.super.findSent(lookup);
        }
      };

  @AfterEach
  void close() {
    p2p.close();
  }

  /** A first message, sent through a messaging service or a number, whose connection is cut. */
  private Message cutSend(SenderSettings sender) {
    p2p = P2P.builder().store(InMemoryStore.create()).clock(clock).gateway("fake", carrier).build();
    Organization org = p2p.organization("acme");
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long list = org.contacts().createList("GOTV").id();
    org.contacts().add(list, NewContact.builder(CONTACT).build());
    long action =
        org.actions()
            .create(ActionDraft.named("GOTV").contacts(list).initial(BODY).sender(sender))
            .id();
    org.actions().publish(action);
    org.assignments().assign(action, Target.texter("ana"));
    Texter ana = org.texter("ana");
    ana.requestBatch(action);
    fake.failNext(1, InjectedFailure.of(GatewayError.retryable()).withoutResponse());
    Message m = ana.send(ana.nextToSend(action).orElseThrow().conversationId());
    assertThat(m.unconfirmed()).isTrue();
    clock.advance(Duration.ofMinutes(11));
    return m;
  }

  private Message cutSend() {
    return cutSend(SenderSettings.numbers("fake", List.of(OUR_NUMBER)));
  }

  private static CarrierMessage listed(
      String from, Optional<String> service, String body, Instant at) {
    return new CarrierMessage(
        "FK-77",
        from,
        CONTACT,
        service,
        Optional.of(body),
        at,
        MessageStatus.DELIVERED,
        Optional.empty());
  }

  private Message stored(Message m) {
    return p2p.organization("acme").conversations().messages(1, 10).items().stream()
        .filter(x -> x.id() == m.id())
        .findFirst()
        .orElseThrow();
  }

  private List<String> events() {
    return p2p.events().read("acme", 0, 1_000).stream()
        .map(Event::type)
        .filter(t -> t.startsWith("message."))
        .toList();
  }

  @Test
  @DisplayName(
      "a gateway that cannot look messages up (the SPI's default) leaves the send for a person,"
          + " untouched and never resent")
  void noLookupLeavesItForAPerson() {
    canLookUp = false;
    Message m = cutSend();

    assertThat(p2p.organization("acme").reconcile())
        .isEqualTo(new ReconcileReport(0, 0, List.of(m.id()), 0));
    assertThat(stored(m)).isEqualTo(m);
    assertThat(fake.attempts()).hasSize(1);
  }

  @Test
  @DisplayName(
      "a carrier message sent through the send's messaging service matches; the receipt and its"
          + " delivery write message.sent then message.delivered")
  void messagingServiceMatch() {
    Message m = cutSend(SenderSettings.messagingService("fake", SERVICE));
    listed.add(listed(OUR_NUMBER, Optional.of(SERVICE), BODY, START.plusSeconds(1)));

    assertThat(p2p.organization("acme").reconcile().confirmedSent()).isEqualTo(1);
    Message settled = stored(m);
    assertThat(settled.carrierMessageId()).contains("FK-77");
    assertThat(settled.sender()).isEqualTo(OUR_NUMBER);
    assertThat(settled.status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(events()).containsExactly("message.sent", "message.delivered");
  }

  @Test
  @DisplayName(
      "a listed message with another body, another sender or a time outside the window is not"
          + " the send: it is marked failed, with message.failed")
  void nonMatchesMeanNeverReceived() {
    Message m = cutSend();
    listed.add(listed(OUR_NUMBER, Optional.empty(), "Another text", START.plusSeconds(1)));
    listed.add(listed("+13125550198", Optional.empty(), BODY, START.plusSeconds(1)));
    listed.add(listed(OUR_NUMBER, Optional.empty(), BODY, START.minus(Duration.ofMinutes(3))));
    listed.add(listed(OUR_NUMBER, Optional.empty(), BODY, START.plus(Duration.ofMinutes(11))));

    assertThat(p2p.organization("acme").reconcile())
        .isEqualTo(new ReconcileReport(0, 1, List.of(), 0));
    assertThat(stored(m).status()).isEqualTo(MessageStatus.FAILED);
    assertThat(events()).containsExactly("message.failed");
  }

  @Test
  @DisplayName("a carrier message from the send's number, in the window, with its body matches")
  void numberMatch() {
    Message m = cutSend();
    listed.add(listed(OUR_NUMBER, Optional.empty(), BODY, START.plus(Duration.ofMinutes(9))));

    assertThat(p2p.organization("acme").reconcile())
        .isEqualTo(new ReconcileReport(1, 0, List.of(), 0));
    assertThat(stored(m).carrierMessageId()).contains("FK-77");
  }

  @Test
  @DisplayName(
      "a send left for a person is settled by hand as failed (message.failed) and then refuses a"
          + " second settlement, naming messageId")
  void settledByHandAsFailed() {
    canLookUp = false;
    Message m = cutSend();
    Conversations admin = p2p.organization("acme").conversations();

    assertThat(admin.settleAsFailed(m.id()).status()).isEqualTo(MessageStatus.FAILED);

    assertThat(events()).containsExactly("message.failed");
    assertThatThrownBy(() -> admin.settleAsSent(m.id(), "FK-9"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("messageId")
        .hasMessageContaining("is not a send of unknown fate: it is FAILED");
    assertThat(p2p.organization("acme").reconcile().checked()).isZero();
  }

  @Test
  @DisplayName(
      "a send left for a person is settled by hand as sent with the carrier id a person found"
          + " (message.sent); a malformed id is refused naming carrierMessageId")
  void settledByHandAsSent() {
    canLookUp = false;
    Message m = cutSend();
    Conversations admin = p2p.organization("acme").conversations();

    assertThatThrownBy(() -> admin.settleAsSent(m.id(), " FK-9"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("carrierMessageId");
    assertThat(admin.settleAsSent(m.id(), "FK-9").carrierMessageId()).contains("FK-9");

    assertThat(events()).containsExactly("message.sent");
    assertThatThrownBy(() -> admin.settleAsFailed(m.id()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("already settled");
    assertThatThrownBy(() -> admin.settleAsFailed(999)).isInstanceOf(NotFoundException.class);
  }
}
