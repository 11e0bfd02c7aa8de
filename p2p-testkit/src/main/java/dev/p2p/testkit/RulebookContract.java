package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.action.SenderSettings;
import dev.p2p.action.TextingHours;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.conversation.InboxCounts;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.NextMessage;
import dev.p2p.conversation.Texter;
import dev.p2p.event.Event;
import dev.p2p.store.Store;
import dev.p2p.texter.TexterProfile;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rules the core decides once, through the public API on {@link FakeGateway}: each test is an
 * answer that once differed between stores, or a rule a store once let slip. Run by {@link
 * StoreContract} on every store, so every store must give these very answers.
 */
abstract class RulebookContract {
  private static final String NUMBER = "+13125550100";

  private final MutableClock clock = MutableClock.at(StoreContract.NOW.plusSeconds(3_600));
  private final FakeGateway fake = FakeGateway.builder().clock(clock).build();
  private P2P p2p;
  private Organization org;
  private Texter ana;
  private Texter ben;

  /** The store under test. */
  abstract Store store();

  @BeforeEach
  void start() {
    p2p = P2P.builder().store(store()).clock(clock).gateway("fake", fake).build();
    fake.connect(p2p.webhooks()::handle);
    org = p2p.organization(StoreContract.ORG);
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    org.texters().upsert(new TexterProfile("ben", "Ben", "Li"));
    ana = org.texter("ana");
    ben = org.texter("ben");
  }

  @AfterEach
  void stop() {
    p2p.close();
  }

  private long list(String name, String... phones) {
    long id = org.contacts().createList(name).id();
    for (String phone : phones) {
      org.contacts().add(id, NewContact.builder(phone).firstName("Sam").build());
    }
    return id;
  }

  /** A live action on the list, with dynamic batches for the texter. */
  private long action(long listId, String texter) {
    long id =
        org.actions()
            .create(
                ActionDraft.named("Action " + listId)
                    .contacts(listId)
                    .initial("Hi {firstName}, it's {texterFirstName}. Will you vote?")
                    .reply("Yes", "Great!")
                    .textingHours(
                        new TextingHours(
                            LocalTime.of(0, 0), LocalTime.of(23, 59), ZoneId.of("UTC")))
                    .sender(SenderSettings.numbers("fake", List.of(NUMBER)))
                    .assignment(AssignmentSettings.dynamic().withBatchSize(5)))
            .id();
    org.actions().publish(id);
    org.assignments().assign(id, Target.texter(texter));
    return id;
  }

  private Message sendFirst(Texter texter, long actionId) {
    texter.requestBatch(actionId);
    clock.advance(Duration.ofSeconds(1));
    return texter.send(texter.nextToSend(actionId).orElseThrow().conversationId());
  }

  private List<String> types() {
    return p2p.events().read(StoreContract.ORG, 0, 1_000).stream()
        .map(e -> e.change().type())
        .toList();
  }

  private List<Event> events(String type) {
    return p2p.events().read(StoreContract.ORG, 0, 1_000).stream()
        .filter(e -> e.change().type().equals(type))
        .toList();
  }

  @Test
  @DisplayName("a sent callback after the receipt writes no second message.sent")
  void oneMessageSent() {
    long actionId = action(list("voters", "+13125550111"), "ana");
    Message m = sendFirst(ana, actionId);
    fake.markSent(m.reference().orElseThrow());
    fake.markSent(m.reference().orElseThrow());
    fake.deliver(m.reference().orElseThrow());
    assertThat(events("message.sent")).hasSize(1);
    assertThat(events("message.delivered")).hasSize(1);
  }

  @Test
  @DisplayName("a STOP leaves the conversation opted out, read and out of every inbox count")
  void stopIsNotUnread() {
    long actionId = action(list("voters", "+13125550111"), "ana");
    ana.requestBatch(actionId);
    long conversationId = ana.nextToSend(actionId).orElseThrow().conversationId();
    ana.send(conversationId);
    fake.replyFrom("+13125550111", NUMBER, "STOP");
    Conversation c = ana.conversation(conversationId);
    assertThat(c.status()).isEqualTo(ConversationStatus.OPTED_OUT);
    assertThat(c.unread()).isFalse();
    assertThat(c.needsAttention()).isFalse();
    InboxCounts counts = ana.inbox().counts(actionId);
    assertThat(counts.unread()).isZero();
    assertThat(counts.needsAttention()).isZero();
  }

  @Test
  @DisplayName("a receipt naming a carrier id another message has leaves the message unconfirmed")
  void takenCarrierId() {
    long actionId = action(list("voters", "+13125550111", "+13125550112"), "ana");
    Message first = sendFirst(ana, actionId);
    fake.acceptNextAs(first.carrierMessageId().orElseThrow(), 1);
    Message second = sendFirst(ana, actionId);
    assertThat(second.status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(second.unconfirmed()).isTrue();
    assertThat(second.carrierMessageId()).isEmpty();
    assertThat(events("message.sent")).hasSize(1);
  }

  @Test
  @DisplayName("the lock-window refusal reads the same on every store")
  void lockWindowWording() {
    org.updateSettings(s -> s.withLockWindow(Duration.ofHours(24)));
    long first = action(list("voters", "+13125550111"), "ana");
    long second = action(list("others", "+13125550111"), "ben");
    ben.requestBatch(second);
    long conversationId = ben.nextToSend(second).orElseThrow().conversationId();
    sendFirst(ana, first);
    assertThatThrownBy(() -> ben.send(conversationId))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "1 problem: contactPhone got another action's initial message within the"
                + " organization's lock window of 24 hours; it can be texted once that window has"
                + " passed");
  }

  @Test
  @DisplayName("a contact inside another action's lock window is neither claimed nor offered")
  void lockedContactsStayOutOfTheQueue() {
    org.updateSettings(s -> s.withLockWindow(Duration.ofHours(24)));
    long first = action(list("voters", "+13125550111"), "ana");
    sendFirst(ana, first);
    long second = action(list("others", "+13125550111", "+13125550112"), "ben");
    assertThat(ben.requestBatch(second)).isEqualTo(1);
    NextMessage next = ben.nextToSend(second).orElseThrow();
    assertThat(next.contact().phone()).isEqualTo("+13125550112");
    ben.send(next.conversationId());
    assertThat(ben.nextToSend(second)).isEmpty();
    clock.advance(Duration.ofHours(25));
    assertThat(ben.requestBatch(second)).isEqualTo(1);
    assertThat(ben.nextToSend(second).orElseThrow().contact().phone()).isEqualTo("+13125550111");
  }

  @Test
  @DisplayName("a send names the conversation: the phone and text come from the store")
  void sendById() {
    long actionId = action(list("voters", "+13125550111"), "ana");
    ana.requestBatch(actionId);
    NextMessage next = ana.nextToSend(actionId).orElseThrow();
    Message sent = ana.send(next.conversationId());
    assertThat(sent.contactPhone()).isEqualTo("+13125550111");
    assertThat(sent.body()).isEqualTo("Hi Sam, it's Ana. Will you vote?");
    assertThat(fake.sent())
        .singleElement()
        .satisfies(s -> assertThat(s.to()).isEqualTo("+13125550111"));
    assertThat(types()).contains("message.sent");
  }
}
