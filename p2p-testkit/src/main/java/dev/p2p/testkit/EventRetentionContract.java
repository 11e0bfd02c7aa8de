package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.ValidationException;
import dev.p2p.event.Event;
import dev.p2p.event.Events;
import dev.p2p.event.EventsPrunedException;
import dev.p2p.optout.OptOutSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The event feed's retention: {@link dev.p2p.store.EventStore#prune} deletes the oldest events, by
 * position and by age, and {@link Events} tells a reader whose cursor is before the first position
 * still held. Run by {@link EventContract} on every store.
 */
abstract class EventRetentionContract extends ConversationFixtures {
  static final Instant LATER = NOW.plusSeconds(60);

  /** Writes one event (an opt-out) for the n-th phone of the organization. */
  void event(String orgId, int n, Instant at) {
    optOuts().optOut(orgId, phone(n), OptOutSource.API, at);
  }

  List<Long> positions(long afterPosition) {
    return store().events().read(ORG, afterPosition, 1_000).stream().map(Event::position).toList();
  }

  @Nested
  @DisplayName("the store's prune")
  class StorePrune {
    @Test
    @DisplayName("a feed without pruning starts at 1, also when empty or unknown")
    void firstPositionBeforePruning() {
      assertThat(store().events().firstPosition(ORG)).isEqualTo(1);
      assertThat(store().events().firstPosition("nobody")).isEqualTo(1);
      event(ORG, 1, NOW);
      assertThat(store().events().firstPosition(ORG)).isEqualTo(1);
    }

    @Test
    @DisplayName("pruning through a position deletes the oldest events; positions go on")
    void byPosition() {
      for (int n = 1; n <= 5; n++) {
        event(ORG, n, NOW);
      }
      event(OTHER_ORG, 1, NOW);

      assertThat(store().events().prune(ORG, 3, Optional.empty())).isEqualTo(3);

      assertThat(store().events().firstPosition(ORG)).isEqualTo(4);
      assertThat(store().events().lastPosition(ORG)).isEqualTo(5);
      assertThat(positions(0)).containsExactly(4L, 5L);
      assertThat(positions(4)).containsExactly(5L);
      event(ORG, 6, NOW);
      assertThat(positions(0)).containsExactly(4L, 5L, 6L);
      assertThat(store().events().read(OTHER_ORG, 0, 10)).hasSize(1);
      assertThat(store().events().prune(ORG, 3, Optional.empty())).isZero();
      assertThat(store().events().prune("nobody", 3, Optional.empty())).isZero();
    }

    @Test
    @DisplayName("pruning by age stops at the first event not older than the cutoff")
    void byAge() {
      event(ORG, 1, NOW);
      event(ORG, 2, NOW);
      event(ORG, 3, LATER);
      event(ORG, 4, NOW); // older, but after a younger one: kept, so that no gap opens

      assertThat(store().events().prune(ORG, 4, Optional.of(LATER))).isEqualTo(2);

      assertThat(store().events().firstPosition(ORG)).isEqualTo(3);
      assertThat(positions(0)).containsExactly(3L, 4L);
      assertThat(store().events().prune(ORG, 2, Optional.of(LATER.plusSeconds(1)))).isZero();
      assertThat(store().events().prune(ORG, 4, Optional.of(LATER.plusSeconds(1)))).isEqualTo(2);
    }

    @Test
    @DisplayName("a feed pruned whole starts one past its last position")
    void wholeFeed() {
      for (int n = 1; n <= 3; n++) {
        event(ORG, n, NOW);
      }
      assertThat(store().events().prune(ORG, 3, Optional.empty())).isEqualTo(3);
      assertThat(store().events().firstPosition(ORG)).isEqualTo(4);
      assertThat(store().events().lastPosition(ORG)).isEqualTo(3);
      assertThat(positions(0)).isEmpty();
      event(ORG, 4, NOW);
      assertThat(positions(0)).containsExactly(4L);
    }
  }

  @Nested
  @DisplayName("through P2P")
  class ThroughP2P {
    private final MutableClock clock = MutableClock.at(NOW);
    private P2P p2p;
    private Organization org;

    @BeforeEach
    void start() {
      p2p = P2P.builder().store(store()).clock(clock).build();
      org = p2p.organization(ORG);
    }

