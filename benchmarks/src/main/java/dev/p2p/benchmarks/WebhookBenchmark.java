package dev.p2p.benchmarks;

import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.gateway.twilio.TwilioGateway;
import dev.p2p.store.jdbc.JdbcStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Inbound webhooks end to end: a contact's reply as Twilio posts it ({@link TwilioInboundForm},
 * signed), through {@code P2P.webhooks().handle(..)}: the Twilio adapter verifies and parses it,
 * p2p finds the organization by the sender binding, stores the message, moves the conversation and
 * writes the event. The campaign ({@link TextingCampaign}, gateway {@code twilio}: sends answered
 * at once, webhooks parsed by a real {@link TwilioGateway}) first texts {@code conversations}
 * contacts; the replies go round them. Beside it the raw baseline ({@link RawInbound}) takes the
 * same requests. For each thread count, a warm-up round then {@code rounds} rounds of {@code
 * messages} replies per side, P2P and raw alternating; prints msg/s and p50 / p99 per reply.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.p2p.benchmarks.WebhookBenchmark</pre>
 *
 * <p>Arguments ({@code name=value}): {@code databases} (postgres), {@code threads} (1,8), {@code
 * messages} per round (2000), {@code rounds} (3), {@code conversations} (1000), {@code connections}
 * (10), {@code postgres} (the server's URL).
 */
public final class WebhookBenchmark {
  static final String GATEWAY = "twilio";
  static final String URL = "https://crm.example.com/webhooks/" + GATEWAY;

  private WebhookBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Map<String, String> o = BenchDatabase.options(args);
    List<Integer> threads = new ArrayList<>();
    for (String t : o.getOrDefault("threads", "1,8").split(",")) {
      threads.add(Integer.parseInt(t));
    }
    int messages = Integer.parseInt(o.getOrDefault("messages", "2000"));
    int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
    int conversations = Integer.parseInt(o.getOrDefault("conversations", "1000"));
    int connections = Integer.parseInt(o.getOrDefault("connections", "10"));
    String postgres = o.getOrDefault("postgres", BenchDatabase.DEFAULT_POSTGRES);
    System.out.printf(
        Locale.ROOT,
        "webhook benchmark: Java %s, %d cores, threads %s, %,d replies a round, %,d conversations%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        threads,
        messages,
        conversations);
    for (String kind : o.getOrDefault("databases", "postgres").split(",")) {
      run(kind, postgres, connections, conversations, threads, messages, rounds);
    }
  }

  /** The medians of one thread count's measured rounds: msg/s and p99 in milliseconds. */
  record Medians(
      String database, int threads, double p2pRate, double p2pP99, double rawRate, double rawP99) {}

  /** Sets up the campaign on a new database of this kind and measures each thread count. */
  static List<Medians> run(
      String kind,
      String postgres,
      int connections,
      int conversations,
      List<Integer> threadCounts,
      int messages,
      int rounds)
      throws Exception {
    TwilioGateway twilio =
        TwilioGateway.builder()
            .accountSid(TwilioStubServer.ACCOUNT_SID)
            .authToken(TwilioInboundForm.TOKEN)
            .senderNumbers("+13125550199")
            .build();
    try (BenchDatabase db = BenchDatabase.open(kind, postgres, connections);
        TextingCampaign campaign =
            new TextingCampaign(
                JdbcStore.of(db.dataSource()), GATEWAY, new ZeroLatencyGateway(twilio::parse))) {
      int texters = Math.max(1, Math.min(8, conversations / 50));
      campaign.texters(texters);
      campaign.contacts(conversations);
      long action = campaign.action("webhooks", 50);
      long start = System.nanoTime();
      int sent = campaign.startAll(action);
      System.out.printf(
          Locale.ROOT,
          "%s: %,d first messages sent in %.1f s (not measured)%n",
          db.label(),
          sent,
          (System.nanoTime() - start) / 1e9);
      List<String[]> contacts = started(db, action);
      RawInbound raw =
          new RawInbound(
              db.dataSource(), kind.equals("postgres"), "acme", GATEWAY, TwilioInboundForm.TOKEN);
      AtomicInteger sids = new AtomicInteger();
      List<Medians> all = new ArrayList<>();
      for (int threads : threadCounts) {
        List<double[]> p2p = new ArrayList<>();
        List<double[]> base = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
          String tag =
              (round == 0 ? "warm-up" : "round " + round)
                  + (threads == 1 ? ", 1 thread" : ", " + threads + " threads");
          List<WebhookRequest> a = requests(contacts, messages, "SMp2p", sids);
          List<WebhookRequest> b = requests(contacts, messages, "SMraw", sids);
          double[] x =
              print(
                  db.label() + " P2P " + tag,
                  round(
                      threads,
                      a,
                      r -> {
                        WebhookResponse response = campaign.webhooks().handle(r);
                        if (response.status() != 200) {
                          throw new IllegalStateException("webhook answered " + response);
                        }
                      }));
          double[] y = print(db.label() + " raw " + tag, round(threads, b, raw::receive));
          if (round > 0) {
            p2p.add(x);
            base.add(y);
          }
        }
        Medians m =
            new Medians(
                db.label(),
                threads,
                SendBenchmark.median(p2p, 0),
                SendBenchmark.median(p2p, 2),
                SendBenchmark.median(base, 0),
                SendBenchmark.median(base, 2));
        System.out.printf(
            Locale.ROOT,
            "%s webhook medians, %d thread(s): P2P %,.0f msg/s (p99 %.2f ms), raw %,.0f msg/s"
                + " (p99 %.2f ms): %.0f%% of raw%n%n",
            db.label(),
            threads,
            m.p2pRate(),
            m.p2pP99(),
            m.rawRate(),
            m.rawP99(),
            100 * m.p2pRate() / m.rawRate());
        all.add(m);
      }
      return all;
    }
  }

  /** The started conversations' contact phone and sender number, in id order. */
  private static List<String[]> started(BenchDatabase db, long action) throws Exception {
    List<String[]> rows = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT contact_phone, sender FROM conversations WHERE action_id = ?"
                    + " AND sender IS NOT NULL ORDER BY id")) {
      ps.setLong(1, action);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalStateException("no conversation was started");
    }
    return rows;
  }

  /** Signed replies going round the contacts, each with a new message SID. */
  private static List<WebhookRequest> requests(
      List<String[]> contacts, int count, String prefix, AtomicInteger sids) {
    List<WebhookRequest> requests = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String[] contact = contacts.get(i % contacts.size());
      String sid = String.format(Locale.ROOT, "%s%028d", prefix, sids.incrementAndGet());
      requests.add(TwilioInboundForm.inbound(URL, sid, contact[0], contact[1]));
    }
    return requests;
  }

  /** Handles one request. */
  @FunctionalInterface
  private interface Handler {
    void handle(WebhookRequest request) throws Exception;
  }

  private record Round(long nanos, int messages, Latencies latencies) {}

  private static Round round(int threads, List<WebhookRequest> requests, Handler handler)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    List<Callable<Latencies>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      work.add(
          () -> {
            Latencies latencies = new Latencies();
            for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
              long start = System.nanoTime();
              handler.handle(requests.get(i));
              latencies.add(System.nanoTime() - start);
            }
            return latencies;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<Latencies>> futures = pool.invokeAll(work);
      long nanos = System.nanoTime() - start;
      List<Latencies> parts = new ArrayList<>();
      for (Future<Latencies> f : futures) {
        parts.add(f.get());
      }
      return new Round(nanos, requests.size(), Latencies.merge(parts));
    } finally {
      pool.shutdownNow();
    }
  }

  private static double[] print(String name, Round r) {
    double rate = r.messages() / (r.nanos() / 1e9);
    System.out.printf(
        Locale.ROOT,
        "%-40s %,8.0f msg/s  %s  load %.2f%n",
        name,
        rate,
        r.latencies().summary(),
        Load.oneMinute());
    return new double[] {rate, r.latencies().millis(0.5), r.latencies().millis(0.99)};
  }
}
