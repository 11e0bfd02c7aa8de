package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.OptedOutException;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.FiledReport;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.event.Change;
import dev.p2p.event.Change.AssignmentChanged;
import dev.p2p.event.Change.AssignmentChanged.Reason;
import dev.p2p.event.Event;
import dev.p2p.event.Subscription;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.optout.OptOutSource;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.SendRecord;
import dev.p2p.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The event feed of {@link dev.p2p.store.EventStore}: which operation writes which change, the
 * positions, and the after-commit callback. Run by {@link StoreContract} on every store.
 */
abstract class EventContract extends ConversationFixtures {
  static final Instant LATER = NOW.plusSeconds(60);

  /** Every event of the organization, from the start. */
  List<Event> feed(String orgId) {
    return store().events().read(orgId, 0, 1_000);
  }

  /** The changes of the organization's events after a position. */
  List<Change> changesAfter(long position) {
    List<Change> changes = new ArrayList<>();
    store().events().read(ORG, position, 1_000).forEach(e -> changes.add(e.change()));
    return changes;
  }

  long last() {
    return store().events().lastPosition(ORG);
  }

  @Nested
  @DisplayName("retention: pruning the oldest events")
  class Retention extends EventRetentionContract {
    @Override
    Store store() {
      return EventContract.this.store();
    }
  }

  @Nested
  @DisplayName("the feed")
  class Feed {
    @Test
    @DisplayName("an organization without changes has an empty feed at position 0")
    void emptyFeed() {
      assertThat(store().events().lastPosition(ORG)).isZero();
      assertThat(feed(ORG)).isEmpty();
    }

    @Test
    @DisplayName("an organization the store does not know has an empty feed too")
    void unknownOrganization() {
      assertThat(store().events().read("nobody", 0, 10)).isEmpty();
      assertThat(store().events().lastPosition("nobody")).isZero();
    }

    @Test
    @DisplayName("positions run 1, 2, 3 per organization, in order, with the time of the change")
    void positionsArePerOrganization() {
      optOuts().optOut(ORG, phone(1), OptOutSource.API, NOW);
      optOuts().optOut(OTHER_ORG, phone(2), OptOutSource.API, NOW);
      optOuts().optOut(ORG, phone(3), OptOutSource.TEXTER, LATER);

      List<Event> acme = feed(ORG);
      assertThat(acme).extracting(Event::position).containsExactly(1L, 2L);
      assertThat(acme).extracting(Event::organization).containsOnly(ORG);
      assertThat(acme.get(1).occurredAt()).isEqualTo(LATER);
      assertThat(acme.get(1).change())
          .isEqualTo(new Change.ContactOptedOut(phone(3), OptOutSource.TEXTER));
      assertThat(feed(OTHER_ORG))
          .singleElement()
          .satisfies(e -> assertThat(e.position()).isEqualTo(1L));
      assertThat(store().events().lastPosition(ORG)).isEqualTo(2L);
    }

    @Test
    @DisplayName("read pages by position: after the cursor, at most the limit")
    void readPages() {
      for (int n = 1; n <= 5; n++) {
        optOuts().optOut(ORG, phone(n), OptOutSource.API, NOW);
      }
      assertThat(store().events().read(ORG, 2, 2))
          .extracting(Event::position)
          .containsExactly(3L, 4L);
      assertThat(store().events().read(ORG, 5, 10)).isEmpty();
    }

    @Test
    @DisplayName("an operation that fails writes no event and uses no position")
    void failedOperationWritesNothing() {
      long actionId = live(2);
      long id = claim(actionId, "ana", 1).get(0);
      optOuts().optOut(ORG, find(id).contactPhone(), OptOutSource.API, NOW);
      long before = last();

      assertThatThrownBy(() -> sendInitial(id, "ana", NOW)).isInstanceOf(OptedOutException.class);

      assertThat(last()).isEqualTo(before);
      optOuts().optOut(ORG, phone(9), OptOutSource.API, NOW);
      assertThat(last()).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("the after-commit callback hears each operation's events, and stops when closed")
    void afterCommitCallback() {
      List<List<Event>> heard = new ArrayList<>();
      Subscription subscription = store().events().afterCommit(heard::add);
      try {
        optOuts().optOut(ORG, phone(1), OptOutSource.API, NOW);
        optOuts().optOut(ORG, phone(1), OptOutSource.API, NOW);
      } finally {
        subscription.close();
      }
      optOuts().optOut(ORG, phone(2), OptOutSource.API, NOW);

      assertThat(heard).singleElement().isEqualTo(feed(ORG).subList(0, 1));
    }
  }

