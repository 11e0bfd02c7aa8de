package dev.p2p.store.jdbc;

import static dev.p2p.store.jdbc.EventFixtures.NOW;
import static dev.p2p.store.jdbc.EventFixtures.ORG;
import static dev.p2p.store.jdbc.EventFixtures.positions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.event.Event;
import dev.p2p.optout.OptOutSource;
import dev.p2p.store.ClaimRequest;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two app nodes (two {@link JdbcStore}s, each with its own pool) on one PostgreSQL database, 16
 * threads writing events of one organization at once (opt-outs, tags, claims) while a reader polls
 * the feed: positions are 1 to N without gaps or duplicates, and the reader never skips one.
 */
@EnabledIfSystemProperty(named = "p2p.databases", matches = "true")
class EventFeedConcurrencyTest {
  private static final int THREADS = 16;
  private static final int ROUNDS = 10; // each: an opt-out, a tag, a claim

  @RegisterExtension final ScratchDatabase database = ScratchDatabase.postgres();

  @Test
  @DisplayName("16 writers on two nodes: positions 1 to N, gapless, and a polling reader sees each")
  void gaplessUnderConcurrency() throws Exception {
    try (JdbcStore first = JdbcStore.of(database.url());
        JdbcStore second = JdbcStore.of(database.url())) {
      long actionId = EventFixtures.liveAction(first, THREADS * ROUNDS * 2 + 50);
      Set<String> keys = first.assignments().windowKeys(ORG, actionId);
      List<Long> tagged =
          first
              .assignments()
              .claim(
                  ORG,
                  actionId,
                  "setup",
                  new ClaimRequest(THREADS, 0, keys, Optional.empty()),
                  NOW);
      long base = first.events().lastPosition(ORG);
      ConcurrentLinkedQueue<Event> told = new ConcurrentLinkedQueue<>();
      first.events().afterCommit(told::addAll);
      second.events().afterCommit(told::addAll);

      CountDownLatch start = new CountDownLatch(1);
      List<Callable<Integer>> writers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Store store = t % 2 == 0 ? first : second;
        int thread = t;
        writers.add(
            () -> {
              start.await();
              int changes = 0;
              for (int r = 0; r < ROUNDS; r++) {
                String phone = String.format("+1999555%02d%02d", thread, r);
                if (store.optOuts().optOut(ORG, phone, OptOutSource.TEXTER, NOW)) {
                  changes++;
                }
                store
                    .conversations()
                    .update(
                        ORG,
                        tagged.get(thread),
                        Optional.empty(),
                        ConversationUpdate.NONE.withTags(Set.of("tag-" + thread + "-" + r)),
                        NOW);
                changes++;
                List<Long> claimed =
                    store
                        .assignments()
                        .claim(
                            ORG,
                            actionId,
                            "t" + thread,
                            new ClaimRequest(2, 0, keys, Optional.empty()),
                            NOW);
                if (!claimed.isEmpty()) {
                  changes++;
                }
              }
              return changes;
            });
      }
      AtomicBoolean writing = new AtomicBoolean(true);
      Callable<List<Long>> reader =
          () -> {
            List<Long> seen = new ArrayList<>();
            long cursor = 0;
            while (true) {
              boolean finished = !writing.get();
              List<Event> page = second.events().read(ORG, cursor, 100);
              for (Event e : page) {
                seen.add(e.position());
                cursor = e.position();
              }
              if (page.isEmpty() && finished) {
                return seen;
              }
            }
          };

      ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
      try {
        Future<List<Long>> read = pool.submit(reader);
        List<Future<Integer>> results = new ArrayList<>();
        writers.forEach(w -> results.add(pool.submit(w)));
        start.countDown();
        long changes = 0;
        for (Future<Integer> result : results) {
          changes += result.get();
        }
        writing.set(false);
        long last = base + changes;
        List<Long> all = LongStream.rangeClosed(1, last).boxed().toList();

        assertThat(first.events().lastPosition(ORG)).isEqualTo(last);
        assertThat(positions(readAll(first))).isEqualTo(all);
        assertThat(read.get()).as("what the polling reader saw, in order").isEqualTo(all);
        assertThat(told.stream().map(Event::position).sorted().toList())
            .as("what the callbacks of both nodes heard")
            .isEqualTo(LongStream.rangeClosed(base + 1, last).boxed().toList());
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static List<Event> readAll(Store store) {
    List<Event> events = new ArrayList<>();
    long cursor = 0;
    List<Event> page;
    while (!(page = store.events().read(ORG, cursor, 1_000)).isEmpty()) {
      events.addAll(page);
      cursor = page.get(page.size() - 1).position();
    }
    return events;
  }
}
