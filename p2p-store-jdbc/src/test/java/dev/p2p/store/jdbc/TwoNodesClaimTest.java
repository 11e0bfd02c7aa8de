package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.ImportOptions;
import dev.p2p.contact.ImportReport;
import dev.p2p.conversation.Texter;
import dev.p2p.testkit.FakeGateway;
import dev.p2p.testkit.MutableClock;
import dev.p2p.texter.TexterProfile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two app nodes (two {@code P2P} instances, each with its own connection pool) on one PostgreSQL
 * database, 50 threads each, every thread a texter asking for batches until the action is
 * exhausted: every contact is assigned exactly once.
 */
@EnabledIfSystemProperty(named = "p2p.databases", matches = "true")
class TwoNodesClaimTest {
  private static final int CONTACTS = 5_000;
  private static final int THREADS_PER_NODE = 50;

  @RegisterExtension final ScratchDatabase database = ScratchDatabase.postgres();

  private final MutableClock clock = MutableClock.at("2026-11-03T16:00:00Z");

  private P2P node() {
    return P2P.builder()
        .store(JdbcStore.of(database.url()))
        .clock(clock)
        .gateway("fake", FakeGateway.builder().clock(clock).build())
        .build();
  }

  @Test
  @DisplayName("two nodes, 100 texters racing for batches: every contact is assigned exactly once")
  void everyContactOnce() throws Exception {
    try (P2P first = node();
        P2P second = node()) {
      long actionId = setUp(first.organization("acme"));
      List<Callable<Integer>> texters = new ArrayList<>();
      CountDownLatch start = new CountDownLatch(1);
      for (int i = 0; i < 2 * THREADS_PER_NODE; i++) {
        Organization org = (i % 2 == 0 ? first : second).organization("acme");
        Texter texter = org.texter(String.format("t%03d", i));
        texters.add(
            () -> {
              start.await();
              int claimed = 0;
              int got;
              while ((got = texter.requestBatch(actionId)) > 0) {
                claimed += got;
              }
              return claimed;
            });
      }
      ExecutorService pool = Executors.newFixedThreadPool(texters.size());
      try {
        List<Future<Integer>> results = new ArrayList<>();
        texters.forEach(t -> results.add(pool.submit(t)));
        start.countDown();
        int claimed = 0;
        for (Future<Integer> result : results) {
          claimed += result.get();
        }
        assertThat(claimed).isEqualTo(CONTACTS);
      } finally {
        pool.shutdownNow();
      }
      long held = 0;
      for (int i = 0; i < 2 * THREADS_PER_NODE; i++) {
        held +=
            first
                .organization("acme")
                .texter(String.format("t%03d", i))
                .inbox()
                .counts(actionId)
                .toSend();
      }
      assertThat(held).as("assignments the store kept").isEqualTo(CONTACTS);
    }
  }

  private long setUp(Organization org) {
    org.teams().upsert("volunteers", "Volunteers");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2 * THREADS_PER_NODE; i++) {
      String id = String.format("t%03d", i);
      org.texters().upsert(new TexterProfile(id, "T", String.valueOf(i)));
      ids.add(id);
    }
    org.teams().addMembers("volunteers", ids);
    StringBuilder csv = new StringBuilder("phone,first_name,time_zone\n");
    for (int i = 0; i < CONTACTS; i++) {
      csv.append(String.format("+1212%03d%04d", 201 + i / 10_000, i % 10_000))
          .append(",V,America/New_York\n");
    }
    ImportReport list =
        org.contacts()
            .importCsv(
                "voters",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                ImportOptions.defaults(),
                p -> {});
    long id =
        org.actions()
            .create(
                ActionDraft.named("GOTV")
                    .contacts(list.listId().orElseThrow())
                    .initial("Hi {firstName}, will you vote?")
                    .sender(SenderSettings.numbers("fake", List.of("+13125550100")))
                    .assignment(AssignmentSettings.dynamic().withBatchSize(7)))
            .id();
    org.actions().publish(id);
    org.assignments().assign(id, Target.team("volunteers"));
    return id;
  }
}