  @Nested
  @DisplayName("assignment")
  class Assignment {
    @Test
    @DisplayName("a claim writes the claimed ids, ascending")
    void claimWritesIds() {
      long actionId = live(3);
      List<Long> ids = claim(actionId, "ana", 2);
      assertThat(changesAfter(0))
          .containsExactly(
              new AssignmentChanged(
                  actionId, Reason.CLAIMED, Optional.of("ana"), Optional.empty(), ids));
    }

    @Test
    @DisplayName("an empty claim writes nothing")
    void emptyClaim() {
      long actionId = live(1);
      claim(actionId, "ana", 1);
      long before = last();
      assertThat(claim(actionId, "bob", 1)).isEmpty();
      assertThat(last()).isEqualTo(before);
    }

    @Test
    @DisplayName("a fixed split writes one event per texter, by texter id")
    void splitWritesPerTexter() {
      long actionId = live(4);
      assignments().assignAll(ORG, actionId, List.of("zoe", "ana"), 0, false, NOW);
      List<Change> changes = changesAfter(0);
      assertThat(changes).hasSize(2);
      AssignmentChanged ana = (AssignmentChanged) changes.get(0);
      AssignmentChanged zoe = (AssignmentChanged) changes.get(1);
      assertThat(ana.texterId()).contains("ana");
      assertThat(zoe.texterId()).contains("zoe");
      assertThat(ana.reason()).isEqualTo(Reason.ASSIGNED);
      assertThat(ana.conversationIds()).hasSize(2).isSorted();
      List<Long> all = new ArrayList<>(ana.conversationIds());
      all.addAll(zoe.conversationIds());
      assertThat(all).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    @DisplayName("a reassignment and a release name both texters")
    void reassignAndRelease() {
      long actionId = live(3);
      List<Long> ids = claim(actionId, "ana", 3);
      sendInitial(ids.get(0), "ana", NOW);
      long before = last();

      assignments().reassign(ORG, actionId, "ana", "bob", NOW);
      assignments().release(ORG, actionId, "bob", NOW);

      assertThat(changesAfter(before))
          .filteredOn(c -> c instanceof AssignmentChanged)
          .containsExactly(
              new AssignmentChanged(
                  actionId, Reason.REASSIGNED, Optional.of("bob"), Optional.of("ana"), ids),
              new AssignmentChanged(
                  actionId,
                  Reason.RELEASED,
                  Optional.empty(),
                  Optional.of("bob"),
                  ids.subList(1, 3)));
    }
  }

  @Nested
  @DisplayName("messages")
  class Messages {
    @Test
    @DisplayName("a receipt writes message.sent with the conversation, action and texter")
    void receiptWritesSent() {
      long actionId = live(1);
      long conversationId = claim(actionId, "ana", 1).get(0);
      long messageId = sendInitial(conversationId, "ana", NOW);
      long before = last();

      store()
          .messages()
          .markSent(
              ORG,
              messageId,
              new SendReceipt("SM1", MessageStatus.SENT, OptionalInt.of(2), Optional.empty()),
              LATER);

      assertThat(changesAfter(before))
          .singleElement()
          .isInstanceOfSatisfying(
              Change.MessageSent.class,
              sent -> {
                assertThat(sent.messageId()).isEqualTo(messageId);
                assertThat(sent.conversationId()).isEqualTo(OptionalLong.of(conversationId));
                assertThat(sent.actionId()).isEqualTo(OptionalLong.of(actionId));
                assertThat(sent.texterId()).contains("ana");
                assertThat(sent.contactPhone()).isEqualTo(phone(1));
                assertThat(sent.sender()).isEqualTo(OUR_NUMBER);
                assertThat(sent.carrierMessageId()).isEqualTo("SM1");
                assertThat(sent.segments()).isEqualTo(2);
                assertThat(sent.reference()).startsWith("ref-");
              });
    }

