package dev.p2p.benchmarks;

import dev.p2p.report.ActionReport;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An action's report and its exports on PostgreSQL with a million conversations ({@link
 * SeededAction}), through the public API ({@code Organization.reports()} over {@code JdbcStore}),
 * each beside its raw baseline on the same tables: the report's figures by plain aggregate
 * statements ({@link RawReport}), and each export as one streamed {@code SELECT} written as CSV
 * ({@link RawExport}).
 *
 * <pre>java -Xmx256m -cp benchmarks/target/benchmarks.jar dev.p2p.benchmarks.ReportBenchmark</pre>
 *
 * <p>Arguments ({@code name=value}): {@code conversations} (1000000), {@code runs} (10, after 3
 * warm-up runs), {@code exports} (1), {@code postgres} (the server's URL), {@code keep} (false:
 * true keeps the schema, for EXPLAIN by hand).
 */
public final class ReportBenchmark {
  private ReportBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Map<String, String> o = BenchDatabase.options(args);
    int conversations = Integer.parseInt(o.getOrDefault("conversations", "1000000"));
    int runs = Integer.parseInt(o.getOrDefault("runs", "10"));
    int exports = Integer.parseInt(o.getOrDefault("exports", "1"));
    boolean keep = Boolean.parseBoolean(o.getOrDefault("keep", "false"));
    String postgres = o.getOrDefault("postgres", BenchDatabase.DEFAULT_POSTGRES);
    System.out.printf(
        Locale.ROOT,
        "report benchmark: Java %s, %d cores, heap limit %d MB, %,d conversations%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        conversations);
    try (SeededAction data = SeededAction.create(postgres, conversations, keep)) {
      report(data, 3, runs);
      exports(data, 0, exports);
    }
  }

  /** Medians in milliseconds (the report) or rows/s (an export), P2P's and the raw baseline's. */
  record Medians(double p2p, double raw) {}

  /**
   * {@code warmups} then {@code runs} runs of {@code reports().action(id)}, each followed by a run
   * of {@link RawReport}; prints the report's totals and the median, min and max of both.
   */
  static Medians report(SeededAction data, int warmups, int runs) throws Exception {
    RawReport raw = new RawReport(data.dataSource());
    ActionReport report = null;
    for (int i = 0; i < warmups; i++) {
      report = data.org().reports().action(data.actionId());
      raw.figures(data.actionId());
    }
    double[] p2p = new double[runs];
    double[] base = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      report = data.org().reports().action(data.actionId());
      p2p[i] = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      raw.figures(data.actionId());
      base[i] = (System.nanoTime() - t) / 1e6;
    }
    System.out.println("report: " + summary(Objects.requireNonNull(report)));
    Medians m = new Medians(ImportBenchmark.median(p2p), ImportBenchmark.median(base));
    System.out.printf(
        Locale.ROOT,
        "reports().action: %d runs after %d warm-up: median %.0f ms, min %.0f ms, max %.0f ms%n",
        runs,
        warmups,
        m.p2p(),
        min(p2p),
        max(p2p));
    System.out.printf(
        Locale.ROOT,
        "raw report statements: median %.0f ms, min %.0f ms, max %.0f ms (load %.2f)%n",
        m.raw(),
        min(base),
        max(base),
        Load.oneMinute());
    return m;
  }

  /**
   * Each export and its raw baseline, {@code warmups} rounds unmeasured then {@code rounds}
   * measured; returns the medians in rows/s, conversations first, then messages.
   */
  static Medians[] exports(SeededAction data, int warmups, int rounds) throws Exception {
    RawExport raw = new RawExport(data.dataSource());
    long id = data.actionId();
    int total = warmups + Math.max(1, rounds);
    double[][] rates = new double[4][total - warmups];
    for (int r = 0; r < total; r++) {
      double[] round = {
        export("exportConversations", w -> data.org().reports().exportConversations(id, w)),
        export("raw conversations SELECT", w -> raw.conversations(id, w)),
        export("exportMessages", w -> data.org().reports().exportMessages(id, w)),
        export("raw messages SELECT", w -> raw.messages(id, w))
      };
      if (r >= warmups) {
        for (int k = 0; k < 4; k++) {
          rates[k][r - warmups] = round[k];
        }
      }
    }
    return new Medians[] {
      new Medians(ImportBenchmark.median(rates[0]), ImportBenchmark.median(rates[1])),
      new Medians(ImportBenchmark.median(rates[2]), ImportBenchmark.median(rates[3]))
    };
  }

  private static double min(double[] v) {
    return java.util.Arrays.stream(v).min().orElse(0);
  }

  private static double max(double[] v) {
    return java.util.Arrays.stream(v).max().orElse(0);
  }

  /** An export into a writer; returns the rows written. */
  @FunctionalInterface
  interface Export {
    long write(Writer out) throws Exception;
  }

  private static String summary(ActionReport r) {
    ActionReport.Totals t = r.totals();
    return String.format(
        Locale.ROOT,
        "%,d contacts, %,d messaged, %,d outbound (%,d delivered, %,d failed), %,d replied,"
            + " %d texters, %d tags, %d variants, %d hours",
        t.contacts(),
        t.messaged(),
        t.outbound(),
        t.delivered(),
        t.failed(),
        t.replied(),
        r.texters().size(),
        r.tags().size(),
        r.variants().size(),
        r.timeline().size());
  }

  /** One export into a writer that counts characters and keeps none; prints and returns rows/s. */
  private static double export(String name, Export export) throws Exception {
    CountingWriter out = new CountingWriter();
    long rows;
    long nanos;
    long sampled;
    long pools;
    long max;
    try (HeapWatch heap = HeapWatch.start()) {
      long start = System.nanoTime();
      rows = export.write(out);
      nanos = System.nanoTime() - start;
      sampled = heap.sampledPeakBytes();
      pools = heap.poolPeaksBytes();
      max = heap.maxBytes();
    }
    double seconds = nanos / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%s: %,d rows (%,d MB of CSV) in %.1f s, %,.0f rows/s; heap peak %d MB sampled,"
            + " %d MB pools' peaks summed, limit %d MB; load %.2f%n",
        name,
        rows,
        out.chars >> 20,
        seconds,
        rows / seconds,
        sampled >> 20,
        pools >> 20,
        max >> 20,
        Load.oneMinute());
    return rows / seconds;
  }

  /** A writer that counts what it is given and drops it. */
  static final class CountingWriter extends Writer {
    long chars;

    @Override
    public void write(char[] buffer, int offset, int length) {
      chars += length;
    }

    @Override
    public void write(String text, int offset, int length) {
      chars += length;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
