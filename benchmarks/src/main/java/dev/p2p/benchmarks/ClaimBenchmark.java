package dev.p2p.benchmarks;

import dev.p2p.conversation.Texter;
import dev.p2p.store.jdbc.JdbcStore;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Dynamic batch requests under contention, through the public API: {@code texters} threads, each a
 * texter calling {@code requestBatch} on one action of {@code contacts} contacts (batches of 50, no
 * per-texter maximum) until the pool is empty, with no pause between calls. Each round is a new
 * action on the same list, its pool opened before the clock starts. Prints p50/p99/max per request
 * and requests/s per round.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.p2p.benchmarks.ClaimBenchmark</pre>
 *
 * <p>Arguments ({@code name=value}): {@code databases} (postgres), {@code texters} (200), {@code
 * connections} (10), {@code contacts} (200000), {@code rounds} (3, after one warm-up round), {@code
 * batch} (50), {@code explain} (false: true prints the claim's plans on PostgreSQL first), {@code
 * postgres} (the server's URL).
 */
public final class ClaimBenchmark {
  private ClaimBenchmark() {}

  /** Runs the benchmark; fails if a round assigns a contact twice or leaves one out. */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Map<String, String> o = BenchDatabase.options(args);
    int texters = Integer.parseInt(o.getOrDefault("texters", "200"));
    int connections = Integer.parseInt(o.getOrDefault("connections", "10"));
    int contacts = Integer.parseInt(o.getOrDefault("contacts", "200000"));
    int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
    int batch = Integer.parseInt(o.getOrDefault("batch", "50"));
    String postgres = o.getOrDefault("postgres", BenchDatabase.DEFAULT_POSTGRES);
    System.out.printf(
        Locale.ROOT,
        "claim benchmark: Java %s, %d cores, %d texters, %d connections, %,d contacts, batch %d%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        texters,
        connections,
        contacts,
        batch);
    for (String kind : o.getOrDefault("databases", "postgres").split(",")) {
      try (BenchDatabase db = BenchDatabase.open(kind, postgres, connections);
          TextingCampaign campaign = new TextingCampaign(JdbcStore.of(db.dataSource()))) {
        campaign.texters(texters);
        campaign.contacts(contacts);
        if (kind.equals("postgres") && Boolean.parseBoolean(o.getOrDefault("explain", "false"))) {
          long action = campaign.action("explain", batch);
          campaign.texter(0).requestBatch(action);
          ClaimExplain.print(db.dataSource(), action);
        }
        for (int round = 0; round <= rounds; round++) {
          long action = campaign.action("claims " + round, batch);
          long open = System.nanoTime();
          int first = campaign.texter(0).requestBatch(action); // opens the pool
          double openSeconds = (System.nanoTime() - open) / 1e9;
          long start = System.nanoTime();
          Result r = race(campaign, action, texters);
          double seconds = (System.nanoTime() - start) / 1e9;
          if (first + r.claimed() != contacts) {
            throw new IllegalStateException(
                "assigned " + (first + r.claimed()) + " of " + contacts + " contacts");
          }
          System.out.printf(
              Locale.ROOT,
              "%s %-8s %,6d requests in %5.2f s (%,5.0f/s): %s  (pool opened in %.2f s)"
                  + "  load %.2f%n",
              db.label(),
              round == 0 ? "warm-up" : "round " + round,
              r.latencies().size(),
              seconds,
              r.latencies().size() / seconds,
              r.latencies().summary(),
              openSeconds,
              ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
      }
    }
  }

  private record Result(int claimed, Latencies latencies) {}

  private static Result race(TextingCampaign campaign, long action, int texters) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Callable<Result>> work = new ArrayList<>();
    for (int t = 0; t < texters; t++) {
      Texter texter = campaign.texter(t);
      work.add(
          () -> {
            go.await();
            Latencies latencies = new Latencies();
            int claimed = 0;
            while (true) {
              long start = System.nanoTime();
              int got = texter.requestBatch(action);
              latencies.add(System.nanoTime() - start);
              if (got == 0) {
                return new Result(claimed, latencies);
              }
              claimed += got;
            }
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(texters);
    try {
      List<Future<Result>> futures = new ArrayList<>();
      work.forEach(w -> futures.add(pool.submit(w)));
      go.countDown();
      int claimed = 0;
      List<Latencies> all = new ArrayList<>();
      for (Future<Result> f : futures) {
        claimed += f.get().claimed();
        all.add(f.get().latencies());
      }
      return new Result(claimed, Latencies.merge(all));
    } finally {
      pool.shutdownNow();
    }
  }
}
