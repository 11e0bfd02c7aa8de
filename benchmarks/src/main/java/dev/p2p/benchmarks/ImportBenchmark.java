package dev.p2p.benchmarks;

import dev.p2p.store.jdbc.JdbcStore;
import dev.p2p.testkit.ContactCsvGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The import benchmark: generates a contact CSV with {@link ContactCsvGenerator}, imports it
 * through the public API into H2 and PostgreSQL, and writes the same rows, already normalized,
 * straight into an identical table as a baseline (JDBC batches on H2, {@code COPY} on PostgreSQL).
 * Prints rows per second, elapsed time and peak heap for each phase. See {@code BENCHMARKS.md}.
 *
 * <p>Arguments, each {@code name=value}, all optional: {@code rows} (1000000), {@code invalid}
 * (0.02), {@code duplicates} (0.03), {@code databases} ({@code h2,postgres}), {@code postgres} (the
 * JDBC URL), {@code dir} (a new temporary folder), {@code batch} (1000), {@code keep} (false: the
 * folder and the PostgreSQL schemas are removed at the end).
 */
public final class ImportBenchmark {
  private static final String DEFAULT_POSTGRES =
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private ImportBenchmark() {}

  /** Runs the benchmark; fails if an import's report differs from the file's known counts. */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Map<String, String> options = options(args);
    long rows = Long.parseLong(options.getOrDefault("rows", "1000000"));
    List<String> databases = List.of(options.getOrDefault("databases", "h2,postgres").split(","));
    String postgres = options.getOrDefault("postgres", DEFAULT_POSTGRES);
    int batch = Integer.parseInt(options.getOrDefault("batch", "1000"));
    boolean keep = Boolean.parseBoolean(options.getOrDefault("keep", "false"));
    Path dir =
        options.containsKey("dir")
            ? Files.createDirectories(Path.of(options.get("dir")))
            : Files.createTempDirectory("p2p-bench");

    ContactCsvGenerator csv =
        csv(
            rows,
            Double.parseDouble(options.getOrDefault("invalid", "0.02")),
            Double.parseDouble(options.getOrDefault("duplicates", "0.03")));
    printEnvironment(csv, dir);

    List<Measurement> results = new ArrayList<>();
    Path file = dir.resolve("contacts.csv");
    results.add(generate(csv, file));
    System.out.printf(Locale.ROOT, "CSV: %s, %,d bytes%n%n", file, Files.size(file));

    if (databases.contains("h2")) {
      results.add(
          FacadeImport.run(
              "P2P import into H2 (JdbcStore.h2)", JdbcStore.h2(dir.resolve("h2-p2p")), csv, file));
      results.add(rawH2(csv, dir.resolve("h2-raw"), batch));
    }
    if (databases.contains("postgres")) {
      try (PostgresSchema schema = PostgresSchema.create(postgres, "p2p", keep)) {
        results.add(
            FacadeImport.run(
                "P2P import into PostgreSQL (JdbcStore.of)",
                JdbcStore.of(schema.url()),
                csv,
                file));
      }
      results.add(rawPostgres(csv, postgres, keep));
    }

