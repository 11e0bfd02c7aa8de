package dev.p2p.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.OptedOutException;
import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.AssignmentSettings;
import dev.p2p.action.SenderSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.ImportOptions;
import dev.p2p.contact.ImportReport;
import dev.p2p.conversation.NextMessage;
import dev.p2p.conversation.Texter;
import dev.p2p.gateway.NumberType;
import dev.p2p.gateway.policy.GatewayPolicy;
import dev.p2p.report.ActionReport;
import dev.p2p.testkit.FakeGateway;
import dev.p2p.testkit.MutableClock;
import dev.p2p.testkit.SentMessage;
import dev.p2p.testkit.VirtualScheduler;
import dev.p2p.texter.TexterProfile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reliability suite, many nodes: four {@code P2P} instances (each with its own connection pool) on
 * one PostgreSQL database, 200 texters (50 threads per node) working one action, while contacts
 * text STOP to any node. Every contact is assigned at most once and texted at most once; every
 * contact is texted unless it opted out; and once a node has acknowledged a STOP, no send that
 * starts afterwards, on any node, reaches that phone. The size is {@code -Dp2p.manyNodes.contacts}
 * (20,000 by default).
 */
@EnabledIfSystemProperty(named = "p2p.databases", matches = "true")
class ManyNodesTest {
  private static final int NODES = 4;
  private static final int TEXTERS = 200;
  private static final int CONTACTS = Integer.getInteger("p2p.manyNodes.contacts", 20_000);
  private static final int OPT_OUTS = 200;
  private static final String GREETING = "Hi {firstName}, will you vote?";
  private static final List<String> NUMBERS =
      IntStream.range(0, 10).mapToObj(i -> "+1312555" + (2000 + i)).toList();

  @RegisterExtension final ScratchDatabase database = ScratchDatabase.postgres();

  private final MutableClock clock = MutableClock.at("2026-11-03T16:00:00Z");
  private final VirtualScheduler waits = VirtualScheduler.on(clock);
  private final List<FakeGateway> fakes = new ArrayList<>();

  /** Orders texters' sends and acknowledged STOPs across threads and nodes. */
  private final AtomicLong sequence = new AtomicLong();

  private final Map<String, Long> stopAcknowledged = new ConcurrentHashMap<>();
  private final Map<String, Long> sendStarted = new ConcurrentHashMap<>();
  private final AtomicLong refusedAsOptedOut = new AtomicLong();

  private P2P node(int index) {
    FakeGateway fake = FakeGateway.builder().clock(clock).idPrefix("N" + index).build();
    fakes.add(fake);
    return P2P.builder()
        .store(JdbcStore.of(database.url()))
        .clock(clock)
        .scheduler(waits)
        .gateway(
            "fake",
            fake,
            GatewayPolicy.builder()
                .messagesPerSecond(NumberType.LONG_CODE, 10_000)
                .maxConcurrentSends(TEXTERS)
                .build())
        .build();
  }

  @Test
  @DisplayName("4 nodes, 200 texters, STOPs to any node mid-run: each contact texted once at most")
  void manyNodes() throws Exception {
    List<P2P> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < NODES; i++) {
        nodes.add(node(i));
      }
      long started = System.nanoTime();
      List<String> phones = phones();
      long actionId = setUp(nodes.get(0).organization("acme"), phones);
      long setUpMillis = (System.nanoTime() - started) / 1_000_000;

      List<String> stopping = new ArrayList<>(phones);
      Collections.shuffle(stopping, new Random(17));
      stopping = stopping.subList(0, OPT_OUTS);

      CountDownLatch start = new CountDownLatch(1);
      CountDownLatch firstSends = new CountDownLatch(TEXTERS);
      List<Callable<int[]>> work = new ArrayList<>();
      for (int i = 0; i < TEXTERS; i++) {
        Texter texter = nodes.get(i % NODES).organization("acme").texter(texterId(i));
        work.add(() -> text(texter, actionId, start, firstSends));
      }
      List<String> stops = stopping;
      work.add(
          () -> {
            firstSends.await(); // every texter has sent once: the numbers are in use
            Random random = new Random(3);
            for (String phone : stops) {
              int n = random.nextInt(NODES);
              FakeGateway fake = fakes.get(n);
              var request = fake.webhooks().inbound(phone, NUMBERS.get(0), "STOP");
              int status = nodes.get(n).webhooks().handle(request).status();
              assertThat(status).as("webhook status").isBetween(200, 299);
              stopAcknowledged.put(phone, sequence.incrementAndGet());
            }
            return new int[] {0, 0};
          });

      long runStarted = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(work.size());
      int claimed = 0;
      int sent = 0;
      try {
        List<Future<int[]>> results = new ArrayList<>();
        work.forEach(w -> results.add(pool.submit(w)));
        start.countDown();
        for (Future<int[]> result : results) {
          int[] counts = result.get();
          claimed += counts[0];
          sent += counts[1];
        }
      } finally {
        pool.shutdownNow();
      }
      long runMillis = (System.nanoTime() - runStarted) / 1_000_000;

