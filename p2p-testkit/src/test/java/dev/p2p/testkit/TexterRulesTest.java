package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.ForbiddenException;
import dev.p2p.OptedOutException;
import dev.p2p.Organization;
import dev.p2p.OutsideTextingHoursException;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.action.Question;
import dev.p2p.action.SenderSettings;
import dev.p2p.action.StateRule;
import dev.p2p.action.TextingHours;
import dev.p2p.action.TextingSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.InboxFilter;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.NextMessage;
import dev.p2p.conversation.Texter;
import dev.p2p.field.CustomField;
import dev.p2p.field.Tag;
import dev.p2p.gateway.GatewayError;
import dev.p2p.optout.OptOutSource;
import dev.p2p.script.ReplyEffect;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.texter.TexterProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The texting rules, one at a time, through the public API on the in-memory store. */
class TexterRulesTest {
  private static final String NUMBER = "+13125550100";
  // Tuesday 3 Nov 2026, 15:00 UTC = 10:00 in New York.
  private final MutableClock clock = MutableClock.at("2026-11-03T15:00:00Z");
  private final FakeGateway fake = FakeGateway.builder().clock(clock).build();
  private final P2P p2p =
      P2P.builder().store(InMemoryStore.create()).clock(clock).gateway("fake", fake).build();
  private final Organization org = p2p.organization("acme");
  private final Texter ana;
  private final Texter ben;
  private final long list;

  TexterRulesTest() {
    fake.connect(p2p.webhooks()::handle);
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    org.texters().upsert(new TexterProfile("ben", "Ben", "Li"));
    org.tags().define(Tag.named("supporter"));
    org.tags().define(Tag.named("undecided"));
    org.customFields().define(CustomField.number("age", "Age"));
    ana = org.texter("ana");
    ben = org.texter("ben");
    list = org.contacts().createList("voters").id();
    for (int i = 0; i < 6; i++) {
      org.contacts().add(list, NewContact.builder(phone(i)).firstName("V" + i).build());
    }
  }

  @AfterEach
  void close() {
    p2p.close();
  }

  private static String phone(int i) {
    return "+1212555" + String.format("%04d", 1000 + i);
  }

  private long action(AssignmentSettings assignment) {
    return action(list, assignment);
  }

  private long action(long listId, AssignmentSettings assignment) {
    long id =
        org.actions()
            .create(
                ActionDraft.named("GOTV " + listId + assignment.policy())
                    .contacts(listId)
                    .initial("Hi {firstName}, it's {texterFirstName}. Will you vote?")
                    .reply(
                        "Yes",
                        "Great!",
                        ReplyEffect.tag("supporter"),
                        ReplyEffect.field("age", "40"))
                    .question(Question.tags("Vote?", "supporter", "undecided"))
                    .question(Question.field("Age?", "age"))
                    .textingHours(
                        new TextingHours(
                            LocalTime.of(9, 0), LocalTime.of(21, 0), ZoneId.of("America/New_York")))
                    .sender(SenderSettings.numbers("fake", List.of(NUMBER)))
                    .assignment(assignment))
            .id();
    org.actions().publish(id);
    return id;
  }

  private long dynamicAction() {
    long id = action(AssignmentSettings.dynamic().withBatchSize(2).withMaxPerTexter(3));
    org.assignments().assign(id, Target.texter("ana"), Target.texter("ben"));
    return id;
  }

  private Message sendNext(Texter texter, long actionId) {
    clock.advance(Duration.ofSeconds(1));
    return texter.send(texter.nextToSend(actionId).orElseThrow().conversationId());
  }

  @Nested
  class Assignment {
    @Test
    @DisplayName(
        "a batch holds the action's batch size, and a texter never holds more than the maximum")
    void batchAndMaximum() {
      long id = dynamicAction();
      assertThat(ana.requestBatch(id)).isEqualTo(2);
      assertThat(ana.requestBatch(id)).isEqualTo(1);
      assertThat(ana.requestBatch(id)).isZero();
      assertThat(ana.inbox().counts(id).toSend()).isEqualTo(3);
      assertThat(ben.requestBatch(id)).isEqualTo(2);
    }

