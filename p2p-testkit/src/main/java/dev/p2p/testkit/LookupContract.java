package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.Page;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.action.SenderSettings;
import dev.p2p.action.TextingHours;
import dev.p2p.assign.Target;
import dev.p2p.contact.NewContact;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.conversation.Conversations;
import dev.p2p.conversation.Inbox;
import dev.p2p.conversation.InboxCounts;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.Texter;
import dev.p2p.gateway.GatewayError;
import dev.p2p.store.Store;
import dev.p2p.texter.TexterProfile;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The lookups a CRM needs, through the public API: a conversation by phone within an action, a
 * phone's conversations across the organization, and a texter's claimed-but-unsent conversations;
 * their order, their paging, their isolation between organizations and their refusals of bad input.
 * Run by {@link StoreContract} on every store, so every store gives these answers.
 */
abstract class LookupContract {
  private static final String NUMBER = "+13125550100";
  private static final String SAM = "+13125550211";
  private static final String LEE = "+13125550212";
  private static final String KIM = "+13125550213";
  private static final String ROY = "+13125550214";
  private static final String EVE = "+13125550215";

  private final MutableClock clock = MutableClock.at(StoreContract.NOW.plusSeconds(3_600));
  private final FakeGateway fake = FakeGateway.builder().clock(clock).build();
  private P2P p2p;
  private Organization org;
  private Organization other;
  private Texter ana;
  private Texter ben;

  /** The store under test. */
  abstract Store store();

  @BeforeEach
  void start() {
    p2p = P2P.builder().store(store()).clock(clock).gateway("fake", fake).build();
    fake.connect(p2p.webhooks()::handle);
    org = p2p.organization(StoreContract.ORG);
    other = p2p.organization(StoreContract.OTHER_ORG);
    org.texters().upsert(new TexterProfile("ana", "Ana", "Diaz"));
    org.texters().upsert(new TexterProfile("ben", "Ben", "Li"));
    other.texters().upsert(new TexterProfile("ana", "Ana", "Other"));
    ana = org.texter("ana");
    ben = org.texter("ben");
  }

  @AfterEach
  void stop() {
    p2p.close();
  }

  /** A published action of the organization on these phones, its contacts for the texter. */
  private long action(Organization o, String name, String texter, String... phones) {
    long listId = o.contacts().createList(name).id();
    for (String phone : phones) {
      o.contacts().add(listId, NewContact.builder(phone).firstName("Sam").build());
    }
    long id =
        o.actions()
            .create(
                ActionDraft.named(name)
                    .contacts(listId)
                    .initial("Hi {firstName}, it's {texterFirstName}. Will you vote?")
                    .textingHours(
                        new TextingHours(LocalTime.of(8, 0), LocalTime.of(21, 0), ZoneId.of("UTC")))
                    .sender(SenderSettings.numbers("fake", List.of(NUMBER)))
                    .assignment(AssignmentSettings.dynamic().withBatchSize(10)))
            .id();
    o.actions().publish(id);
    o.assignments().assign(id, Target.texter(texter));
    return id;
  }

  private long action(String name, String texter, String... phones) {
    return action(org, name, texter, phones);
  }

  /** Every item of a listing, read page by page with the limit; checks the last page's cursor. */
  private static List<Conversation> readAll(
      BiFunction<String, Integer, Page<Conversation>> listing, int limit) {
    List<Conversation> all = new ArrayList<>();
    String cursor = "";
    for (int pages = 0; pages < 100; pages++) {
      Page<Conversation> page = listing.apply(cursor, limit);
      assertThat(page.items().size()).isLessThanOrEqualTo(limit);
      all.addAll(page.items());
      if (page.next().isEmpty()) {
        return all;
      }
      assertThat(page.items()).hasSize(limit);
      cursor = page.next().get();
    }
    throw new AssertionError("the listing did not end within 100 pages");
  }

  private static List<Long> ids(List<Conversation> conversations) {
    return conversations.stream().map(Conversation::id).toList();
  }

