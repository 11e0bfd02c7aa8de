package dev.p2p.benchmarks;

import dev.p2p.testkit.ContactCsvGenerator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every benchmark in one command, each path beside its raw baseline measured in the same run, and
 * one table at the end ({@link FigureTable}): import, render, send, claims, webhooks, inbox,
 * report, exports, and the Twilio and Bandwidth adapters. A path that cannot run (PostgreSQL down,
 * a failure) is a row saying why; the others still run.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.p2p.benchmarks.AllBenchmarks [quick|full]
 * </pre>
 *
 * <p>Arguments: {@code quick} (the default: small sizes, a few minutes) or {@code full} (the
 * standalone benchmarks' sizes); then {@code name=value}: {@code databases} ({@code h2,postgres};
 * {@code h2} needs no server, and the paths seeded on PostgreSQL then say so), {@code postgres}
 * (the server's URL), {@code only} (a comma-separated subset of the paths: {@code import, render,
 * send, metrics, claims, webhooks, inbox, report, export, twilio, bandwidth}; {@code metrics} is
 * the send path again with a Micrometer registry given to p2p).
 */
public final class AllBenchmarks {
  private static final List<String> PATHS =
      List.of(
          "import",
          "render",
          "send",
          "metrics",
          "claims",
          "webhooks",
          "inbox",
          "report",
          "export",
          "twilio",
          "bandwidth");

  private final Sizes sizes;
  private final List<String> databases;
  private final String postgres;
  private final Set<String> only;
  private final Optional<String> postgresDown;
  private final List<Figure> figures = new ArrayList<>();

  private AllBenchmarks(Sizes sizes, List<String> databases, String postgres, Set<String> only) {
    this.sizes = sizes;
    this.databases = databases;
    this.postgres = postgres;
    this.only = only;
    this.postgresDown = databases.contains("postgres") ? problem(postgres) : Optional.empty();
  }