    @Test
    @DisplayName(
        "a texter who is not a target is refused a batch, and joins with the action's link")
    void joinLink() {
      long id = action(AssignmentSettings.dynamic().withBatchSize(2));
      assertThatThrownBy(() -> ana.requestBatch(id))
          .isInstanceOf(ForbiddenException.class)
          .hasMessageContaining("not among the targets");
      String token = org.assignments().rotateJoinToken(id);
      assertThat(org.assignments().join(token, "ana")).isEqualTo(id);
      assertThat(ana.requestBatch(id)).isEqualTo(2);
    }

    @Test
    @DisplayName("a rotated or revoked join token is refused")
    void revokedToken() {
      long id = action(AssignmentSettings.dynamic().withBatchSize(2));
      String old = org.assignments().rotateJoinToken(id);
      String current = org.assignments().rotateJoinToken(id);
      assertThatThrownBy(() -> org.assignments().join(old, "ana"))
          .isInstanceOf(ForbiddenException.class);
      org.assignments().revokeJoinToken(id);
      assertThatThrownBy(() -> org.assignments().join(current, "ana"))
          .isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> org.assignments().join("made-up", "ana"))
          .isInstanceOf(ForbiddenException.class);
    }

    @Test
    @DisplayName("a fixed split shares the contacts evenly at once, and refuses batches")
    void fixedSplit() {
      long id = action(AssignmentSettings.fixed());
      assertThat(org.assignments().assign(id, Target.texter("ana"), Target.texter("ben")))
          .containsEntry("ana", 3)
          .containsEntry("ben", 3);
      assertThatThrownBy(() -> ana.requestBatch(id))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("assignment.policy");
    }

    @Test
    @DisplayName("a fixed split with a cap leaves the rest in the pool")
    void cappedSplit() {
      long id = action(AssignmentSettings.fixed().withMaxPerTexter(2));
      assertThat(org.assignments().assign(id, Target.texter("ana"), Target.texter("ben")))
          .containsEntry("ana", 2)
          .containsEntry("ben", 2);
    }

