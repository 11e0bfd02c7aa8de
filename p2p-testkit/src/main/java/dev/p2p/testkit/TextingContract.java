package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.ForbiddenException;
import dev.p2p.NotFoundException;
import dev.p2p.OptedOutException;
import dev.p2p.ValidationException;
import dev.p2p.action.Action;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.ActionStatus;
import dev.p2p.action.Question;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.FiledReport;
import dev.p2p.conversation.InboxCounts;
import dev.p2p.conversation.InboxFilter;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.optout.OptOut;
import dev.p2p.optout.OptOutSource;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.InboundOutcome;
import dev.p2p.store.InboxQuery;
import dev.p2p.store.MessageOwner;
import dev.p2p.store.SendRecord;
import dev.p2p.store.SendRecord.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Sends, updates, inboxes, threads and inbound messages of {@link dev.p2p.store.ConversationStore}.
 * Run by {@link StoreContract} on every store.
 */
abstract class TextingContract extends ConversationFixtures {
  static final Instant LATER = NOW.plusSeconds(60);

  static void refused(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo(field));
  }

  Conversation update(long id, String texter, ConversationUpdate u) {
    return conversations().update(ORG, id, Optional.of(texter), u, LATER);
  }

  InboundOutcome receive(String carrierId, String from, String to, Instant at) {
    return conversations().receive(ORG, GATEWAY, inbound(carrierId, from, to), false, at);
  }

  @Nested
  @DisplayName("recording a send: refusals")
  class SendRefusals {
    @Test
    void anUnknownOrForeignConversationIsNotFound() {
      long id = claim(live(1), "ana", 1).get(0);
      SendRecord r = record(id, Kind.INITIAL, "ana");
      assertThatThrownBy(() -> conversations().recordSend(OTHER_ORG, r, NOW))
          .isInstanceOf(NotFoundException.class);
      SendRecord missing =
          new SendRecord(
              987_654, Kind.INITIAL, Optional.of("ana"), r.message(), r.effects(), Duration.ZERO);
      assertThatThrownBy(() -> conversations().recordSend(ORG, missing, NOW))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anotherTextersConversationIsForbidden() {
      long id = claim(live(1), "ana", 1).get(0);
      assertThatThrownBy(
              () -> conversations().recordSend(ORG, record(id, Kind.INITIAL, "ben"), NOW))
          .isInstanceOf(ForbiddenException.class);
    }

    @Test
    @DisplayName("an opted-out phone is refused, and nothing is written")
    void optedOut() {
      long id = claim(live(1), "ana", 1).get(0);
      optOuts().optOut(ORG, phone(1), OptOutSource.API, NOW);
      assertThatThrownBy(() -> sendInitial(id, "ana", NOW)).isInstanceOf(OptedOutException.class);
      assertThat(conversations().thread(ORG, id, 0, 10)).isEmpty();
    }

    @Test
    void anInvalidPhoneIsRefused() {
      long id = claim(live(1), "ana", 1).get(0);
      optOuts().markInvalid(ORG, phone(1), NOW);
      refused(() -> sendInitial(id, "ana", NOW), "contactPhone");
    }

    @Test
    @DisplayName("a second initial message, or a reply before the first, is refused")
    void wrongStatus() {
      long actionId = live(2);
      long id = started(actionId, "ana", NOW);
      refused(() -> sendInitial(id, "ana", LATER), "status");
      long fresh = claim(actionId, "ana", 1).get(0);
      refused(
          () -> conversations().recordSend(ORG, record(fresh, Kind.REPLY, "ana"), NOW), "status");
      assertThat(conversations().thread(ORG, id, 0, 10)).hasSize(1);
    }

    @Test
    void aPausedActionSendsNothing() {
      long actionId = live(1);
      long id = claim(actionId, "ana", 1).get(0);
      Action action = store().actions().findAction(ORG, actionId).orElseThrow();
      store().actions().saveAction(ORG, action, ActionStatus.PAUSED, action.spec(), NOW);
      refused(() -> sendInitial(id, "ana", NOW), "status");
    }

    @Test
    @DisplayName("another action's initial message to the phone blocks one within the lock window")
    void lockWindow() {
      long first = live(1);
      started(first, "ana", NOW);
      long second = live(ORG, list(ORG, 1, 1), false);
      long id = claim(second, "ben", 1).get(0);
      Duration hour = Duration.ofHours(1);
      refused(() -> sendInitialWithin(id, hour, NOW.plusSeconds(1_800)), "contactPhone");
      sendInitialWithin(id, hour, NOW.plusSeconds(3_601));
      assertThat(find(id).status()).isEqualTo(ConversationStatus.AWAITING_REPLY);
    }

    @Test
    void withoutALockWindowTwoActionsMayTextOnePhone() {
      started(live(1), "ana", NOW);
      long id = claim(live(ORG, list(ORG, 1, 1), false), "ben", 1).get(0);
      sendInitialWithin(id, Duration.ZERO, NOW.plusSeconds(1));
      assertThat(find(id).status()).isEqualTo(ConversationStatus.AWAITING_REPLY);
    }

    @Test
    void aReusedReferenceIsRefused() {
      long actionId = live(2);
      List<Long> ids = claim(actionId, "ana", 2);
      SendRecord first = record(ids.get(0), Kind.INITIAL, "ana");
      conversations().recordSend(ORG, first, NOW);
      SendRecord again =
          new SendRecord(
              ids.get(1),
              Kind.INITIAL,
              Optional.of("ana"),
              first.message(),
              ConversationUpdate.NONE,
              Duration.ZERO);
      refused(() -> conversations().recordSend(ORG, again, NOW), "reference");
      assertThat(find(ids.get(1)).status()).isEqualTo(ConversationStatus.NEEDS_FIRST_MESSAGE);
    }

    private void sendInitialWithin(long id, Duration window, Instant at) {
      SendRecord r = record(id, Kind.INITIAL, "ben");
      conversations()
          .recordSend(
              ORG,
              new SendRecord(id, r.kind(), r.texterId(), r.message(), r.effects(), window),
              at);
    }
  }

  @Nested
  @DisplayName("recording a send: effects")
  class SendEffects {
    @Test
    @DisplayName("an initial message is queued and the conversation awaits a reply, read")
    void initial() {
      long id = claim(live(1), "ana", 1).get(0);
      long messageId = sendInitial(id, "ana", LATER);
      Conversation c = find(id);
      assertThat(c.status()).isEqualTo(ConversationStatus.AWAITING_REPLY);
      assertThat(c.unread()).isFalse();
      assertThat(c.lastMessageAt()).contains(LATER);
      assertThat(c.sender()).contains(OUR_NUMBER);
      List<Message> thread = conversations().thread(ORG, id, 0, 10);
      assertThat(thread).extracting(Message::id).containsExactly(messageId);
      assertThat(thread.get(0).status()).isEqualTo(MessageStatus.QUEUED);
      assertThat(thread.get(0).direction()).isEqualTo(Direction.OUTBOUND);
    }

    @Test
    @DisplayName("the sender is sticky; a reply applies its tags and fields")
    void replyAppliesEffects() {
      long id = started(live(1), "ana", NOW);
      SendRecord r = record(id, Kind.REPLY, "ana");
      ConversationUpdate effects =
          ConversationUpdate.NONE.withTags(Set.of("supporter")).withFields(Map.of("ward", "3"));
      conversations()
          .recordSend(
              ORG,
              new SendRecord(
                  id,
                  Kind.REPLY,
                  r.texterId(),
                  message(phone(1), OTHER_NUMBER),
                  effects,
                  Duration.ZERO),
              LATER);
      Conversation c = find(id);
      assertThat(c.sender()).contains(OUR_NUMBER);
      assertThat(c.tags()).containsExactly("supporter");
      assertThat(c.fields()).containsExactly(Map.entry("ward", "3"));
      assertThat(conversations().thread(ORG, id, 0, 10)).hasSize(2);
    }

    @Test
    @DisplayName("an automatic message goes to an opted-out conversation and moves only its time")
    void automatic() {
      long id = started(live(1), "ana", NOW);
      optOuts().optOut(ORG, phone(1), OptOutSource.KEYWORD, NOW);
      conversations().recordSend(ORG, record(id, Kind.AUTOMATIC, ""), LATER);
      Conversation c = find(id);
      assertThat(c.status()).isEqualTo(ConversationStatus.OPTED_OUT);
      assertThat(c.lastMessageAt()).contains(LATER);
    }

    @Test
    @DisplayName("a thread pages by message id")
    void threadPages() {
      long id = started(live(1), "ana", NOW);
      long second = conversations().recordSend(ORG, record(id, Kind.REPLY, "ana"), LATER).id();
      List<Message> all = conversations().thread(ORG, id, 0, 10);
      assertThat(conversations().thread(ORG, id, 0, 1)).containsExactly(all.get(0));
      assertThat(conversations().thread(ORG, id, all.get(0).id(), 10))
          .extracting(Message::id)
          .containsExactly(second);
    }
  }

  @Nested
  @DisplayName("updating a conversation")
  class Updates {
    @Test
    void tagsAndFieldsAreAddedRemovedAndReplaced() {
      long id = started(live(1), "ana", NOW);
      update(
          id,
          "ana",
          ConversationUpdate.NONE.withTags(Set.of("b", "a")).withFields(Map.of("ward", "3")));
      Conversation c =
          update(
              id,
              "ana",
              ConversationUpdate.NONE
                  .withoutTags(Set.of("a", "zzz"))
                  .withFields(Map.of("ward", "4", "age", "42")));
      assertThat(c.tags()).containsExactly("b");
      assertThat(c.fields()).containsExactly(Map.entry("age", "42"), Map.entry("ward", "4"));
      assertThat(c.updatedAt()).isEqualTo(LATER);
      assertThat(find(id)).isEqualTo(c);
    }

    @Test
    @DisplayName("needs attention while the action asks for a report the contact's reply lacks")
    void needsAttentionUntilReported() {
      long id = started(live(ORG, list(ORG, 1, 1), true), "ana", NOW);
      receive("IN-1", phone(1), OUR_NUMBER, NOW.plusSeconds(1));
      assertThat(find(id).needsAttention()).isTrue();
      conversations().recordSend(ORG, record(id, Kind.REPLY, "ana"), NOW.plusSeconds(2));
      assertThat(find(id).status()).isEqualTo(ConversationStatus.AWAITING_REPLY);
      assertThat(find(id).needsAttention()).isTrue();
      FiledReport report =
          new FiledReport(Map.of("Will they vote?", List.of("supporter")), "ana", LATER);
      Conversation c = update(id, "ana", ConversationUpdate.NONE.withReport(report));
      assertThat(c.report()).contains(report);
      assertThat(c.needsAttention()).isFalse();
    }

    @Test
    @DisplayName("without report questions, a replied conversation awaiting a reply needs nothing")
    void noReportNoAttention() {
      long id = started(live(1), "ana", NOW);
      receive("IN-1", phone(1), OUR_NUMBER, NOW.plusSeconds(1));
      conversations().recordSend(ORG, record(id, Kind.REPLY, "ana"), NOW.plusSeconds(2));
      assertThat(find(id).needsAttention()).isFalse();
    }

    @Test
    @DisplayName("needs attention follows the action's report questions as they are now")
    void followsTheActionNow() {
      long actionId = live(1);
      long id = started(actionId, "ana", NOW);
      receive("IN-1", phone(1), OUR_NUMBER, NOW.plusSeconds(1));
      conversations().recordSend(ORG, record(id, Kind.REPLY, "ana"), NOW.plusSeconds(2));
      Action action = store().actions().findAction(ORG, actionId).orElseThrow();
      store().actions().createTag(ORG, dev.p2p.field.Tag.named("supporter"));
      store()
          .actions()
          .saveAction(
              ORG,
              action,
              ActionStatus.PUBLISHED,
              ActionDraft.of(action.spec()).question(Question.tags("Vote?", "supporter")).spec(),
              NOW);
      assertThat(find(id).needsAttention()).isTrue();
    }

    @Test
    @DisplayName("closing and reopening: back to needs attention when the contact wrote last")
    void closeAndReopen() {
      long actionId = live(2);
      long quiet = started(actionId, "ana", NOW);
      long replied = started(actionId, "ana", NOW);
      receive("IN-1", phone(2), OUR_NUMBER, NOW.plusSeconds(1));
      for (long id : List.of(quiet, replied)) {
        assertThat(update(id, "ana", ConversationUpdate.NONE.withClosed(true)).status())
            .isEqualTo(ConversationStatus.CLOSED);
      }
      assertThat(update(quiet, "ana", ConversationUpdate.NONE.withClosed(false)).status())
          .isEqualTo(ConversationStatus.AWAITING_REPLY);
      assertThat(update(replied, "ana", ConversationUpdate.NONE.withClosed(false)).status())
          .isEqualTo(ConversationStatus.NEEDS_ATTENTION);
    }

    @Test
    @DisplayName("an unstarted or opted-out conversation cannot be closed")
    void cannotClose() {
      long actionId = live(2);
      long fresh = claim(actionId, "ana", 1).get(0);
      refused(() -> update(fresh, "ana", ConversationUpdate.NONE.withClosed(true)), "status");
      long out = started(actionId, "ana", NOW);
      optOuts().optOut(ORG, phone(2), OptOutSource.TEXTER, NOW);
      refused(() -> update(out, "ana", ConversationUpdate.NONE.withClosed(true)), "status");
    }

    @Test
    void markingReadClearsUnread() {
      long id = started(live(1), "ana", NOW);
      receive("IN-1", phone(1), OUR_NUMBER, NOW.plusSeconds(1));
      assertThat(find(id).unread()).isTrue();
      assertThat(update(id, "ana", ConversationUpdate.NONE.withRead()).unread()).isFalse();
    }

    @Test
    @DisplayName("another texter is forbidden, an admin may, another organization finds nothing")
    void whoMayUpdate() {
      long id = started(live(1), "ana", NOW);
      ConversationUpdate tag = ConversationUpdate.NONE.withTags(Set.of("x"));
      assertThatThrownBy(() -> update(id, "ben", tag)).isInstanceOf(ForbiddenException.class);
      assertThat(conversations().update(ORG, id, Optional.empty(), tag, LATER).tags())
          .containsExactly("x");
      assertThatThrownBy(() -> conversations().update(OTHER_ORG, id, Optional.empty(), tag, LATER))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Nested
  @DisplayName("the inbox")
  class Inbox {
    InboxQuery query(InboxFilter filter, OptionalLong actionId, int limit) {
      return new InboxQuery("ana", filter, actionId, Optional.empty(), limit);
    }

    List<Long> ids(InboxQuery q) {
      return conversations().inbox(ORG, q).stream().map(Conversation::id).toList();
    }

    @Test
    @DisplayName("shows the texter's started conversations, newest activity first, by filter")
    void filters() {
      long actionId = live(5);
      long a = started(actionId, "ana", NOW);
      long b = started(actionId, "ana", NOW.plusSeconds(1));
      long c = started(actionId, "ana", NOW.plusSeconds(2));
      claim(actionId, "ana", 1); // not started
      started(actionId, "ben", NOW.plusSeconds(3));
      receive("IN-1", phone(1), OUR_NUMBER, NOW.plusSeconds(4));
      assertThat(ids(query(InboxFilter.ALL, OptionalLong.empty(), 10))).containsExactly(a, c, b);
      assertThat(ids(query(InboxFilter.NEEDS_ATTENTION, OptionalLong.empty(), 10)))
          .containsExactly(a);
      update(a, "ana", ConversationUpdate.NONE.withRead());
      assertThat(ids(query(InboxFilter.UNREAD, OptionalLong.empty(), 10))).isEmpty();
    }

    @Test
    void filtersByAction() {
      long first = live(1);
      long a = started(first, "ana", NOW);
      long b = started(live(ORG, list(ORG, 2, 2), false), "ana", NOW);
      assertThat(ids(query(InboxFilter.ALL, OptionalLong.of(first), 10))).containsExactly(a);
      assertThat(ids(query(InboxFilter.ALL, OptionalLong.empty(), 10))).containsExactly(b, a);
    }

    @Test
    @DisplayName("keyset pages have neither gaps nor repeats, ties included")
    void keysetPaging() {
      long actionId = live(7);
      for (int i = 0; i < 7; i++) {
        started(actionId, "ana", NOW.plusSeconds(i / 3));
      }
      List<Long> whole = ids(query(InboxFilter.ALL, OptionalLong.empty(), 100));
      List<Long> paged = new ArrayList<>();
      Optional<InboxQuery.Position> after = Optional.empty();
      while (true) {
        List<Conversation> page =
            conversations()
                .inbox(ORG, new InboxQuery("ana", InboxFilter.ALL, OptionalLong.empty(), after, 3));
        if (page.isEmpty()) {
          break;
        }
        page.forEach(c -> paged.add(c.id()));
        Conversation last = page.get(page.size() - 1);
        after = Optional.of(new InboxQuery.Position(last.lastMessageAt().orElseThrow(), last.id()));
      }
      assertThat(whole).hasSize(7);
      assertThat(paged).isEqualTo(whole);
    }

    @Test
    void countsPerFilter() {
      long first = live(3);
      long a = started(first, "ana", NOW);
      started(first, "ana", NOW);
      claim(first, "ana", 1);
      started(live(ORG, list(ORG, 4, 4), false), "ana", NOW);
      receive("IN-1", phone(1), OUR_NUMBER, LATER);
      assertThat(conversations().inboxCounts(ORG, "ana", OptionalLong.of(first)))
          .isEqualTo(new InboxCounts(2, 1, 1, 1, 0));
      assertThat(conversations().inboxCounts(ORG, "ana", OptionalLong.empty()))
          .isEqualTo(new InboxCounts(3, 1, 1, 1, 0));
      assertThat(conversations().inboxCounts(OTHER_ORG, "ana", OptionalLong.empty()))
          .isEqualTo(new InboxCounts(0, 0, 0, 0, 0));
      assertThat(find(a).unread()).isTrue();
    }
  }

  @Nested
  @DisplayName("inbound messages")
  class Inbound {
    @Test
    @DisplayName("are stored once per gateway and carrier id, in any organization")
    void storedOnce() {
      InboundOutcome first = receive("IN-1", phone(1), OUR_NUMBER, NOW);
      InboundOutcome again = receive("IN-1", phone(1), OUR_NUMBER, LATER);
      InboundOutcome elsewhere =
          conversations()
              .receive(OTHER_ORG, GATEWAY, inbound("IN-1", phone(1), OUR_NUMBER), false, LATER);
      assertThat(first.stored()).isTrue();
      assertThat(again)
          .isEqualTo(new InboundOutcome(false, first.messageId(), first.conversationId()));
      assertThat(elsewhere.stored()).isFalse();
      assertThat(elsewhere.messageId()).isEqualTo(first.messageId());
      assertThat(conversations().unrouted(ORG, 0, 10)).hasSize(1);
    }

    @Test
    @DisplayName(
        "route to the conversation, which needs attention and is unread; a closed one reopens")
    void routes() {
      long id = started(live(1), "ana", NOW);
      update(id, "ana", ConversationUpdate.NONE.withClosed(true));
      InboundOutcome in = receive("IN-1", phone(1), OUR_NUMBER, LATER);
      assertThat(in.conversationId()).isEqualTo(OptionalLong.of(id));
      Conversation c = find(id);
      assertThat(c.status()).isEqualTo(ConversationStatus.NEEDS_ATTENTION);
      assertThat(c.unread()).isTrue();
      assertThat(c.needsAttention()).isTrue();
      assertThat(c.lastMessageAt()).contains(LATER);
      assertThat(conversations().thread(ORG, id, 0, 10))
          .extracting(Message::direction)
          .containsExactly(Direction.OUTBOUND, Direction.INBOUND);
    }

    @Test
    @DisplayName("prefer the conversation texted from the number written to, else the last active")
    void routingPreference() {
      long older = started(live(1), "ana", NOW);
      long newer = claim(live(ORG, list(ORG, 1, 1), false), "ben", 1).get(0);
      SendRecord r = record(newer, Kind.INITIAL, "ben");
      conversations()
          .recordSend(
              ORG,
              new SendRecord(
                  newer,
                  Kind.INITIAL,
                  r.texterId(),
                  message(phone(1), OTHER_NUMBER),
                  r.effects(),
                  Duration.ZERO),
              NOW.plusSeconds(10));
      assertThat(receive("IN-1", phone(1), "+13125550199", NOW.plusSeconds(20)).conversationId())
          .isEqualTo(OptionalLong.of(newer));
      assertThat(receive("IN-2", phone(1), OUR_NUMBER, NOW.plusSeconds(30)).conversationId())
          .isEqualTo(OptionalLong.of(older));
    }

    @Test
    @DisplayName("a STOP keyword opts the phone out in the same operation")
    void stopOptsOut() {
      long id = started(live(1), "ana", NOW);
      InboundOutcome in =
          conversations().receive(ORG, GATEWAY, inbound("IN-1", phone(1), OUR_NUMBER), true, LATER);
      assertThat(in.conversationId()).isEqualTo(OptionalLong.of(id));
      assertThat(optOuts().findOptOut(ORG, phone(1)))
          .contains(new OptOut(phone(1), OptOutSource.KEYWORD, LATER));
      assertThat(find(id).status()).isEqualTo(ConversationStatus.OPTED_OUT);
      assertThat(find(id).needsAttention()).isFalse();
    }

    @Test
    @DisplayName("without a conversation, a message is kept unrouted")
    void unrouted() {
      live(1); // contact 1 is in a pool, but never texted
      InboundOutcome a = receive("IN-1", phone(1), OUR_NUMBER, NOW);
      InboundOutcome b = receive("IN-2", phone(50), OUR_NUMBER, LATER);
      assertThat(a.conversationId()).isEmpty();
      assertThat(conversations().unrouted(ORG, 0, 10))
          .extracting(Message::id)
          .containsExactly(a.messageId(), b.messageId());
      assertThat(conversations().unrouted(ORG, a.messageId(), 10))
          .extracting(Message::id)
          .containsExactly(b.messageId());
      assertThat(conversations().unrouted(OTHER_ORG, 0, 10)).isEmpty();
    }

    @Test
    @DisplayName("the owner of an outbound carrier id is its organization and phone")
    void ownerOf() {
      long id = claim(live(1), "ana", 1).get(0);
      long messageId = sendInitial(id, "ana", NOW);
      store().messages().markSent(ORG, messageId, SendReceipt.queued("SM-1"), NOW);
      assertThat(conversations().ownerOf(GATEWAY, "SM-1"))
          .contains(new MessageOwner(ORG, phone(1)));
      assertThat(conversations().ownerOf(GATEWAY, "SM-2")).isEmpty();
      assertThat(conversations().ownerOf("bandwidth", "SM-1")).isEmpty();
    }
  }
}
