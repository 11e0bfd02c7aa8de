package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.NotFoundException;
import dev.p2p.assign.Target;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.optout.OptOutSource;
import dev.p2p.store.ClaimRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The operations of {@link dev.p2p.store.AssignmentStore}: the pool, claims, the fixed split,
 * reassigning and releasing, targets and join tokens. Run by {@link StoreContract} on every store;
 * sends, updates, inboxes and inbound messages are {@link TextingContract}'s, opt-outs {@link
 * OptOutStoreContract}'s.
 */
abstract class AssignmentStoreContract extends ConversationFixtures {

  @Nested
  @DisplayName("the pool")
  class Pool {
    @Test
    @DisplayName("opening creates one unassigned conversation per contact, once")
    void openingIsIdempotent() {
      long actionId = publish(ORG, list(ORG, 1, 4), false).id();
      assertThat(assignments().openPool(ORG, actionId, NOW)).isEqualTo(4);
      assertThat(assignments().openPool(ORG, actionId, NOW)).isZero();
      List<Long> ids = claim(actionId, "ana", 10);
      assertThat(ids).hasSize(4);
      Conversation first = find(ids.get(0));
      assertThat(first.status()).isEqualTo(ConversationStatus.NEEDS_FIRST_MESSAGE);
      assertThat(first.contactPhone()).isEqualTo(phone(1));
      assertThat(first.actionId()).isEqualTo(actionId);
      assertThat(first.lastMessageAt()).isEmpty();
    }

    @Test
    void openingAgainAddsContactsAddedSince() {
      long listId = list(ORG, 1, 2);
      long actionId = live(ORG, listId, false);
      store().addContact(ORG, listId, contact(3));
      assertThat(assignments().openPool(ORG, actionId, NOW)).isEqualTo(1);
      assertThat(claim(actionId, "ana", 10)).hasSize(3);
    }

    @Test
    void openingAnUnknownOrForeignActionIsNotFound() {
      long foreign = publish(OTHER_ORG, list(OTHER_ORG, 1, 1), false).id();
      assertThatThrownBy(() -> assignments().openPool(ORG, foreign, NOW))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> assignments().openPool(ORG, 987_654, NOW))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("window keys are zone|areaCodeState|zipState, distinct, empty before opening")
    void windowKeys() {
      long actionId = publish(ORG, list(ORG, 1, 4), false).id();
      assertThat(assignments().windowKeys(ORG, actionId)).isEmpty();
      assignments().openPool(ORG, actionId, NOW);
      assertThat(assignments().windowKeys(ORG, actionId))
          .containsExactlyInAnyOrder(CHICAGO, NOWHERE);
      assertThat(assignments().windowKeys(OTHER_ORG, actionId)).isEmpty();
    }
  }

  @Nested
  @DisplayName("claiming batches")
  class Claims {
    @Test
    void claimsTheLowestIdsFirstAndAssignsThem() {
      long actionId = live(5);
      List<Long> first = claim(actionId, "ana", 2);
      List<Long> second = claim(actionId, "ben", 2);
      assertThat(first).hasSize(2).isSorted();
      assertThat(second).hasSize(2).isSorted();
      assertThat(first.get(1)).isLessThan(second.get(0));
      assertThat(find(first.get(0)).texterId()).contains("ana");
      assertThat(find(second.get(0)).texterId()).contains("ben");
      assertThat(find(first.get(0)).contactPhone()).isEqualTo(phone(1));
    }

    @Test
    void anEmptyPoolGivesNothing() {
      long actionId = live(2);
      claim(actionId, "ana", 5);
      assertThat(claim(actionId, "ben", 5)).isEmpty();
    }

    @Test
    @DisplayName("only conversations whose window key is given are claimed")
    void onlyGivenWindowKeys() {
      long actionId = live(4);
      List<Long> chicago =
          assignments()
              .claim(
                  ORG,
                  actionId,
                  "ana",
                  new ClaimRequest(10, 0, Set.of(CHICAGO), Optional.empty()),
                  NOW);
      assertThat(chicago)
          .extracting(id -> find(id).contactPhone())
          .containsExactly(phone(1), phone(3));
      assertThat(
              assignments()
                  .claim(
                      ORG,
                      actionId,
                      "ana",
                      new ClaimRequest(10, 0, Set.of(), Optional.empty()),
                      NOW))
          .isEmpty();
    }