  private static void refused(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).violations())
                    .extracting(Violation::field)
                    .containsExactly(field));
  }

  // ---- a conversation by phone within an action ----

  @Test
  @DisplayName("an action's conversation is found by its phone, written in any form")
  void findsAnActionsConversationByPhone() {
    long first = action("First", "ana", SAM, LEE);
    long second = action("Second", "ana", SAM);
    Conversations conversations = org.conversations();

    Conversation found = conversations.findByPhone(first, "(312) 555-0211").orElseThrow();
    assertThat(found.actionId()).isEqualTo(first);
    assertThat(found.contactPhone()).isEqualTo(SAM);
    assertThat(found.texterId()).isEmpty();
    assertThat(found.status()).isEqualTo(ConversationStatus.NEEDS_FIRST_MESSAGE);
    assertThat(conversations.find(found.id())).contains(found);
    assertThat(conversations.findByPhone(second, "+1 312 555 0211"))
        .hasValueSatisfying(c -> assertThat(c.actionId()).isEqualTo(second));
    assertThat(conversations.findByPhone(second, LEE)).isEmpty();
    assertThat(conversations.findByPhone(first, KIM)).isEmpty();
    assertThat(conversations.findByPhone(second + 1_000, SAM)).isEmpty();
  }

  @Test
  @DisplayName("the conversation found by phone shows its texter once claimed")
  void foundByPhoneOnceClaimed() {
    long gotv = action("GOTV", "ana", SAM, LEE);
    assertThat(ana.requestBatch(gotv)).isEqualTo(2);
    assertThat(org.conversations().findByPhone(gotv, SAM))
        .hasValueSatisfying(c -> assertThat(c.texterId()).contains("ana"));
  }

  @Test
  @DisplayName(
      "a phone in an action twice (its contact removed and added again) finds the newer"
          + " conversation")
  void aPhoneTwiceInAnActionFindsTheNewer() {
    long gotv = action("GOTV", "ana", SAM, LEE);
    Conversation older = org.conversations().findByPhone(gotv, SAM).orElseThrow();
    long listId = org.actions().find(gotv).orElseThrow().spec().contactListId().getAsLong();
    assertThat(org.contacts().remove(older.contactId())).isTrue();
    org.contacts().add(listId, NewContact.builder(SAM).firstName("Sam").build());
    // The pool takes the contact added again (a live node re-opens it within a minute).
    store().assignments().openPool(StoreContract.ORG, gotv, clock.instant());

    Conversation newer = org.conversations().findByPhone(gotv, SAM).orElseThrow();
    assertThat(newer.id()).isGreaterThan(older.id());
    assertThat(newer.contactId()).isNotEqualTo(older.contactId());
    assertThat(org.conversations().ofPhone(SAM, "", 10).items())
        .extracting(Conversation::id)
        .containsExactly(newer.id(), older.id());
  }

  // ---- a phone's conversations across the organization ----

  @Test
  @DisplayName("a phone's conversations are every action's, newest first, and page alike")
  void aPhonesConversationsNewestFirst() {
    long first = action("First", "ana", SAM, LEE);
    long second = action("Second", "ben", LEE, SAM);
    long third = action("Third", "ana", SAM);
    action("Fourth", "ana", LEE);

    Page<Conversation> whole = org.conversations().ofPhone("312-555-0211", "", 10);
    assertThat(whole.items())
        .extracting(Conversation::actionId)
        .containsExactly(third, second, first);
    assertThat(whole.items()).extracting(Conversation::contactPhone).containsOnly(SAM);
    assertThat(whole.next()).isEmpty();
    assertThat(ids(whole.items())).isSortedAccordingTo((a, b) -> Long.compare(b, a));

    for (int limit = 1; limit <= 3; limit++) {
      assertThat(ids(readAll((cursor, n) -> org.conversations().ofPhone(SAM, cursor, n), limit)))
          .as("pages of %d", limit)
          .containsExactlyElementsOf(ids(whole.items()));
    }
    assertThat(org.conversations().ofPhone(KIM, "", Conversations.MAX_PAGE).items()).isEmpty();
  }

  @Test
  @DisplayName("a phone's conversations show their texter and status as they are now")
  void aPhonesConversationsAsTheyAreNow() {
    long first = action("First", "ana", SAM);
    long second = action("Second", "ana", SAM);
    ana.requestBatch(first);
    clock.advance(Duration.ofSeconds(1));
    ana.send(ana.nextToSend(first).orElseThrow().conversationId());

    List<Conversation> found = org.conversations().ofPhone(SAM, "", 10).items();
    assertThat(found).extracting(Conversation::actionId).containsExactly(second, first);
    assertThat(found.get(0).texterId()).isEmpty();
    assertThat(found.get(0).status()).isEqualTo(ConversationStatus.NEEDS_FIRST_MESSAGE);
    assertThat(found.get(1).texterId()).contains("ana");
    assertThat(found.get(1).status()).isEqualTo(ConversationStatus.AWAITING_REPLY);
    assertThat(found.get(1)).isEqualTo(org.conversations().find(found.get(1).id()).orElseThrow());
  }

  // ---- a texter's claimed-but-unsent conversations ----

  @Test
  @DisplayName("a texter's unsent conversations are their claimed ones, lowest id first")
  void unsentAreTheClaimedOnes() {
    long first = action("First", "ana", SAM, LEE, KIM);
    long second = action("Second", "ana", ROY, EVE);
    long bens = action("Ben's", "ben", SAM);
    assertThat(ana.requestBatch(first)).isEqualTo(3);
    assertThat(ana.requestBatch(second)).isEqualTo(2);
    assertThat(ben.requestBatch(bens)).isEqualTo(1);

    List<Conversation> before = ana.unsent(OptionalLong.empty(), "", 10).items();
    assertThat(before).hasSize(5);
    assertThat(ids(before)).isSorted();
    assertThat(before)
        .extracting(Conversation::texterId)
        .containsOnly(java.util.Optional.of("ana"));
    assertThat(before)
        .extracting(Conversation::status)
        .containsOnly(ConversationStatus.NEEDS_FIRST_MESSAGE);
    assertThat(before.get(0).id()).isEqualTo(ana.nextToSend(first).orElseThrow().conversationId());

    clock.advance(Duration.ofSeconds(1));
    long sent = ana.nextToSend(first).orElseThrow().conversationId();
    ana.send(sent);

    List<Conversation> after = ana.unsent(OptionalLong.empty(), "", 10).items();
    assertThat(ids(after)).containsExactlyElementsOf(ids(before.subList(1, 5)));
    assertThat(ids(after)).doesNotContain(sent);
    InboxCounts counts = ana.inbox().counts();
    assertThat(after).hasSize((int) (counts.toSend() + counts.blocked()));
    assertThat(ana.unsent(OptionalLong.of(second), "", 10).items())
        .extracting(Conversation::actionId)
        .containsExactly(second, second);
    assertThat(ana.unsent(OptionalLong.of(bens), "", 10).items()).isEmpty();
    assertThat(ben.unsent(OptionalLong.empty(), "", 10).items())
        .extracting(Conversation::actionId)
        .containsExactly(bens);
  }

  @Test
  @DisplayName("a texter's unsent conversations page alike, for all actions or one")
  void unsentPages() {
    long first = action("First", "ana", SAM, LEE, KIM);
    long second = action("Second", "ana", ROY, EVE);
    ana.requestBatch(second);
    ana.requestBatch(first);
    List<Long> all = ids(ana.unsent(OptionalLong.empty(), "", Inbox.MAX_PAGE).items());
    List<Long> ofFirst = ids(ana.unsent(OptionalLong.of(first), "", Inbox.MAX_PAGE).items());
    assertThat(all).hasSize(5).isSorted();
    assertThat(ofFirst).hasSize(3).isSorted();

    for (int limit = 1; limit <= 3; limit++) {
      assertThat(ids(readAll((cursor, n) -> ana.unsent(OptionalLong.empty(), cursor, n), limit)))
          .as("pages of %d", limit)
          .containsExactlyElementsOf(all);
      assertThat(ids(readAll((cursor, n) -> ana.unsent(OptionalLong.of(first), cursor, n), limit)))
          .as("pages of %d of one action", limit)
          .containsExactlyElementsOf(ofFirst);
    }
  }

  @Test
  @DisplayName(
      "a claimed phone marked invalid stays listed as unsent (blocked); one opted out leaves,"
          + " and so do released ones")
  void blockedStayOptedOutAndReleasedLeave() {
    long gotv = action("GOTV", "ana", SAM, LEE, KIM);
    assertThat(ana.requestBatch(gotv)).isEqualTo(3);

    long earlier = action("Earlier", "ben", SAM);
    ben.requestBatch(earlier);
    fake.failNext(1, GatewayError.invalidNumber());
    clock.advance(Duration.ofSeconds(1));
    assertThat(ben.send(ben.nextToSend(earlier).orElseThrow().conversationId()).status())
        .isEqualTo(MessageStatus.FAILED);
    org.optOuts().add(LEE);

    assertThat(ana.unsent(OptionalLong.empty(), "", 10).items())
        .extracting(Conversation::contactPhone)
        .containsExactly(SAM, KIM);
    assertThat(ana.inbox().counts()).isEqualTo(new InboxCounts(0, 0, 0, 1, 1));

    org.assignments().release(gotv, "ana");
    assertThat(ana.unsent(OptionalLong.empty(), "", 10).items()).isEmpty();
  }

  // ---- organizations ----

  @Test
  @DisplayName("another organization's conversations are never found, nor its cursors read")
  void anotherOrganizationsAreNeverFound() {
    long theirs = action(other, "Theirs", "ana", SAM, LEE);
    action(other, "Theirs too", "ana", SAM);
    other.texter("ana").requestBatch(theirs);

    assertThat(org.conversations().findByPhone(theirs, SAM)).isEmpty();
    assertThat(org.conversations().ofPhone(SAM, "", 10).items()).isEmpty();
    assertThat(ana.unsent(OptionalLong.empty(), "", 10).items()).isEmpty();
    assertThat(ana.unsent(OptionalLong.of(theirs), "", 10).items()).isEmpty();
    assertThat(other.conversations().findByPhone(theirs, SAM)).isPresent();
    assertThat(other.conversations().ofPhone(SAM, "", 10).items()).hasSize(2);
    assertThat(other.texter("ana").unsent(OptionalLong.empty(), "", 10).items()).hasSize(2);

    String theirPhoneCursor = other.conversations().ofPhone(SAM, "", 1).next().orElseThrow();
    String theirUnsentCursor =
        other.texter("ana").unsent(OptionalLong.empty(), "", 1).next().orElseThrow();
    action("Ours", "ana", SAM);
    refused(() -> org.conversations().ofPhone(SAM, theirPhoneCursor, 1), "cursor");
    refused(() -> ana.unsent(OptionalLong.empty(), theirUnsentCursor, 1), "cursor");
  }

  // ---- bad input ----

  @Test
  @DisplayName("a bad phone is refused naming phone, without repeating it")
  @SuppressWarnings("NullAway") // passes null on purpose: a caller without nullness checks can
  void badPhones() {
    long gotv = action("GOTV", "ana", SAM);
    Conversations conversations = org.conversations();
    refused(() -> conversations.findByPhone(gotv, null), "phone");
    refused(() -> conversations.ofPhone(null, "", 10), "phone");
    for (String bad :
        List.of("", "   ", "not a phone", "+1312", "312-555-0211 ext. 9", "x".repeat(50))) {
      refused(() -> conversations.findByPhone(gotv, bad), "phone");
      refused(() -> conversations.ofPhone(bad, "", 10), "phone");
    }
    assertThatThrownBy(() -> conversations.findByPhone(gotv, "+1312555021"))
        .hasMessageNotContaining("555021");
  }

  @Test
  @DisplayName("a limit out of range is refused naming limit; the largest page is accepted")
  void badLimits() {
    long gotv = action("GOTV", "ana", SAM);
    for (int bad : List.of(0, -1, Integer.MIN_VALUE, Conversations.MAX_PAGE + 1)) {
      refused(() -> org.conversations().ofPhone(SAM, "", bad), "limit");
    }
    for (int bad : List.of(0, -1, Integer.MIN_VALUE, Inbox.MAX_PAGE + 1)) {
      refused(() -> ana.unsent(OptionalLong.empty(), "", bad), "limit");
    }
    assertThat(org.conversations().ofPhone(SAM, "", Conversations.MAX_PAGE).items()).hasSize(1);
    ana.requestBatch(gotv);
    assertThat(ana.unsent(OptionalLong.of(gotv), "", Inbox.MAX_PAGE).items()).hasSize(1);
  }

  @Test
  @DisplayName("a null, garbage or foreign cursor is refused naming cursor")
  @SuppressWarnings("NullAway") // passes null on purpose: a caller without nullness checks can
  void badCursors() {
    long first = action("First", "ana", SAM, LEE);
    long second = action("Second", "ben", SAM, LEE);
    ana.requestBatch(first);
    ben.requestBatch(second);
    String samCursor = org.conversations().ofPhone(SAM, "", 1).next().orElseThrow();
    String leeCursor = org.conversations().ofPhone(LEE, "", 1).next().orElseThrow();
    String anaCursor = ana.unsent(OptionalLong.empty(), "", 1).next().orElseThrow();
    String anaFirstCursor = ana.unsent(OptionalLong.of(first), "", 1).next().orElseThrow();
    String benCursor = ben.unsent(OptionalLong.empty(), "", 1).next().orElseThrow();
    String actionsCursor = org.actions().page("", 1).next().orElseThrow();
    List<String> garbage =
        List.of(
            " ",
            "garbage",
            "p",
            "p.",
            "u1",
            "0",
            "-1",
            "\u0000",
            actionsCursor,
            samCursor + "0",
            samCursor.toUpperCase(),
            samCursor.replaceFirst("^p", "p+"),
            samCursor.replaceFirst("^p", "p0"),
            "p99999999999999999999." + samCursor.substring(samCursor.indexOf('.') + 1),
            "p" + "9".repeat(100));

    refused(() -> org.conversations().ofPhone(SAM, null, 1), "cursor");
    refused(() -> ana.unsent(OptionalLong.empty(), null, 1), "cursor");
    for (String bad : garbage) {
      refused(() -> org.conversations().ofPhone(SAM, bad, 1), "cursor");
      refused(() -> ana.unsent(OptionalLong.empty(), bad, 1), "cursor");
    }
    for (String foreign : List.of(leeCursor, anaCursor, anaFirstCursor, benCursor)) {
      refused(() -> org.conversations().ofPhone(SAM, foreign, 1), "cursor");
    }
    for (String foreign : List.of(samCursor, anaFirstCursor, benCursor)) {
      refused(() -> ana.unsent(OptionalLong.empty(), foreign, 1), "cursor");
    }
    refused(() -> ana.unsent(OptionalLong.of(first), anaCursor, 1), "cursor");
    refused(() -> ana.unsent(OptionalLong.of(second), anaFirstCursor, 1), "cursor");
    refused(() -> ben.unsent(OptionalLong.empty(), anaCursor, 1), "cursor");
    refused(() -> ana.unsent(null, "", 1), "actionId");

    assertThat(org.conversations().ofPhone(SAM, samCursor, 1).items()).hasSize(1);
    assertThat(ana.unsent(OptionalLong.empty(), anaCursor, 1).items()).hasSize(1);
  }
}