      List<SentMessage> initials =
          fakes.stream()
              .flatMap(f -> f.sent().stream())
              .filter(m -> m.body().startsWith("Hi "))
              .toList();
      Map<String, Long> perPhone =
          initials.stream().collect(Collectors.groupingBy(SentMessage::to, Collectors.counting()));
      Organization org = nodes.get(0).organization("acme");
      List<String> stillOptedIn =
          stopping.stream().filter(p -> !org.optOuts().isOptedOut(p)).toList();
      List<String> textedAfterStop =
          stopAcknowledged.entrySet().stream()
              .filter(e -> sendStarted.getOrDefault(e.getKey(), 0L) > e.getValue())
              .map(Map.Entry::getKey)
              .toList();
      long optedOutUntexted = stopping.stream().filter(p -> !perPhone.containsKey(p)).count();
      ActionReport.Totals totals = org.reports().action(actionId).totals();

      System.out.printf(
          "ManyNodesTest: %d nodes, %d texters, %d contacts; set-up %d ms, run %d ms; claimed %d,"
              + " sent %d, carrier saw %d initials to %d phones; %d STOPs acknowledged, %d of"
              + " them before the phone's first message; %d sends refused as opted out; report:"
              + " assigned %d, messaged %d, opted out %d%n",
          NODES,
          TEXTERS,
          CONTACTS,
          setUpMillis,
          runMillis,
          claimed,
          sent,
          initials.size(),
          perPhone.size(),
          stopAcknowledged.size(),
          optedOutUntexted,
          refusedAsOptedOut.get(),
          totals.assigned(),
          totals.messaged(),
          totals.optedOut());

      assertThat(perPhone.values()).as("initial messages per phone").allMatch(n -> n == 1);
      assertThat(initials).hasSize(sent);
      assertThat(stillOptedIn).as("STOPs not recorded").isEmpty();
      assertThat(textedAfterStop).as("phones texted by a send started after their STOP").isEmpty();
      assertThat(sent + optedOutUntexted).as("texted, or opted out first").isEqualTo(CONTACTS);
      assertThat(claimed).as("claims").isLessThanOrEqualTo(CONTACTS).isGreaterThanOrEqualTo(sent);
      assertThat(totals.assigned()).as("assigned in the report").isEqualTo(claimed);
      assertThat(totals.messaged()).as("messaged in the report").isEqualTo(sent);
    } finally {
      nodes.forEach(P2P::close);
    }
  }

  /** One texter: batches until the action has none left; returns {claimed, sent}. */
  private int[] text(Texter texter, long actionId, CountDownLatch start, CountDownLatch firstSends)
      throws InterruptedException {
    start.await();
    int claimed = 0;
    int sent = 0;
    boolean counted = false;
    try {
      while (true) {
        Optional<NextMessage> next = texter.nextToSend(actionId);
        if (next.isEmpty()) {
          int got = texter.requestBatch(actionId);
          if (got == 0) {
            return new int[] {claimed, sent};
          }
          claimed += got;
          continue;
        }
        String phone = next.get().conversation().contactPhone();
        long startedAt = sequence.incrementAndGet();
        try {
          texter.send(next.get().conversation().id());
          sendStarted.merge(phone, startedAt, Math::max);
          sent++;
        } catch (OptedOutException e) {
          refusedAsOptedOut.incrementAndGet();
        }
        if (!counted) {
          counted = true;
          firstSends.countDown();
        }
      }
    } finally {
      if (!counted) {
        firstSends.countDown();
      }
    }
  }

  private static String texterId(int i) {
    return String.format("t%03d", i);
  }

  private static List<String> phones() {
    List<String> phones = new ArrayList<>(CONTACTS);
    for (int i = 0; i < CONTACTS; i++) {
      phones.add(String.format("+1212%03d%04d", 201 + i / 10_000, i % 10_000));
    }
    return phones;
  }

  private static long setUp(Organization org, List<String> phones) {
    org.teams().upsert("volunteers", "Volunteers");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < TEXTERS; i++) {
      org.texters().upsert(new TexterProfile(texterId(i), "T", String.valueOf(i)));
      ids.add(texterId(i));
    }
    org.teams().addMembers("volunteers", ids);
    StringBuilder csv = new StringBuilder("phone,first_name,time_zone\n");
    phones.forEach(p -> csv.append(p).append(",V,America/New_York\n"));
    ImportReport list =
        org.contacts()
            .importCsv(
                "voters",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                ImportOptions.defaults(),
                p -> {});
    assertThat(list.imported()).isEqualTo(phones.size());
    long id =
        org.actions()
            .create(
                ActionDraft.named("GOTV")
                    .contacts(list.listId().orElseThrow())
                    .initial(GREETING)
                    .sender(SenderSettings.numbers("fake", NUMBERS))
                    .assignment(AssignmentSettings.dynamic().withBatchSize(25)))
            .id();
    org.actions().publish(id);
    org.assignments().assign(id, Target.team("volunteers"));
    return id;
  }
}