    @Test
    void optedOutAndInvalidPhonesAreSkipped() {
      long actionId = live(3);
      optOuts().optOut(ORG, phone(1), OptOutSource.API, NOW);
      optOuts().markInvalid(ORG, phone(2), NOW);
      assertThat(claim(actionId, "ana", 10))
          .extracting(id -> find(id).contactPhone())
          .containsExactly(phone(3));
    }

    @Test
    @DisplayName("a texter never holds more than maxHeld, counting what they hold already")
    void maxHeld() {
      long actionId = live(10);
      ClaimRequest capped = new ClaimRequest(3, 5, ALL_KEYS, Optional.empty());
      assertThat(assignments().claim(ORG, actionId, "ana", capped, NOW)).hasSize(3);
      assertThat(assignments().claim(ORG, actionId, "ana", capped, NOW)).hasSize(2);
      assertThat(assignments().claim(ORG, actionId, "ana", capped, NOW)).isEmpty();
      assertThat(assignments().claim(ORG, actionId, "ben", capped, NOW)).hasSize(3);
    }

    @Test
    @DisplayName(
        "Keep Assignments: own earlier contacts first, others' earlier contacts only to them")
    void keepAssignments() {
      long first = live(4);
      List<Long> anas = claim(first, "ana", 1); // contact 1
      claim(first, "ben", 1); // contact 2
      assertThat(anas).hasSize(1);
      long second = live(ORG, list(ORG, 1, 4), false);
      ClaimRequest keep = new ClaimRequest(10, 0, ALL_KEYS, Optional.of(Set.of("ana", "ben")));
      List<Long> forCy = assignments().claim(ORG, second, "cy", keep, NOW);
      assertThat(forCy)
          .extracting(id -> find(id).contactPhone())
          .containsExactly(phone(3), phone(4));
      List<Long> forBen = assignments().claim(ORG, second, "ben", keep, NOW);
      assertThat(forBen).extracting(id -> find(id).contactPhone()).containsExactly(phone(2));
      List<Long> forAna =
          assignments()
              .claim(ORG, second, "ana", new ClaimRequest(1, 0, ALL_KEYS, keep.keepTargets()), NOW);
      assertThat(forAna).extracting(id -> find(id).contactPhone()).containsExactly(phone(1));
    }

    @Test
    @DisplayName("without Keep Assignments, earlier texters do not matter")
    void withoutKeepEarlierTextersDoNotMatter() {
      long first = live(2);
      claim(first, "ana", 2);
      long second = live(ORG, list(ORG, 1, 2), false);
      assertThat(claim(second, "ben", 2)).hasSize(2);
    }

    @Test
    @DisplayName("8 threads racing assign every conversation exactly once")
    void racingClaimersNeverShare() throws Exception {
      long actionId = live(120);
      List<List<Long>> got = race(8, t -> drain(actionId, "texter-" + t, new ArrayList<>()));
      List<Long> all = got.stream().flatMap(List::stream).toList();
      assertThat(all).hasSize(120).doesNotHaveDuplicates();
      for (int t = 0; t < got.size(); t++) {
        for (long id : got.get(t)) {
          assertThat(find(id).texterId()).contains("texter-" + t);
        }
      }
    }

    @Test
    @DisplayName("one texter asking 8 times at once still holds at most maxHeld")
    void racingClaimsOfOneTexterKeepMaxHeld() throws Exception {
      long actionId = live(60);
      ClaimRequest capped = new ClaimRequest(4, 10, ALL_KEYS, Optional.empty());
      List<List<Long>> got = race(8, t -> assignments().claim(ORG, actionId, "ana", capped, NOW));
      assertThat(got.stream().mapToInt(List::size).sum()).isEqualTo(10);
    }

    private List<Long> drain(long actionId, String texter, List<Long> mine) {
      List<Long> batch = claim(actionId, texter, 5);
      while (!batch.isEmpty()) {
        mine.addAll(batch);
        batch = claim(actionId, texter, 5);
      }
      return mine;
    }
  }

