package dev.p2p.benchmarks;

import dev.p2p.conversation.NextMessage;
import dev.p2p.conversation.Texter;
import dev.p2p.store.jdbc.JdbcStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The send path end to end, through the public API, with a zero-latency gateway ({@link
 * TextingCampaign}): {@code threads} texters each loop {@code nextToSend} / {@code send}, asking
 * for a batch of 50 when they have none, until the round's {@code messages} are sent. Beside it,
 * the raw baseline ({@link RawSend}) at the same concurrency on the same pool; P2P and raw rounds
 * alternate so that the machine's load weighs on both alike. Prints messages/s and latency per
 * round, and the medians.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.p2p.benchmarks.SendBenchmark</pre>
 *
 * <p>Arguments ({@code name=value}): {@code databases} (h2,postgres), {@code threads} (16), {@code
 * connections} (10), {@code messages} per round (10000), {@code rounds} (5, after one warm-up
 * round), {@code postgres} (the server's URL).
 */
public final class SendBenchmark {
  private SendBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Map<String, String> o = BenchDatabase.options(args);
    int threads = Integer.parseInt(o.getOrDefault("threads", "16"));
    int connections = Integer.parseInt(o.getOrDefault("connections", "10"));
    int messages = Integer.parseInt(o.getOrDefault("messages", "10000"));
    int rounds = Integer.parseInt(o.getOrDefault("rounds", "5"));
    String postgres = o.getOrDefault("postgres", BenchDatabase.DEFAULT_POSTGRES);
    System.out.printf(
        Locale.ROOT,
        "send benchmark: Java %s, %d cores, %d texters, %d connections, %,d messages a round%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        threads,
        connections,
        messages);
    for (String kind : o.getOrDefault("databases", "h2,postgres").split(",")) {
      run(kind, postgres, threads, connections, messages, rounds, null);
    }
  }

  /**
   * The medians of one database's measured rounds: messages/s and {@code send} p50 / p99 in
   * milliseconds, for P2P and the raw baseline.
   */
  record Medians(
      String database,
      double p2pRate,
      double p2pP50,
      double p2pP99,
      double rawRate,
      double rawP50,
      double rawP99) {}

  /**
   * Runs one warm-up round and {@code rounds} measured rounds on a new database of this kind
   * ({@code h2} or {@code postgres}), P2P and raw alternating; prints every round and the line
   * {@code <database> medians: P2P ... msg/s ...} (tools parse it: keep its format).
   */
  static Medians run(
      String kind,
      String postgres,
      int threads,
      int connections,
      int messages,
      int rounds,
      @Nullable MeterRegistry meters)
      throws Exception {
    try (BenchDatabase db = BenchDatabase.open(kind, postgres, connections);
        TextingCampaign campaign =
            new TextingCampaign(
                JdbcStore.of(db.dataSource()),
                TextingCampaign.GATEWAY,
                new ZeroLatencyGateway(),
                meters)) {
      campaign.texters(threads);
      campaign.contacts((rounds + 1) * messages + threads * 50);
      long action = campaign.action("send", 50);
      long rawAction = campaign.action("raw", 50);
      campaign.texter(0).requestBatch(rawAction); // opens the raw action's pool
      RawSend raw = new RawSend(db.dataSource());
      List<Object[]> rawRows = raw.conversations(rawAction);
      AtomicInteger rawNext = new AtomicInteger();
      List<double[]> p2p = new ArrayList<>();
      List<double[]> base = new ArrayList<>();
      for (int round = 0; round <= rounds; round++) {
        String tag = round == 0 ? "warm-up" : "round " + round;
        double[] a =
            print(db.label() + " P2P " + tag, p2pRound(campaign, action, threads, messages));
        double[] b =
            print(db.label() + " raw " + tag, rawRound(raw, rawRows, rawNext, threads, messages));
        if (round > 0) {
          p2p.add(a);
          base.add(b);
        }
      }
      Medians m =
          new Medians(
              db.label(),
              median(p2p, 0),
              median(p2p, 1),
              median(p2p, 2),
              median(base, 0),
              median(base, 1),
              median(base, 2));
      System.out.printf(
          Locale.ROOT,
          "%s medians: P2P %,.0f msg/s (send p50 %.2f p99 %.2f ms), raw %,.0f msg/s"
              + " (p50 %.2f p99 %.2f ms): %.0f%% of raw; P2P msg/s range %,.0f-%,.0f%n%n",
          db.label(),
          m.p2pRate(),
          m.p2pP50(),
          m.p2pP99(),
          m.rawRate(),
          m.rawP50(),
          m.rawP99(),
          100 * m.p2pRate() / m.rawRate(),
          min(p2p, 0),
          max(p2p, 0));
      return m;
    }
  }

  /** One round of P2P sends; per message the latency of {@code send}, and of the whole click. */
  private static Round p2pRound(TextingCampaign campaign, long action, int threads, int messages)
      throws Exception {
    AtomicInteger left = new AtomicInteger(messages);
    List<Callable<Latencies[]>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Texter texter = campaign.texter(t);
      work.add(
          () -> {
            Latencies send = new Latencies();
            Latencies click = new Latencies();
            while (left.getAndDecrement() > 0) {
              long start = System.nanoTime();
              Optional<NextMessage> next = texter.nextToSend(action);
              if (next.isEmpty()) {
                int got = texter.requestBatch(action);
                next = texter.nextToSend(action);
                if (next.isEmpty()) {
                  throw new IllegalStateException("no message after a batch of " + got);
                }
              }
              long sending = System.nanoTime();
              TextingCampaign.send(texter, next.get());
              long end = System.nanoTime();
              send.add(end - sending);
              click.add(end - start);
            }
            return new Latencies[] {send, click};
          });
    }
    return Round.run(work, messages);
  }

  private static Round rawRound(
      RawSend raw, List<Object[]> rows, AtomicInteger next, int threads, int messages)
      throws Exception {
    AtomicInteger left = new AtomicInteger(messages);
    List<Callable<Latencies[]>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      work.add(
          () -> {
            Latencies send = new Latencies();
            while (left.getAndDecrement() > 0) {
              Object[] row = rows.get(next.getAndIncrement());
              long start = System.nanoTime();
              raw.send(
                  (Long) row[0],
                  (String) row[1],
                  "+13125550000",
                  "Hi Voter, it's Texter with Acme. Will you vote?");
              send.add(System.nanoTime() - start);
            }
            return new Latencies[] {send, send};
          });
    }
    return Round.run(work, messages);
  }

  /** A round's figures. */
  private record Round(long nanos, int messages, Latencies send, Latencies click) {
    static Round run(List<Callable<Latencies[]>> work, int messages) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(work.size());
      try {
        long start = System.nanoTime();
        List<Future<Latencies[]>> futures = pool.invokeAll(work);
        long nanos = System.nanoTime() - start;
        List<Latencies> send = new ArrayList<>();
        List<Latencies> click = new ArrayList<>();
        for (Future<Latencies[]> f : futures) {
          send.add(f.get()[0]);
          click.add(f.get()[1]);
        }
        return new Round(nanos, messages, Latencies.merge(send), Latencies.merge(click));
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static double[] print(String name, Round r) {
    double rate = r.messages() / (r.nanos() / 1e9);
    System.out.printf(
        Locale.ROOT,
        "%-28s %,8.0f msg/s  send %s  click p50 %.2f p99 %.2f ms  load %.2f%n",
        name,
        rate,
        r.send().summary(),
        r.click().millis(0.5),
        r.click().millis(0.99),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return new double[] {rate, r.send().millis(0.5), r.send().millis(0.99)};
  }

  static double median(List<double[]> rows, int column) {
    double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static double min(List<double[]> rows, int column) {
    return rows.stream().mapToDouble(r -> r[column]).min().orElse(0);
  }

  private static double max(List<double[]> rows, int column) {
    return rows.stream().mapToDouble(r -> r[column]).max().orElse(0);
  }
}
