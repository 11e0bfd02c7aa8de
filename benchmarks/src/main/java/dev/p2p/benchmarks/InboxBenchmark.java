package dev.p2p.benchmarks;

import dev.p2p.conversation.Inbox;
import dev.p2p.conversation.InboxFilter;
import dev.p2p.conversation.Texter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A texter's inbox page on PostgreSQL over one action of many conversations ({@link SeededAction}:
 * 50 texters, each holding 1.6% of them, 60% of those started, 7.5% of the started needing
 * attention): the first page ({@value Inbox#MAX_PAGE} at most) of Needs Attention and of all,
 * through {@code Texter.inbox().page(..)}, beside the raw baseline ({@link RawInbox}), the texters
 * taking turns. Each round reads {@code pages} pages through p2p, then as many raw; the first round
 * is a warm-up. Prints p50 / p99 per page for each round and their medians; fails if p2p and the
 * raw page of a texter differ in size.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.p2p.benchmarks.InboxBenchmark</pre>
 *
 * <p>Arguments ({@code name=value}): {@code conversations} (1000000), {@code pages} (200 a round),
 * {@code rounds} (3, after a warm-up round), {@code postgres} (the server's URL), {@code keep}
 * (false).
 */
public final class InboxBenchmark {
  private InboxBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Map<String, String> o = BenchDatabase.options(args);
    int conversations = Integer.parseInt(o.getOrDefault("conversations", "1000000"));
    int pages = Integer.parseInt(o.getOrDefault("pages", "200"));
    int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
    boolean keep = Boolean.parseBoolean(o.getOrDefault("keep", "false"));
    String postgres = o.getOrDefault("postgres", BenchDatabase.DEFAULT_POSTGRES);
    System.out.printf(
        Locale.ROOT,
        "inbox benchmark: Java %s, %d cores, %,d conversations%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        conversations);
    try (SeededAction data = SeededAction.create(postgres, conversations, keep)) {
      run(data, pages, rounds);
    }
  }

  /** The medians of the measured rounds' p50 and p99 per page, in milliseconds. */
  record Medians(
      InboxFilter filter, double p2pP50, double p2pP99, double rawP50, double rawP99, int rows) {}

  /** Measures Needs Attention, then all; returns their medians in that order. */
  static List<Medians> run(SeededAction data, int pages, int rounds) throws Exception {
    List<Texter> texters = new ArrayList<>();
    for (int i = 0; i < SeededAction.TEXTERS; i++) {
      texters.add(data.org().texter(String.format(Locale.ROOT, "t%03d", i)));
    }
    RawInbox raw = new RawInbox(data.dataSource(), SeededAction.ORG);
    List<Medians> all = new ArrayList<>();
    for (InboxFilter filter : List.of(InboxFilter.NEEDS_ATTENTION, InboxFilter.ALL)) {
      List<double[]> p2p = new ArrayList<>();
      List<double[]> base = new ArrayList<>();
      long rows = 0;
      for (int round = 0; round <= rounds; round++) {
        Latencies a = new Latencies();
        Latencies b = new Latencies();
        rows = 0;
        for (int i = 0; i < pages; i++) {
          Texter texter = texters.get(i % texters.size());
          long start = System.nanoTime();
          int size =
              texter.inbox().page(filter, OptionalLong.empty(), "", Inbox.MAX_PAGE).items().size();
          a.add(System.nanoTime() - start);
          rows += size;
        }
        for (int i = 0; i < pages; i++) {
          Texter texter = texters.get(i % texters.size());
          long start = System.nanoTime();
          int size =
              raw.firstPage(texter.id(), filter == InboxFilter.NEEDS_ATTENTION, Inbox.MAX_PAGE)
                  .size();
          b.add(System.nanoTime() - start);
          rows -= size;
        }
        if (rows != 0) {
          throw new IllegalStateException(
              "p2p's " + filter + " pages and the raw ones differ by " + rows + " rows");
        }
        Latencies sa = Latencies.merge(List.of(a));
        Latencies sb = Latencies.merge(List.of(b));
        System.out.printf(
            Locale.ROOT,
            "inbox %-15s %-8s P2P %s   raw %s   load %.2f%n",
            filter,
            round == 0 ? "warm-up" : "round " + round,
            sa.summary(),
            sb.summary(),
            Load.oneMinute());
        if (round > 0) {
          p2p.add(new double[] {sa.millis(0.5), sa.millis(0.99)});
          base.add(new double[] {sb.millis(0.5), sb.millis(0.99)});
        }
      }
      int perPage =
          texters
              .get(0)
              .inbox()
              .page(filter, OptionalLong.empty(), "", Inbox.MAX_PAGE)
              .items()
              .size();
      Medians m =
          new Medians(
              filter,
              SendBenchmark.median(p2p, 0),
              SendBenchmark.median(p2p, 1),
              SendBenchmark.median(base, 0),
              SendBenchmark.median(base, 1),
              perPage);
      System.out.printf(
          Locale.ROOT,
          "inbox %s medians (%d rows a page): P2P p50 %.2f p99 %.2f ms, raw p50 %.2f p99 %.2f ms%n",
          filter,
          perPage,
          m.p2pP50(),
          m.p2pP99(),
          m.rawP50(),
          m.rawP99());
      all.add(m);
    }
    return all;
  }
}