  @Nested
  @DisplayName("the fixed split")
  class FixedSplit {
    @Test
    @DisplayName("deals round robin in the given order, by conversation id")
    void roundRobin() {
      long actionId = live(5);
      Map<String, Integer> got =
          assignments().assignAll(ORG, actionId, List.of("ben", "ana"), 0, false, NOW);
      assertThat(got).containsExactlyInAnyOrderEntriesOf(Map.of("ben", 3, "ana", 2));
      assertThat(
              conversations()
                  .nextToSend(ORG, actionId, "ben", ALL_KEYS, Optional.empty())
                  .orElseThrow()
                  .contactPhone())
          .isEqualTo(phone(1));
      assertThat(
              conversations()
                  .nextToSend(ORG, actionId, "ana", ALL_KEYS, Optional.empty())
                  .orElseThrow()
                  .contactPhone())
          .isEqualTo(phone(2));
    }

    @Test
    @DisplayName("the next to send is the lowest id in an open window, however far down the list")
    void nextInAnOpenWindow() {
      // 25 contacts in Chicago (odd numbers), then one without a zone: the open one is 26th.
      long listId = store().createList(ORG, "Chicago first", NOW).id();
      for (int n = 1; n <= 49; n += 2) {
        store().addContact(ORG, listId, contact(n));
      }
      store().addContact(ORG, listId, contact(50));
      long actionId = live(ORG, listId, false);
      assignments().assignAll(ORG, actionId, List.of("ana"), 0, false, NOW);

      assertThat(
              conversations().nextToSend(ORG, actionId, "ana", Set.of(NOWHERE), Optional.empty()))
          .hasValueSatisfying(c -> assertThat(c.contactPhone()).isEqualTo(phone(50)));
      assertThat(
              conversations().nextToSend(ORG, actionId, "ana", Set.of(CHICAGO), Optional.empty()))
          .hasValueSatisfying(c -> assertThat(c.contactPhone()).isEqualTo(phone(1)));
      assertThat(
              conversations()
                  .nextToSend(
                      ORG, actionId, "ana", Set.of("America/Denver|CO|CO"), Optional.empty()))
          .isEmpty();
    }

    @Test
    @DisplayName("a cap counts what texters already hold, and leaves the rest in the pool")
    void cap() {
      long actionId = live(7);
      claim(actionId, "ana", 1);
      Map<String, Integer> got =
          assignments().assignAll(ORG, actionId, List.of("ana", "ben", "cy"), 2, false, NOW);
      assertThat(got).containsExactlyInAnyOrderEntriesOf(Map.of("ana", 1, "ben", 2, "cy", 2));
      assertThat(claim(actionId, "dee", 10)).hasSize(1);
    }

    @Test
    @DisplayName("with keep, a contact goes to its earlier texter first")
    void keep() {
      long first = live(3);
      claim(first, "ana", 2); // contacts 1 and 2
      claim(first, "ben", 1); // contact 3
      long second = live(ORG, list(ORG, 1, 3), false);
      Map<String, Integer> got =
          assignments().assignAll(ORG, second, List.of("ben", "ana"), 0, true, NOW);
      assertThat(got).containsExactlyInAnyOrderEntriesOf(Map.of("ben", 1, "ana", 2));
      assertThat(
              conversations()
                  .nextToSend(ORG, second, "ben", ALL_KEYS, Optional.empty())
                  .orElseThrow()
                  .contactPhone())
          .isEqualTo(phone(3));
    }

    @Test
    @DisplayName("opted-out phones stay out; every texter given is in the result")
    void optedOutStayOut() {
      long actionId = live(2);
      optOuts().optOut(ORG, phone(1), OptOutSource.TEXTER, NOW);
      optOuts().optOut(ORG, phone(2), OptOutSource.TEXTER, NOW);
      assertThat(assignments().assignAll(ORG, actionId, List.of("ana", "ben"), 0, false, NOW))
          .containsExactlyInAnyOrderEntriesOf(Map.of("ana", 0, "ben", 0));
    }
  }