    @Test
    @DisplayName("delivery writes message.delivered once; a repeated callback writes nothing")
    void deliveryOnce() {
      long actionId = live(1);
      long conversationId = claim(actionId, "ana", 1).get(0);
      long messageId = sendInitial(conversationId, "ana", NOW);
      store().messages().markSent(ORG, messageId, SendReceipt.queued("SM1"), NOW);
      long before = last();
      StatusUpdate delivered =
          new StatusUpdate(
              "SM1",
              MessageStatus.DELIVERED,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty());

      store().messages().applyStatus(GATEWAY, delivered, LATER);
      store().messages().applyStatus(GATEWAY, delivered, LATER);

      assertThat(changesAfter(before))
          .singleElement()
          .isEqualTo(
              new Change.MessageDelivered(
                  messageId,
                  store().messages().findMessage(ORG, messageId).orElseThrow().reference().get(),
                  OptionalLong.of(conversationId),
                  OptionalLong.of(actionId),
                  phone(1)));
    }

    @Test
    @DisplayName("an undelivered callback writes message.failed with the kind and the code")
    void undeliveredWritesFailed() {
      long actionId = live(1);
      long messageId = sendInitial(claim(actionId, "ana", 1).get(0), "ana", NOW);
      store().messages().markSent(ORG, messageId, SendReceipt.queued("SM1"), NOW);
      long before = last();

      store()
          .messages()
          .applyStatus(
              GATEWAY,
              new StatusUpdate(
                  "SM1",
                  MessageStatus.UNDELIVERED,
                  Optional.empty(),
                  Optional.of(GatewayError.invalidNumber()),
                  Optional.of("30006"),
                  Optional.empty()),
              LATER);

      assertThat(changesAfter(before))
          .filteredOn(c -> c instanceof Change.MessageFailed)
          .singleElement()
          .isInstanceOfSatisfying(
              Change.MessageFailed.class,
              failed -> {
                assertThat(failed.messageId()).isEqualTo(messageId);
                assertThat(failed.failure()).isEqualTo(FailureKind.INVALID_NUMBER);
                assertThat(failed.carrierCode()).contains("30006");
              });
    }

    @Test
    @DisplayName("a refused send writes message.failed; an unconfirmed one writes nothing")
    void refusedSend() {
      long actionId = live(2);
      List<Long> ids = claim(actionId, "ana", 2);
      long refused = sendInitial(ids.get(0), "ana", NOW);
      long unconfirmed = sendInitial(ids.get(1), "ana", NOW);
      long before = last();

      store()
          .messages()
          .markFailed(ORG, refused, FailureKind.PERMANENT, Optional.of("21617"), true, LATER);
      store()
          .messages()
          .markFailed(ORG, unconfirmed, FailureKind.RETRYABLE, Optional.empty(), false, LATER);

      assertThat(changesAfter(before))
          .singleElement()
          .isInstanceOfSatisfying(
              Change.MessageFailed.class,
              failed -> {
                assertThat(failed.messageId()).isEqualTo(refused);
                assertThat(failed.failure()).isEqualTo(FailureKind.PERMANENT);
                assertThat(failed.carrierCode()).contains("21617");
              });
    }

    @Test
    @DisplayName("an inbound message writes message.received, routed to its conversation, once")
    void inboundWritesReceived() {
      long actionId = live(1);
      long conversationId = claim(actionId, "ana", 1).get(0);
      sendInitial(conversationId, "ana", NOW);
      long before = last();

      conversations().receive(ORG, GATEWAY, inbound("IN-1", phone(1), OUR_NUMBER), false, LATER);
      conversations().receive(ORG, GATEWAY, inbound("IN-1", phone(1), OUR_NUMBER), false, LATER);

      assertThat(changesAfter(before))
          .singleElement()
          .isInstanceOfSatisfying(
              Change.MessageReceived.class,
              received -> {
                assertThat(received.conversationId()).isEqualTo(OptionalLong.of(conversationId));
                assertThat(received.actionId()).isEqualTo(OptionalLong.of(actionId));
                assertThat(received.texterId()).contains("ana");
                assertThat(received.contactPhone()).isEqualTo(phone(1));
                assertThat(received.sender()).isEqualTo(OUR_NUMBER);
                assertThat(received.body()).isEqualTo("Yes!");
              });
    }