    @Test
    @DisplayName("released contacts go back to the pool; an unassigned texter is refused batches")
    void releaseAndUnassign() {
      long id = dynamicAction();
      ana.requestBatch(id);
      sendNext(ana, id);
      assertThat(org.assignments().release(id, "ana")).isEqualTo(1);
      assertThat(ana.inbox().counts(id).toSend()).isZero();
      assertThat(ana.inbox().counts(id).all()).isEqualTo(1);
      assertThat(org.assignments().unassign(id, "ana")).isZero();
      assertThatThrownBy(() -> ana.requestBatch(id)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    @DisplayName("reassigned conversations belong to the new texter only")
    void reassign() {
      long id = dynamicAction();
      ana.requestBatch(id);
      Message sent = sendNext(ana, id);
      Conversation c =
          ana.inbox().page(InboxFilter.ALL, OptionalLong.of(id), "", 10).items().get(0);
      assertThat(org.assignments().reassign(id, "ana", "ben")).isEqualTo(2);
      assertThatThrownBy(() -> ana.replyText(c.id(), "hi")).isInstanceOf(ForbiddenException.class);
      clock.advance(Duration.ofSeconds(1));
      assertThat(ben.replyText(c.id(), "Hi, Ben here").contactPhone())
          .isEqualTo(sent.contactPhone());
    }

    @Test
    @DisplayName(
        "Keep Assignments gives a contact back to its earlier texter only if that texter is a target")
    void keepAssignments() {
      long first = dynamicAction();
      ana.requestBatch(first);
      Message m = sendNext(ana, first);
      org.actions().close(first);
      long second = action(AssignmentSettings.dynamic().withBatchSize(6).withKeepAssignments(true));
      org.assignments().assign(second, Target.texter("ana"), Target.texter("ben"));
      // Ana held two contacts of the first action (one texted): both come back to her.
      assertThat(ben.requestBatch(second)).isEqualTo(4);
      assertThat(ana.requestBatch(second)).isEqualTo(2);
      assertThat(ana.nextToSend(second).orElseThrow().contact().phone())
          .isEqualTo(m.contactPhone());
    }
  }

  @Nested
  class Sending {
    @Test
    @DisplayName("a paused action sends nothing, and sends again once resumed")
    void paused() {
      long id = dynamicAction();
      ana.requestBatch(id);
      NextMessage next = ana.nextToSend(id).orElseThrow();
      org.actions().pause(id);
      assertThatThrownBy(() -> ana.send(next.conversationId()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("PAUSED");
      assertThat(ana.nextToSend(id)).isEmpty();
      org.actions().resume(id);
      assertThat(ana.send(next.conversationId()).carrierMessageId()).isPresent();
    }

    @Test
    @DisplayName("one action never sends two initial messages to one phone")
    void noSecondInitial() {
      long id = dynamicAction();
      ana.requestBatch(id);
      NextMessage next = ana.nextToSend(id).orElseThrow();
      ana.send(next.conversationId());
      assertThatThrownBy(() -> ana.send(next.conversationId()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("status");
      assertThat(fake.sentTo(next.contact().phone())).hasSize(1);
    }

    @Test
    @DisplayName(
        "the lock window keeps a second action from texting a phone another action just texted")
    void lockWindow() {
      org.updateSettings(s -> s.withLockWindow(Duration.ofHours(24)));
      long first = dynamicAction();
      ana.requestBatch(first);
      String phone = ana.nextToSend(first).orElseThrow().contact().phone();
      long otherList = org.contacts().createList("others").id();
      org.contacts().add(otherList, NewContact.builder(phone).firstName("Same").build());
      long second = action(otherList, AssignmentSettings.dynamic().withBatchSize(5));
      org.assignments().assign(second, Target.texter("ben"));
      ben.requestBatch(second);
      long held = ben.nextToSend(second).orElseThrow().conversationId();
      sendNext(ana, first);
      assertThat(ben.nextToSend(second)).as("locked: not offered").isEmpty();
      assertThatThrownBy(() -> ben.send(held))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("contactPhone")
          .hasMessageContaining("lock window");
      clock.advance(Duration.ofHours(25));
      assertThat(ben.send(ben.nextToSend(second).orElseThrow().conversationId()).carrierMessageId())
          .isPresent();
    }

    @Test
    @DisplayName("a send outside the contact's texting hours fails and says when the window opens")
    void outsideHours() {
      long id = dynamicAction();
      ana.requestBatch(id);
      NextMessage next = ana.nextToSend(id).orElseThrow();
      clock.set(Instant.parse("2026-11-04T03:00:00Z")); // 22:00 in New York
      assertThatThrownBy(() -> ana.send(next.conversationId()))
          .isInstanceOf(OutsideTextingHoursException.class)
          .satisfies(
              e ->
                  assertThat(
                          ((OutsideTextingHoursException) e).opensAt().orElseThrow().toLocalTime())
                      .isEqualTo(LocalTime.of(9, 0)));
      assertThat(ana.nextToSend(id)).isEmpty();
      assertThat(fake.sent()).isEmpty();
    }

    @Test
    @DisplayName(
        "state rules make the window the strictest that applies, and an organization can update them")
    void stateRules() {
      long floridaList = org.contacts().createList("florida").id();
      org.contacts()
          .add(
              floridaList,
              NewContact.builder("+13055551234")
                  .firstName("Flo")
                  .timeZone("America/New_York")
                  .build());
      long id = action(floridaList, AssignmentSettings.dynamic().withBatchSize(5));
      org.assignments().assign(id, Target.texter("ana"));
      clock.set(Instant.parse("2026-11-04T01:30:00Z")); // 20:30 in New York: inside 9-21
      ana.requestBatch(id);
      NextMessage next = ana.nextToSend(id).orElseThrow();
      org.updateSettings(s -> s.withStateRules(true));
      assertThatThrownBy(() -> ana.send(next.conversationId()))
          .isInstanceOf(OutsideTextingHoursException.class);
      org.updateSettings(
          s -> s.withStateRule("FL", StateRule.daily(LocalTime.of(8, 0), LocalTime.of(21, 0))));
      assertThat(ana.send(next.conversationId()).carrierMessageId()).isPresent();
    }

    @Test
    @DisplayName("a state's closed day holds its contacts back all day")
    void closedDay() {
      org.updateSettings(s -> s.withStateRules(true));
      long msList = org.contacts().createList("mississippi").id();
      org.contacts()
          .add(
              msList,
              NewContact.builder("+16015551234")
                  .firstName("Mo")
                  .timeZone("America/Chicago")
                  .build());
      long id = action(msList, AssignmentSettings.dynamic().withBatchSize(5));
      org.assignments().assign(id, Target.texter("ana"));
      clock.set(Instant.parse("2026-11-08T17:00:00Z")); // Sunday 11:00 in Chicago
      assertThat(ana.requestBatch(id)).isZero();
      clock.set(Instant.parse("2026-11-09T17:00:00Z")); // Monday
      assertThat(ana.requestBatch(id)).isEqualTo(1);
    }

    @Test
    @DisplayName(
        "a carrier's opted-out refusal opts the contact out; an invalid number is never texted again")
    void carrierRefusals() {
      long id = dynamicAction();
      ana.requestBatch(id);
      fake.failNext(1, GatewayError.optedOut());
      Message refused = sendNext(ana, id);
      assertThat(refused.status()).isEqualTo(MessageStatus.FAILED);
      assertThat(refused.failure()).contains(FailureKind.OPTED_OUT);
      assertThat(org.optOuts().find(refused.contactPhone()).orElseThrow().source())
          .isEqualTo(OptOutSource.CARRIER);
      Message sent = sendNext(ana, id);
      assertThat(
              fake.undeliver(sent.carrierMessageId().orElseThrow(), GatewayError.invalidNumber())
                  .status())
          .isBetween(200, 299);
      long other = action(AssignmentSettings.dynamic().withBatchSize(6));
      org.assignments().assign(other, Target.texter("ben"));
      assertThat(ben.requestBatch(other)).isEqualTo(4);
      Set<String> handedOut = new HashSet<>();
      Optional<NextMessage> next;
      while ((next = ben.nextToSend(other)).isPresent()) {
        handedOut.add(ben.send(next.get().conversationId()).contactPhone());
        clock.advance(Duration.ofSeconds(1));
      }
      assertThat(handedOut).doesNotContain(refused.contactPhone(), sent.contactPhone()).hasSize(4);
    }
  }

  @Nested
  class Conversations {
    private long id;
    private Conversation c;

    private void started() {
      id = dynamicAction();
      ana.requestBatch(id);
      Message m = sendNext(ana, id);
      c = ana.inbox().page(InboxFilter.ALL, OptionalLong.of(id), "", 10).items().get(0);
      assertThat(c.contactPhone()).isEqualTo(m.contactPhone());
    }

    @Test
    @DisplayName(
        "a reply makes the conversation need attention and unread; a scripted answer applies its tags and fields")
    void replyAndScript() {
      started();
      fake.replyFrom(c.contactPhone(), NUMBER, "Yes I will");
      assertThat(ana.inbox().counts(id).needsAttention()).isEqualTo(1);
      assertThat(ana.inbox().unread()).extracting(Conversation::id).containsExactly(c.id());
      clock.advance(Duration.ofSeconds(1));
      ana.reply(c.id(), "Yes");
      Conversation after = ana.conversation(c.id());
      assertThat(after.status()).isEqualTo(ConversationStatus.AWAITING_REPLY);
      assertThat(after.tags()).containsExactly("supporter");
      assertThat(after.fields()).containsEntry("age", "40");
      assertThat(after.unread()).isFalse();
      assertThat(after.needsAttention()).as("the report is still due").isTrue();
      ana.fileReport(c.id(), Map.of("Vote?", List.of("supporter"), "Age?", List.of("41")));
      assertThat(ana.conversation(c.id()).needsAttention()).isFalse();
      assertThat(ana.conversation(c.id()).fields()).containsEntry("age", "41");
    }

    @Test
    @DisplayName("a report lists every unanswered question and every bad answer")
    void badReport() {
      started();
      assertThatThrownBy(
              () ->
                  ana.fileReport(c.id(), Map.of("Vote?", List.of("maybe"), "Mood?", List.of("x"))))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(v -> v.field())
                      .containsExactlyInAnyOrder("report[0]", "report[1]", "report"));
      assertThat(ana.conversation(c.id()).report()).isEmpty();
    }

    @Test
    @DisplayName("tags and fields are checked against the organization's")
    void tagsAndFields() {
      started();
      assertThatThrownBy(() -> ana.tag(c.id(), "nope"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("tags");
      assertThatThrownBy(() -> ana.setField(c.id(), "age", "forty"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("fields.age");
      assertThat(ana.tag(c.id(), "undecided").tags()).containsExactly("undecided");
      assertThat(ana.untag(c.id(), "undecided").tags()).isEmpty();
    }

    @Test
    @DisplayName(
        "STOP in any case or spacing opts out at once; a sentence that mentions stop does not")
    void stopKeywords() {
      started();
      fake.replyFrom(c.contactPhone(), NUMBER, "please stop texting me about this");
      assertThat(org.optOuts().isOptedOut(c.contactPhone())).isFalse();
      fake.replyFrom(c.contactPhone(), NUMBER, "  Stop. ");
      assertThat(org.optOuts().isOptedOut(c.contactPhone())).isTrue();
      assertThat(ana.conversation(c.id()).status()).isEqualTo(ConversationStatus.OPTED_OUT);
      assertThatThrownBy(() -> ana.replyText(c.id(), "Sorry!"))
          .isInstanceOf(OptedOutException.class);
    }

    @Test
    @DisplayName(
        "a STOP gets one confirmation when the organization asks for it, a second STOP none")
    void oneConfirmation() {
      org.updateSettings(s -> s.withOptOutConfirmation("Acme: you are unsubscribed."));
      started();
      fake.replyFrom(c.contactPhone(), NUMBER, "STOP");
      clock.advance(Duration.ofSeconds(1));
      fake.replyFrom(c.contactPhone(), NUMBER, "stop");
      assertThat(org.conversations().messages(c.id(), 10).items())
          .extracting(Message::body)
          .containsOnlyOnce("Acme: you are unsubscribed.");
    }

    @Test
    @DisplayName(
        "a texter opts a contact out with one confirmation text, and nothing more goes out")
    void texterOptOut() {
      started();
      clock.advance(Duration.ofSeconds(1));
      assertThat(ana.optOut(c.id(), Optional.of("You won't hear from us again.")).status())
          .isEqualTo(ConversationStatus.OPTED_OUT);
      assertThat(ana.messages(c.id()))
          .extracting(Message::body)
          .last()
          .isEqualTo("You won't hear from us again.");
      assertThatThrownBy(() -> ana.replyText(c.id(), "wait")).isInstanceOf(OptedOutException.class);
    }

    @Test
    @DisplayName("a closed conversation reopens when the contact writes again")
    void closeAndReopen() {
      started();
      assertThat(ana.close(c.id()).status()).isEqualTo(ConversationStatus.CLOSED);
      fake.replyFrom(c.contactPhone(), NUMBER, "one more thing");
      assertThat(ana.conversation(c.id()).status()).isEqualTo(ConversationStatus.NEEDS_ATTENTION);
      assertThat(ana.markRead(c.id()).unread()).isFalse();
    }

    @Test
    @DisplayName("a message from a stranger is kept unrouted, never dropped")
    void unrouted() {
      started();
      fake.replyFrom("+14155550199", NUMBER, "who is this?");
      assertThat(org.conversations().unrouted(10).items())
          .extracting(Message::body)
          .containsExactly("who is this?");
    }

    @Test
    @DisplayName("the inbox pages by keyset without repeats")
    void paging() {
      id = dynamicAction();
      ana.requestBatch(id);
      ana.requestBatch(id);
      sendNext(ana, id);
      sendNext(ana, id);
      sendNext(ana, id);
      var first = ana.inbox().page(InboxFilter.ALL, OptionalLong.empty(), "", 2);
      var second =
          ana.inbox().page(InboxFilter.ALL, OptionalLong.empty(), first.next().orElseThrow(), 2);
      assertThat(first.items()).hasSize(2);
      assertThat(second.items()).hasSize(1);
      assertThat(second.next()).isEmpty();
      assertThat(first.items()).doesNotContainAnyElementsOf(second.items());
      assertThatThrownBy(
              () -> ana.inbox().page(InboxFilter.ALL, OptionalLong.empty(), "garbage", 2))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("cursor");
    }
  }

  @Test
  @DisplayName("bad settings are refused, listing every problem")
  void badSettings() {
    assertThatThrownBy(
            () ->
                new TextingSettings(
                    Set.of("!!!", "HELP"),
                    TextingSettings.DEFAULT_HELP_KEYWORDS,
                    Optional.of(" "),
                    Optional.empty(),
                    Duration.ofDays(-1),
                    true,
                    Map.of("Florida", StateRule.daily(LocalTime.of(8, 0), LocalTime.of(20, 0))),
                    false))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .containsExactlyInAnyOrder(
                        "optOutKeywords",
                        "helpKeywords",
                        "helpText",
                        "lockWindow",
                        "stateWindows"));
    assertThat(org.settings()).isEqualTo(TextingSettings.DEFAULTS);
  }
}