    System.out.println();
    System.out.println(Measurement.HEADER);
    results.forEach(m -> System.out.println(m.line()));
    if (!keep) {
      deleteRecursively(dir);
    }
  }

  /**
   * The benchmark's list: seed 2024, these shares of invalid and of duplicate phones, and the
   * custom fields {@code polling_place} and {@code ward}.
   */
  static ContactCsvGenerator csv(long rows, double invalid, double duplicates) {
    return ContactCsvGenerator.builder()
        .rows(rows)
        .seed(2024)
        .invalidShare(invalid)
        .duplicateShare(duplicates)
        .customFields("polling_place", "ward")
        .build();
  }

  /**
   * The medians of one database's measured rounds, in rows/s: P2P's import counts the rows it read,
   * the raw baseline the rows it wrote.
   */
  record Medians(String database, double p2pRowsPerSecond, double rawRowsPerSecond) {}

  /**
   * Imports the CSV {@code file} through P2P and writes the raw baseline on this kind of database
   * ({@code h2} or {@code postgres}), a warm-up round then {@code rounds} measured rounds, each in
   * new H2 files under {@code dir} or new PostgreSQL schemas; prints every phase and the medians.
   */
  static Medians compare(
      String kind,
      ContactCsvGenerator csv,
      Path file,
      Path dir,
      String postgres,
      int batch,
      int rounds)
      throws Exception {
    double[] p2p = new double[rounds];
    double[] raw = new double[rounds];
    String label = kind.equals("h2") ? "H2 (file)" : "PostgreSQL";
    for (int round = 0; round <= rounds; round++) {
      Measurement a;
      Measurement b;
      if (kind.equals("h2")) {
        a =
            FacadeImport.run(
                "P2P import into H2", JdbcStore.h2(dir.resolve("h2-p2p-" + round)), csv, file);
        b = rawH2(csv, dir.resolve("h2-raw-" + round), batch);
      } else if (kind.equals("postgres")) {
        try (PostgresSchema schema = PostgresSchema.create(postgres, "p2p", false)) {
          a = FacadeImport.run("P2P import into PostgreSQL", JdbcStore.of(schema.url()), csv, file);
        }
        b = rawPostgres(csv, postgres, false);
      } else {
        throw new IllegalArgumentException("databases are h2 and postgres: " + kind);
      }
      System.out.println((round == 0 ? "warm-up  " : "round " + round + "  ") + a.line());
      System.out.println((round == 0 ? "warm-up  " : "round " + round + "  ") + b.line());
      if (round > 0) {
        p2p[round - 1] = a.rowsPerSecond();
        raw[round - 1] = b.rowsPerSecond();
      }
    }
    Medians m = new Medians(label, median(p2p), median(raw));
    System.out.printf(
        Locale.ROOT,
        "%s import medians: P2P %,.0f rows/s, raw %,.0f rows/s: %.0f%% of raw%n%n",
        label,
        m.p2pRowsPerSecond(),
        m.rawRowsPerSecond(),
        100 * m.p2pRowsPerSecond() / m.rawRowsPerSecond());
    return m;
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  static Measurement generate(ContactCsvGenerator csv, Path file) {
    try (HeapWatch heap = HeapWatch.start()) {
      long start = System.nanoTime();
      csv.writeTo(file);
      return new Measurement(
          "generate the CSV",
          csv.expected().rowsRead(),
          System.nanoTime() - start,
          heap.sampledPeakBytes(),
          heap.poolPeaksBytes());
    }
  }

  private static Measurement rawH2(ContactCsvGenerator csv, Path dir, int batch) throws Exception {
    Files.createDirectories(dir);
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("p2p"));
    ds.setUser("sa");
    long listId;
    try (JdbcStore store = JdbcStore.of(ds)) {
      listId = RawBaselines.prepareList(store);
    }
    Measurement m =
        RawBaselines.jdbcBatches(
            "raw H2: JDBC batches of " + batch + ", normalized rows", csv, ds, listId, batch);
    try (var c = ds.getConnection();
        var s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
    return m;
  }

  private static Measurement rawPostgres(ContactCsvGenerator csv, String url, boolean keep)
      throws Exception {
    try (PostgresSchema schema = PostgresSchema.create(url, "raw", keep)) {
      long listId;
      try (JdbcStore store = JdbcStore.of(schema.dataSource())) {
        listId = RawBaselines.prepareList(store);
      }
      return RawBaselines.postgresCopy(
          "raw PostgreSQL: one COPY, normalized rows", csv, schema.dataSource(), listId);
    }
  }

  private static void printEnvironment(ContactCsvGenerator csv, Path dir) {
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "p2p import benchmark: Java %s, %d cores, max heap %d MB%n",
        System.getProperty("java.version"),
        rt.availableProcessors(),
        rt.maxMemory() >> 20);
    System.out.printf(Locale.ROOT, "data: %s, expected %s%nfolder: %s%n", csv, csv.expected(), dir);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("arguments are name=value, such as rows=100000: " + arg);
      }
      options.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    return options;
  }

  static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