    @Test
    @DisplayName("a message from a stranger writes message.received without a conversation")
    void strangerIsUnrouted() {
      conversations().receive(ORG, GATEWAY, inbound("IN-9", phone(9), OUR_NUMBER), false, NOW);
      assertThat(changesAfter(0))
          .singleElement()
          .isInstanceOfSatisfying(
              Change.MessageReceived.class,
              received -> {
                assertThat(received.conversationId()).isEmpty();
                assertThat(received.actionId()).isEmpty();
                assertThat(received.texterId()).isEmpty();
              });
    }

    @Test
    @DisplayName("STOP writes message.received, then contact.opted_out, once per phone")
    void stopWritesOptOutAfterReceived() {
      long actionId = live(1);
      sendInitial(claim(actionId, "ana", 1).get(0), "ana", NOW);
      long before = last();

      conversations().receive(ORG, GATEWAY, inbound("IN-1", phone(1), OUR_NUMBER), true, LATER);
      conversations().receive(ORG, GATEWAY, inbound("IN-2", phone(1), OUR_NUMBER), true, LATER);

      List<Change> changes = changesAfter(before);
      assertThat(changes).hasSize(3);
      assertThat(changes.get(0)).isInstanceOf(Change.MessageReceived.class);
      assertThat(changes.get(1))
          .isEqualTo(new Change.ContactOptedOut(phone(1), OptOutSource.KEYWORD));
      assertThat(changes.get(2)).isInstanceOf(Change.MessageReceived.class);
    }
  }

  @Nested
  @DisplayName("tags, fields and reports")
  class Edits {
    @Test
    @DisplayName("an update writes each real change: tags added, removed, fields set, the report")
    void updateWritesRealChanges() {
      long actionId = live(ORG, list(ORG, 1, 1), true);
      long id = claim(actionId, "ana", 1).get(0);
      sendInitial(id, "ana", NOW);
      conversations()
          .update(
              ORG,
              id,
              Optional.of("ana"),
              ConversationUpdate.NONE.withTags(Set.of("old")).withFields(Map.of("ward", "3")),
              NOW);
      long before = last();
      FiledReport report =
          new FiledReport(Map.of("Will they vote?", List.of("supporter")), "ana", LATER);

      conversations()
          .update(
              ORG,
              id,
              Optional.of("ana"),
              ConversationUpdate.NONE
                  .withTags(Set.of("supporter", "donor", "old"))
                  .withoutTags(Set.of("old", "never-had"))
                  .withFields(Map.of("ward", "3", "pollingPlace", "Library"))
                  .withReport(report),
              LATER);

      assertThat(changesAfter(before))
          .containsExactly(
              new Change.TagAdded(id, actionId, "donor"),
              new Change.TagAdded(id, actionId, "supporter"),
              new Change.TagRemoved(id, actionId, "old"),
              new Change.FieldSet(id, actionId, "pollingPlace", "Library"),
              new Change.ReportFiled(id, actionId, report));
    }

    @Test
    @DisplayName("a reply's script effects are written with the send")
    void sendEffects() {
      long actionId = live(1);
      long id = claim(actionId, "ana", 1).get(0);
      sendInitial(id, "ana", NOW);
      long before = last();

      conversations()
          .recordSend(
              ORG,
              record(
                  id,
                  SendRecord.Kind.REPLY,
                  "ana",
                  ConversationUpdate.NONE.withTags(Set.of("supporter"))),
              LATER);

      assertThat(changesAfter(before))
          .containsExactly(new Change.TagAdded(id, actionId, "supporter"));
    }

    @Test
    @DisplayName("opting out twice writes one contact.opted_out")
    void optOutOnce() {
      optOuts().optOut(ORG, phone(1), OptOutSource.TEXTER, NOW);
      optOuts().optOut(ORG, phone(1), OptOutSource.API, NOW);
      assertThat(changesAfter(0))
          .containsExactly(new Change.ContactOptedOut(phone(1), OptOutSource.TEXTER));
    }
  }
}
