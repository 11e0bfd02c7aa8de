package dev.p2p.store.jdbc;

import static dev.p2p.store.jdbc.EventFixtures.NOW;
import static dev.p2p.store.jdbc.EventFixtures.ORG;
import static dev.p2p.store.jdbc.EventFixtures.positions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.OptedOutException;
import dev.p2p.event.Change;
import dev.p2p.event.Event;
import dev.p2p.optout.OptOutSource;
import dev.p2p.store.ClaimRequest;
import dev.p2p.store.ConversationUpdate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How the JDBC store writes the event feed around its transactions (H2). */
class JdbcEventFeedTest {
  private JdbcStore store;

  @BeforeEach
  void open() {
    store = JdbcStore.h2InMemory("events-" + UUID.randomUUID());
    store.ensureOrganization(ORG, NOW);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  @DisplayName("a send refused for an opted-out phone writes no event and burns no position")
  void refusedSendWritesNothing() {
    long actionId = EventFixtures.liveAction(store, 3);
    Set<String> keys = store.assignments().windowKeys(ORG, actionId);
    long id =
        store
            .assignments()
            .claim(ORG, actionId, "t1", new ClaimRequest(1, 0, keys, Optional.empty()), NOW)
            .get(0);
    String phone = store.conversations().findConversation(ORG, id).orElseThrow().contactPhone();
    store.optOuts().optOut(ORG, phone, OptOutSource.TEXTER, NOW);
    long before = store.events().lastPosition(ORG);

    assertThatThrownBy(
            () ->
                store
                    .conversations()
                    .recordSend(
                        ORG,
                        EventFixtures.initial(
                            store, id, "t1", ConversationUpdate.NONE.withTags(Set.of("vip"))),
                        NOW))
        .isInstanceOf(OptedOutException.class);

    assertThat(store.events().lastPosition(ORG)).isEqualTo(before);
    assertThat(store.events().read(ORG, before, 10)).isEmpty();
    store.optOuts().optOut(ORG, EventFixtures.phone(99), OptOutSource.TEXTER, NOW);
    assertThat(positions(store.events().read(ORG, before, 10))).containsExactly(before + 1);
  }

  @Test
  @DisplayName("a unit of work that fails after recording changes writes none of them")
  void rollbackDropsChanges() {
    List<List<Event>> told = new CopyOnWriteArrayList<>();
    store.events().afterCommit(told::add);
    Tx storeTx = storeTx();

    assertThatThrownBy(
            () ->
                storeTx.run(
                    "fail",
                    c -> {
                      Tx.emit(ORG, NOW, optedOut("+13125550001"));
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    storeTx.run(
        "succeed",
        c -> {
          Tx.emit(ORG, NOW, optedOut("+13125550002"));
          return 0;
        });

    assertThat(store.events().read(ORG, 0, 10))
        .extracting(Event::position, Event::change)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, optedOut("+13125550002")));
    assertThat(told).hasSize(1);
  }

  @Test
  @DisplayName("the callbacks hear of a transaction's events after its commit, in position order")
  void callbacksAfterCommit() {
    List<List<Event>> told = new CopyOnWriteArrayList<>();
    store.events().afterCommit(told::add);
    Tx storeTx = storeTx();

    storeTx.run(
        "two changes",
        c -> {
          Tx.emit(ORG, NOW, optedOut("+13125550001"));
          Tx.emit(ORG, NOW, optedOut("+13125550002"));
          return 0;
        });

    assertThat(told).hasSize(1);
    assertThat(positions(told.get(0))).containsExactly(1L, 2L);
    assertThat(told.get(0)).isEqualTo(store.events().read(ORG, 0, 10));
  }

  @Test
  @DisplayName("a callback that throws leaves the change committed and the next callback told")
  void failingCallbackIsContained() {
    List<Event> told = new CopyOnWriteArrayList<>();
    store
        .events()
        .afterCommit(
            events -> {
              throw new IllegalStateException("listener bug");
            });
    store.events().afterCommit(told::addAll);

    boolean optedOut = store.optOuts().optOut(ORG, "+13125550001", OptOutSource.TEXTER, NOW);

    assertThat(optedOut).isTrue();
    assertThat(store.events().lastPosition(ORG)).isEqualTo(1);
    assertThat(positions(told)).containsExactly(1L);
  }

  @Test
  @DisplayName("a unit of work run inside another commits its own changes; the outer keeps its own")
  void nestedUnitsOfWork() {
    Tx storeTx = storeTx();

    storeTx.run(
        "outer",
        c -> {
          Tx.emit(ORG, NOW, optedOut("+13125550001"));
          storeTx.run(
              "inner",
              inner -> {
                Tx.emit(ORG, NOW, optedOut("+13125550002"));
                return 0;
              });
          Tx.emit(ORG, NOW, optedOut("+13125550003"));
          return 0;
        });

    assertThat(store.events().read(ORG, 0, 10))
        .extracting(Event::change)
        .containsExactly(
            optedOut("+13125550002"), optedOut("+13125550001"), optedOut("+13125550003"));
  }

  @Test
  @DisplayName("recording a change outside a unit of work is a programming error")
  void emitOutsideTransaction() {
    assertThatThrownBy(() -> Tx.emit(ORG, NOW, optedOut("+13125550001")))
        .isInstanceOf(IllegalStateException.class);
  }

  private Tx storeTx() {
    return store.transactions();
  }

  private static Change optedOut(String phone) {
    return new Change.ContactOptedOut(phone, OptOutSource.TEXTER);
  }
}