  @Nested
  @DisplayName("reassigning and releasing")
  class Moves {
    @Test
    void reassignMovesEveryConversationOfTheTexter() {
      long actionId = live(3);
      long sent = started(actionId, "ana", NOW);
      claim(actionId, "ana", 1);
      assertThat(assignments().reassign(ORG, actionId, "ana", "ben", NOW)).isEqualTo(2);
      assertThat(find(sent).texterId()).contains("ben");
      assertThat(assignments().reassign(ORG, actionId, "ana", "ben", NOW)).isZero();
    }

    @Test
    void releaseReturnsOnlyUnsentConversationsToThePool() {
      long actionId = live(3);
      long sent = started(actionId, "ana", NOW);
      List<Long> unsent = claim(actionId, "ana", 1);
      assertThat(assignments().release(ORG, actionId, "ana", NOW)).isEqualTo(1);
      assertThat(find(unsent.get(0)).texterId()).isEmpty();
      assertThat(find(sent).texterId()).contains("ana");
      assertThat(claim(actionId, "ben", 10)).contains(unsent.get(0));
    }
  }

  @Nested
  @DisplayName("targets and join tokens")
  class Targets {
    @Test
    void targetsAreKeptOnceInTheOrderAdded() {
      long actionId = live(1);
      assignments().addTargets(ORG, actionId, List.of(Target.team("vols"), Target.texter("ana")));
      assignments()
          .addTargets(ORG, actionId, List.of(Target.texter("ana"), Target.userList("weekend")));
      assertThat(assignments().targets(ORG, actionId))
          .containsExactly(Target.team("vols"), Target.texter("ana"), Target.userList("weekend"));
      assertThat(assignments().removeTarget(ORG, actionId, Target.texter("ana"))).isTrue();
      assertThat(assignments().removeTarget(ORG, actionId, Target.texter("ana"))).isFalse();
      assertThat(assignments().targets(ORG, actionId))
          .containsExactly(Target.team("vols"), Target.userList("weekend"));
      assertThat(assignments().targets(OTHER_ORG, actionId)).isEmpty();
    }

    @Test
    void aJoinTokenIsFoundUntilRotatedOrRevoked() {
      long actionId = live(1);
      assignments().setJoinToken(ORG, actionId, Optional.of("hash-1"));
      assertThat(assignments().findActionByJoinToken(ORG, "hash-1"))
          .isEqualTo(OptionalLong.of(actionId));
      assertThat(assignments().findActionByJoinToken(OTHER_ORG, "hash-1")).isEmpty();
      assignments().setJoinToken(ORG, actionId, Optional.of("hash-2"));
      assertThat(assignments().findActionByJoinToken(ORG, "hash-1")).isEmpty();
      assertThat(assignments().findActionByJoinToken(ORG, "hash-2"))
          .isEqualTo(OptionalLong.of(actionId));
      assignments().setJoinToken(ORG, actionId, Optional.empty());
      assertThat(assignments().findActionByJoinToken(ORG, "hash-2")).isEmpty();
    }

    @Test
    void aJoinTokenForAnUnknownActionIsNotFound() {
      assertThatThrownBy(() -> assignments().setJoinToken(ORG, 987_654, Optional.of("h")))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Nested
  @DisplayName("another organization")
  class Isolation {
    @Test
    @DisplayName("never sees, claims or moves this organization's conversations")
    void seesNothing() {
      long actionId = live(3);
      long id = started(actionId, "ana", NOW);
      assertThat(conversations().findConversation(OTHER_ORG, id)).isEmpty();
      assertThat(assignments().claim(OTHER_ORG, actionId, "ana", request(5), NOW)).isEmpty();
      assertThat(conversations().nextToSend(OTHER_ORG, actionId, "ana", ALL_KEYS, Optional.empty()))
          .isEmpty();
      assertThat(assignments().reassign(OTHER_ORG, actionId, "ana", "ben", NOW)).isZero();
      assertThat(assignments().release(OTHER_ORG, actionId, "ana", NOW)).isZero();
      assertThat(conversations().thread(OTHER_ORG, id, 0, 10)).isEmpty();
      assertThat(assignments().assignAll(OTHER_ORG, actionId, List.of("ben"), 0, false, NOW))
          .containsExactly(Map.entry("ben", 0));
      assertThat(find(id).texterId()).contains("ana");
    }
  }
}