    @AfterEach
    void stop() {
      p2p.close();
    }

    private void optOuts(int from, int to) {
      for (int n = from; n <= to; n++) {
        org.optOuts().add(phone(n));
      }
    }

    @Test
    @DisplayName("a read before the pruned start names the first position held, not an empty page")
    void readBeforeTheStart() {
      optOuts(1, 5);
      assertThat(p2p.events().prune(ORG, 3)).isEqualTo(3);

      assertThatThrownBy(() -> p2p.events().read(ORG, 0, 10))
          .isInstanceOfSatisfying(
              EventsPrunedException.class,
              e -> {
                assertThat(e.firstPosition()).isEqualTo(4);
                assertThat(e.afterPosition()).isZero();
              })
          .hasMessage(
              "afterPosition 0 is before the start of the event feed: events through 3 were"
                  + " pruned and the first position still held is 4; read from 3 to go on"
                  + " without them");
      assertThat(p2p.events().read(ORG, 3, 10)).extracting(Event::position).containsExactly(4L, 5L);
      assertThat(p2p.events().firstPosition(ORG)).isEqualTo(4);

      assertThat(p2p.events().prune(ORG, 5)).isEqualTo(2);
      assertThatThrownBy(() -> p2p.events().read(ORG, 3, 10))
          .isInstanceOfSatisfying(
              EventsPrunedException.class, e -> assertThat(e.firstPosition()).isEqualTo(6));
      assertThat(p2p.events().read(ORG, 5, 10)).isEmpty();
    }

    @Test
    @DisplayName("pruneOlderThan keeps what p2p's clock says is younger than the age")
    void olderThan() {
      optOuts(1, 2);
      clock.advance(Duration.ofDays(2));
      optOuts(3, 3);
      clock.advance(Duration.ofHours(1));

      assertThat(p2p.events().pruneOlderThan(ORG, Duration.ofDays(1))).isEqualTo(2);

      assertThat(p2p.events().firstPosition(ORG)).isEqualTo(3);
      assertThat(p2p.events().read(ORG, 2, 10)).extracting(Event::position).containsExactly(3L);
      assertThat(p2p.events().pruneOlderThan(ORG, Duration.ofDays(1))).isZero();
      assertThat(p2p.events().pruneOlderThan(ORG, Duration.ZERO)).isEqualTo(1);
    }

    @Test
    @DisplayName("a CRM pruning what it confirmed, while another thread writes, misses nothing")
    void confirmAndPruneWhileWriting() throws Exception {
      int total = 500;
      ExecutorService writer = Executors.newSingleThreadExecutor();
      try {
        Future<?> writes = writer.submit(() -> optOuts(1, total));
        List<Long> seen = new ArrayList<>();
        long cursor = 0;
        long pruned = 0;
        while (!writes.isDone() || cursor < p2p.events().lastPosition(ORG)) {
          for (Event e : p2p.events().read(ORG, cursor, 50)) {
            seen.add(e.position());
            cursor = e.position();
          }
          pruned += p2p.events().prune(ORG, cursor); // confirmed: handled up to the cursor
        }
        writes.get();

        assertThat(seen).hasSize(total);
        assertThat(seen).isEqualTo(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(pruned).isEqualTo(total);
        assertThat(p2p.events().firstPosition(ORG)).isEqualTo(total + 1L);
        assertThat(p2p.events().lastPosition(ORG)).isEqualTo(total);
        org.optOuts().add(phone(total + 1));
        assertThat(p2p.events().read(ORG, cursor, 10))
            .extracting(Event::position)
            .containsExactly(total + 1L);
      } finally {
        writer.shutdownNow();
      }
    }

    @Test
    @DisplayName("a negative or future position and a negative age are refused, deleting nothing")
    void badArguments() {
      optOuts(1, 2);
      refused(() -> p2p.events().prune(ORG, -1), "throughPosition");
      refused(() -> p2p.events().prune(ORG, 3), "throughPosition");
      refused(() -> p2p.events().pruneOlderThan(ORG, Duration.ofSeconds(-1)), "age");
      assertThat(p2p.events().read(ORG, 0, 10)).hasSize(2);
    }

    private void refused(ThrowingCallable call, String field) {
      assertThatThrownBy(call)
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.violations().get(0).field()).isEqualTo(field));
    }
  }
}