  /** Runs the benchmarks and prints the table. */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Sizes sizes = Sizes.quick();
    List<String> named = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("quick") || arg.equals("full")) {
        sizes = arg.equals("full") ? Sizes.full() : Sizes.quick();
      } else {
        named.add(arg);
      }
    }
    Map<String, String> o = BenchDatabase.options(named.toArray(String[]::new));
    List<String> databases = List.of(o.getOrDefault("databases", "h2,postgres").split(","));
    for (String db : databases) {
      if (!db.equals("h2") && !db.equals("postgres")) {
        throw new IllegalArgumentException("databases are h2 and postgres: " + db);
      }
    }
    Set<String> only = Set.of(o.getOrDefault("only", String.join(",", PATHS)).split(","));
    for (String path : only) {
      if (!PATHS.contains(path)) {
        throw new IllegalArgumentException("paths are " + PATHS + ": " + path);
      }
    }
    AllBenchmarks all =
        new AllBenchmarks(
            sizes, databases, o.getOrDefault("postgres", BenchDatabase.DEFAULT_POSTGRES), only);
    long start = System.nanoTime();
    String startLoad = Load.averages();
    System.out.printf(
        Locale.ROOT,
        "p2p benchmarks, %s mode: Java %s, %d cores, max heap %d MB, databases %s%nstart: %s%n%n",
        sizes.name(),
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        databases,
        startLoad);
    all.run();
    System.out.printf(
        Locale.ROOT,
        "%n=== All benchmarks, %s mode, %.1f minutes ===%nstart: %s%nend:   %s%n%n%s",
        sizes.name(),
        (System.nanoTime() - start) / 60e9,
        startLoad,
        Load.averages(),
        FigureTable.format(all.figures));
  }

  private void run() throws Exception {
    if (only.contains("import")) {
      importPath();
    }
    if (only.contains("render")) {
      step(
          "render",
          "-",
          () -> {
            RenderBenchmark.Medians m =
                RenderBenchmark.compare(
                    sizes.renderWarmups(), sizes.renderIterations(), sizes.renderSeconds());
            return List.of(
                Figure.rate(
                    "render",
                    "-",
                    "msg/s",
                    m.p2p(),
                    m.raw(),
                    "render + segment count, one thread (JMH)"));
          });
    }
    if (only.contains("send")) {
      for (String db : databases) {
        step("send", db, () -> List.of(send(db)));
      }
    }
    if (only.contains("metrics")) {
      for (String db : databases) {
        step("metrics", db, () -> List.of(sendMetered(db)));
      }
    }
    if (only.contains("claims")) {
      for (String db : databases) {
        step("claims", db, () -> List.of(claims(db)));
      }
    }
    if (only.contains("webhooks")) {
      for (String db : databases) {
        step("webhooks", db, () -> webhooks(db));
      }
    }
    if (only.contains("inbox") || only.contains("report") || only.contains("export")) {
      seeded();
    }
    if (only.contains("twilio")) {
      step(
          "Twilio adapter",
          "-",
          () -> {
            TwilioSendBenchmark.Medians m =
                TwilioSendBenchmark.compare(sizes.adapterSends(), 16, sizes.adapterRounds(), 4);
            return List.of(
                Figure.rate(
                    "Twilio adapter",
                    "-",
                    "sends/s",
                    m.adapter(),
                    m.plain(),
                    "16 in flight to a loopback stub; raw: plain java.net.http"));
          });
    }
    if (only.contains("bandwidth")) {
      step(
          "Bandwidth adapter",
          "-",
          () -> {
            BandwidthSendBenchmark.Medians m =
                BandwidthSendBenchmark.compare(
                    sizes.adapterSends(), 16, sizes.adapterRounds(), sizes.adapterSends(), 4);
            return List.of(
                Figure.rate(
                    "Bandwidth adapter",
                    "-",
                    "sends/s",
                    m.adapter(),
                    m.plain(),
                    "16 in flight to a loopback stub; raw: plain java.net.http"));
          });
    }
  }

  private void importPath() throws Exception {
    ContactCsvGenerator csv = ImportBenchmark.csv(sizes.importRows(), 0.02, 0.03);
    Path dir = Files.createTempDirectory("p2p-bench-all");
    try {
      Path file = dir.resolve("contacts.csv");
      csv.writeTo(file);
      for (String db : databases) {
        step(
            "import",
            db,
            () -> {
              ImportBenchmark.Medians m =
                  ImportBenchmark.compare(
                      db, csv, file, dir, postgres, 1_000, sizes.importRounds());
              return List.of(
                  Figure.rate(
                      "import",
                      m.database(),
                      "rows/s",
                      m.p2pRowsPerSecond(),
                      m.rawRowsPerSecond(),
                      String.format(
                          Locale.ROOT,
                          "%,d CSV rows; P2P counts rows read, raw the %,d valid unique it writes",
                          csv.expected().rowsRead(),
                          csv.expected().imported())));
            });
      }
    } finally {
      ImportBenchmark.deleteRecursively(dir);
    }
  }

  /** The send path with every p2p meter recorded in a {@code SimpleMeterRegistry}. */
  private Figure sendMetered(String db) throws Exception {
    SendBenchmark.Medians m =
        SendBenchmark.run(
            db,
            postgres,
            16,
            10,
            sizes.sendMessages(),
            sizes.sendRounds(),
            new SimpleMeterRegistry());
    return Figure.rate(
        "send, meters on",
        m.database(),
        "msg/s",
        m.p2pRate(),
        m.rawRate(),
        String.format(
            Locale.ROOT,
            "as send, with P2P.builder().meterRegistry(..); p99 %.1f ms, raw %.1f ms",
            m.p2pP99(),
            m.rawP99()));
  }

  private Figure send(String db) throws Exception {
    SendBenchmark.Medians m =
        SendBenchmark.run(db, postgres, 16, 10, sizes.sendMessages(), sizes.sendRounds(), null);
    return Figure.rate(
        "send",
        m.database(),
        "msg/s",
        m.p2pRate(),
        m.rawRate(),
        String.format(
            Locale.ROOT, "16 texters; send p99 %.1f ms, raw %.1f ms", m.p2pP99(), m.rawP99()));
  }

  /**
   * Claims by 200 texters at once on PostgreSQL (a campaign of many app nodes), 20 on H2 (one JVM
   * for a small team: H2's claims of an action take turns, and 200 waiting texters outlast its
   * pool's login timeout).
   */
  private Figure claims(String db) throws Exception {
    int texters = db.equals("h2") ? 20 : 200;
    ClaimBenchmark.Medians m =
        ClaimBenchmark.run(
            db, postgres, texters, 10, sizes.claimContacts(), sizes.claimRounds(), 50, false);
    return Figure.rate(
        "claims",
        m.database(),
        "requests/s",
        m.p2pRate(),
        m.rawRate(),
        String.format(
            Locale.ROOT,
            "%d texters, batches of 50, %,d contacts; p99 %.0f ms, raw %.0f ms",
            texters,
            sizes.claimContacts(),
            m.p2pP99(),
            m.rawP99()));
  }

  private List<Figure> webhooks(String db) throws Exception {
    List<Figure> rows = new ArrayList<>();
    for (WebhookBenchmark.Medians m :
        WebhookBenchmark.run(
            db,
            postgres,
            10,
            sizes.webhookConversations(),
            List.of(1, 8),
            sizes.webhookMessages(),
            sizes.webhookRounds())) {
      rows.add(
          Figure.rate(
              "webhooks, " + m.threads() + (m.threads() == 1 ? " thread" : " threads"),
              m.database(),
              "msg/s",
              m.p2pRate(),
              m.rawRate(),
              String.format(
                  Locale.ROOT,
                  "signed Twilio inbound; p99 %.1f ms, raw %.1f ms",
                  m.p2pP99(),
                  m.rawP99())));
    }
    return rows;
  }

  /** The inbox, report and exports, on one action seeded on PostgreSQL. */
  private void seeded() {
    List<String> paths = new ArrayList<>();
    for (String path : List.of("inbox", "report", "export")) {
      if (only.contains(path)) {
        paths.add(path);
      }
    }
    if (!databases.contains("postgres")) {
      for (String path : paths) {
        figures.add(
            Figure.notRun(
                path,
                "PostgreSQL",
                "seeded with PostgreSQL's generate_series: not run with databases=" + databases));
      }
      return;
    }
    String label = "PostgreSQL";
    if (postgresDown.isPresent()) {
      paths.forEach(path -> figures.add(Figure.notRun(path, label, postgresDown.get())));
      return;
    }
    String size = String.format(Locale.ROOT, "%,d conversations", sizes.seededConversations());
    SeededAction data;
    try {
      data = SeededAction.create(postgres, sizes.seededConversations(), false);
    } catch (Exception | Error e) {
      paths.forEach(path -> figures.add(failed(path, label, e)));
      return;
    }
    try (data) {
      if (paths.contains("inbox")) {
        step(
            "inbox",
            "postgres",
            () -> {
              List<Figure> rows = new ArrayList<>();
              for (InboxBenchmark.Medians m :
                  InboxBenchmark.run(data, sizes.inboxPages(), sizes.inboxRounds())) {
                rows.add(
                    Figure.latency(
                        "inbox, " + m.filter().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        label,
                        "ms p50",
                        m.p2pP50(),
                        m.rawP50(),
                        String.format(
                            Locale.ROOT,
                            "first page (%d rows of %s); p99 %.1f ms, raw %.1f ms",
                            m.rows(),
                            size,
                            m.p2pP99(),
                            m.rawP99())));
              }
              return rows;
            });
      }
      if (paths.contains("report")) {
        step(
            "report",
            "postgres",
            () -> {
              ReportBenchmark.Medians m = ReportBenchmark.report(data, 3, sizes.reportRuns());
              return List.of(
                  Figure.latency(
                      "report", label, "ms", m.p2p(), m.raw(), "reports().action(id), " + size));
            });
      }
      if (paths.contains("export")) {
        step(
            "export",
            "postgres",
            () -> {
              ReportBenchmark.Medians[] m = ReportBenchmark.exports(data, 1, sizes.exportRounds());
              return List.of(
                  Figure.rate(
                      "export, conversations",
                      label,
                      "rows/s",
                      m[0].p2p(),
                      m[0].raw(),
                      "CSV of " + size + "; raw: one streamed SELECT"),
                  Figure.rate(
                      "export, messages",
                      label,
                      "rows/s",
                      m[1].p2p(),
                      m[1].raw(),
                      "CSV of their messages; raw: one streamed SELECT"));
            });
      }
    } catch (Exception | Error e) {
      System.err.println("Could not drop the seeded schema: " + reason(e));
    }
  }

  /** Measures one path on one database ({@code h2}, {@code postgres} or {@code -}). */
  @FunctionalInterface
  private interface Step {
    List<Figure> run() throws Exception;
  }

  private void step(String path, String db, Step step) {
    String label = label(db);
    if (db.equals("postgres") && postgresDown.isPresent()) {
      figures.add(Figure.notRun(path, label, postgresDown.get()));
      return;
    }
    System.out.printf(Locale.ROOT, "--- %s on %s (%s)%n", path, label, Load.averages());
    long start = System.nanoTime();
    try {
      figures.addAll(step.run());
    } catch (Exception | Error e) {
      figures.add(failed(path, label, e));
    }
    System.out.printf(
        Locale.ROOT,
        "--- %s on %s: %.1f s (%s)%n%n",
        path,
        label,
        (System.nanoTime() - start) / 1e9,
        Load.averages());
  }

  private static Figure failed(String path, String label, Throwable e) {
    System.err.printf(Locale.ROOT, "%s on %s did not run:%n", path, label);
    e.printStackTrace();
    return Figure.notRun(path, label, reason(e));
  }

  private static String label(String db) {
    return switch (db) {
      case "h2" -> "H2 (file)";
      case "postgres" -> "PostgreSQL";
      default -> db;
    };
  }

  /** Why PostgreSQL cannot be used, if it cannot. */
  private static Optional<String> problem(String url) {
    DriverManager.setLoginTimeout(5);
    try (Connection c = DriverManager.getConnection(url)) {
      return Optional.empty();
    } catch (Exception e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      return Optional.of(
          "PostgreSQL unreachable ("
              + root.getClass().getSimpleName()
              + ": "
              + root.getMessage()
              + "); give its URL with postgres=... or run databases=h2");
    }
  }

  /** The failure and its root cause, on one line. */
  static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (root != e) {
      text += "; caused by " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }
    text = text.replaceAll("\\s+", " ");
    return text.length() > 200 ? text.substring(0, 197) + "..." : text;
  }
}
