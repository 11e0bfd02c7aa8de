package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.action.Action;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.ActionStatus;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.Texter;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.texter.TexterProfile;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An action without {@code .sender(..)}: with exactly one gateway registered it sends through that
 * gateway, from the gateway's own numbers; otherwise publishing names the missing sender.
 */
class DefaultSenderTest {
  private final MutableClock clock = MutableClock.at("2026-11-03T15:00:00Z");

  @Test
  @DisplayName("with one gateway, an action without a sender publishes with it and sends from it")
  void theOnlyGatewayIsTheSender() {
    FakeGateway fake = FakeGateway.builder().clock(clock).build();
    try (P2P p2p = p2p().gateway("fake", fake).build()) {
      Organization acme = p2p.organization("acme");
      Action gotv = acme.actions().create(draft(acme));

      Action live = acme.actions().publish(gotv.id());

      assertThat(live.status()).isEqualTo(ActionStatus.PUBLISHED);
      assertThat(live.spec().sender())
          .contains(SenderSettings.numbers("fake", List.of(FakeGateway.DEFAULT_NUMBER)));
      Message sent = sendFirst(acme, gotv);
      assertThat(sent.status()).isEqualTo(MessageStatus.QUEUED);
      assertThat(sent.sender()).isEqualTo(FakeGateway.DEFAULT_NUMBER);
      assertThat(fake.sent()).singleElement().satisfies(m -> assertThat(m.to()).isEqualTo(PHONE));
    }
  }

  @Test
  @DisplayName("a sender the action names is kept, with one gateway too")
  void aNamedSenderIsKept() {
    FakeGateway fake = FakeGateway.builder().clock(clock).build();
    try (P2P p2p = p2p().gateway("fake", fake).build()) {
      Organization acme = p2p.organization("acme");
      SenderSettings own = SenderSettings.numbers("fake", List.of("+13125550177"));
      Action gotv = acme.actions().create(draft(acme).sender(own));

      assertThat(acme.actions().publish(gotv.id()).spec().sender()).contains(own);
      assertThat(sendFirst(acme, gotv).sender()).isEqualTo("+13125550177");
    }
  }

  @Test
  @DisplayName("with no gateway, publishing names the missing sender and writes nothing")
  void noGateway() {
    try (P2P p2p = p2p().build()) {
      assertThat(publishProblems(p2p.organization("acme")))
          .containsExactly(
              new Violation(
                  "sender",
                  "is not set and no gateway is registered: register one with"
                      + " P2P.builder().gateway(..)"));
    }
  }

  @Test
  @DisplayName("with several gateways, publishing names the missing sender and the gateways")
  void severalGateways() {
    try (P2P p2p =
        p2p()
            .gateway("twilio", FakeGateway.builder().clock(clock).build())
            .gateway("bandwidth", FakeGateway.builder().clock(clock).idPrefix("BW").build())
            .build()) {
      assertThat(publishProblems(p2p.organization("acme")))
          .containsExactly(
              new Violation(
                  "sender",
                  "is not set and several gateways are registered (bandwidth, twilio): choose one"
                      + " with ActionDraft.sender(..)"));
    }
  }

  @Test
  @DisplayName("with one gateway that names no number of its own, publishing names the sender")
  void theOnlyGatewayHasNoNumber() {
    FakeGateway bare = FakeGateway.builder().clock(clock).senderNumbers().build();
    try (P2P p2p = p2p().gateway("fake", bare).build()) {
      assertThat(publishProblems(p2p.organization("acme")))
          .containsExactly(
              new Violation(
                  "sender",
                  "is not set and gateway 'fake' names no number or messaging service of its own:"
                      + " set one with ActionDraft.sender(..)"));
    }
  }

  private static final String PHONE = "+12125551000";

  private P2P.Builder p2p() {
    return P2P.builder().store(InMemoryStore.create()).clock(clock);
  }

  private static ActionDraft draft(Organization acme) {
    acme.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    long listId = acme.contacts().createList("voters").id();
    acme.contacts().add(listId, NewContact.builder(PHONE).build());
    return ActionDraft.named("GOTV").contacts(listId).initial("Will you vote Tuesday?");
  }

  private static List<Violation> publishProblems(Organization acme) {
    Action gotv = acme.actions().create(draft(acme));
    ValidationException e =
        catchThrowableOfType(ValidationException.class, () -> acme.actions().publish(gotv.id()));
    assertThat(e).as("publish refused").isNotNull();
    assertThat(acme.actions().find(gotv.id()).orElseThrow().status()).isEqualTo(ActionStatus.DRAFT);
    return e.violations();
  }

  private static Message sendFirst(Organization acme, Action gotv) {
    acme.assignments().assign(gotv.id(), Target.texter("ana"));
    Texter ana = acme.texter("ana");
    ana.requestBatch(gotv.id());
    return ana.send(ana.nextToSend(gotv.id()).orElseThrow().conversationId());
  }
}
