package dev.p2p.examples.demo;

import dev.p2p.Organization;
import dev.p2p.P2P;
import dev.p2p.action.Action;
import dev.p2p.action.Estimate;
import dev.p2p.contact.ImportOptions;
import dev.p2p.contact.ImportReport;
import dev.p2p.gateway.NumberType;
import dev.p2p.gateway.policy.GatewayPolicy;
import dev.p2p.report.ActionReport;
import dev.p2p.report.Reports;
import dev.p2p.store.Store;
import dev.p2p.store.jdbc.JdbcStore;
import dev.p2p.testkit.FakeGateway;
import dev.p2p.testkit.MutableClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The demo campaign: a whole P2P action on Election Day, from the CSV import to the report, on
 * {@link FakeGateway} and a simulated clock. Read {@link #run} top to bottom as a tour of the API.
 */
public final class CampaignDemo {
  /** Election Day 2026, 9am in New York. */
  static final ZonedDateTime MORNING =
      ZonedDateTime.of(2026, 11, 3, 9, 0, 0, 0, DemoSetup.NEW_YORK);

  /** The CSV exports the run writes, linked from the HTML report. */
  static final List<String> EXPORTS = List.of("conversations.csv", "messages.csv", "opt-outs.csv");

  private final DemoSettings settings;
  private final PrintWriter out;

  private CampaignDemo(DemoSettings settings, PrintWriter out) {
    this.settings = settings;
    this.out = out;
  }

  /** Runs the demo with these settings, writing its story and report to {@code out}. */
  public static DemoResult run(DemoSettings settings, PrintWriter out) {
    return new CampaignDemo(settings, out).run();
  }

  private DemoResult run() {
    long started = System.nanoTime();
    Path dir = createDirectories(settings.outputDirectory());
    out.printf(
        "p2p demo: Election Day texting for organization '%s', simulated (seed %d)%n",
        settings.organizationId(), settings.seed());
    MutableClock clock = MutableClock.at(MORNING.toInstant());
    Random random = new Random(settings.seed());
    // The simulated carrier: records every send and posts receipts and replies through p2p's own
    // webhook pipeline, signed, as Twilio or Bandwidth would.
    FakeGateway fake = FakeGateway.builder().clock(clock).build();
    // The policy's rate limits pace real carriers; the simulated day runs a hundred times faster
    // than the clock on the wall, so the demo lifts them.
    GatewayPolicy policy =
        GatewayPolicy.builder().messagesPerSecond(NumberType.LONG_CODE, 10_000).build();
    try (P2P p2p =
        P2P.builder()
            .store(openStore(dir))
            .clock(clock)
            .gateway(DemoSetup.GATEWAY, fake, policy)
            .build()) {
      fake.connect(p2p.webhooks()::handle);
      Organization org = p2p.organization(settings.organizationId());
      DemoSetup.organization(org);
      List<String> volunteers = DemoSetup.volunteers(org, settings.texters());

      out.println();
      out.println("1. The contact list");
      long listId = importContacts(org, dir.resolve("contacts.csv"));

      out.println();
      out.println("2. The action");
      Action action = DemoSetup.action(org, listId, senderNumbers());
      Estimate estimate = org.actions().estimate(action.id());
      out.printf(
          "   \"%s\": %d initial variants (A/B), %d reply scripts, %d report questions,%n"
              + "   texting hours 09:00-21:00 in each contact's time zone; published.%n"
              + "   Estimate for the first messages: %,d segments, %s.%n",
          action.name(),
          DemoSetup.VARIANTS.size(),
          action.spec().script().replies().size(),
          action.spec().report().size(),
          estimate.segments(),
          Fmt.money(estimate.cost(), estimate.currency()));

      out.println();
      out.printf(
          "3. Election Day: %d volunteers text from 9am to midnight New York time%n",
          volunteers.size());
      long steps;
      try (ProgressBar bar = progressBar("Texting", estimate.contacts())) {
        steps =
            new TextingDay(p2p, org, fake, clock, random)
                .run(action.id(), volunteers, MORNING.plusHours(15).toInstant(), bar);
      }
      out.println();
      org.actions().close(action.id()); // the polls have closed
      ActionReport report = org.reports().action(action.id());

      out.println();
      out.println("4. The report");
      String description =
          String.format(
              "%,d contacts, %d volunteers, seed %d, %s",
              settings.contacts(),
              settings.texters(),
              settings.seed(),
              settings.jdbcUrl().isPresent() ? database(settings.jdbcUrl().get()) : "H2");
      ReportContext context =
          new ReportContext(DemoSetup.NEW_YORK, DemoSetup.VARIANTS, description, EXPORTS);
      ReportTables.write(report, context, out);

      out.println();
      out.println("5. Files");
      export(dir.resolve(EXPORTS.get(0)), o -> org.reports().exportConversations(action.id(), o));
      export(dir.resolve(EXPORTS.get(1)), o -> org.reports().exportMessages(action.id(), o));
      export(dir.resolve(EXPORTS.get(2)), o -> org.reports().exportOptOuts(o));
      Path html = dir.resolve("report.html");
      try {
        HtmlReport.write(report, context, html);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the HTML report " + html, e);
      }
      out.printf("   %-19s %s%n", "HTML report:", html.toAbsolutePath().toUri());
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      out.println();
      out.printf(
          "Done in %.1f s: a simulated Election Day of %,d steps, same seed same day.%n",
          took.toMillis() / 1_000.0, steps);
      return new DemoResult(report, dir, took);
    }
  }

  private void export(Path file, Reports.Export export) {
    long rows = Reports.toFile(file, export); // the whole file, or none if the export fails
    out.printf("   %-19s %s (%,d rows)%n", file.getFileName() + ":", file, rows);
  }

  /** The kind of database in a JDBC URL, for the report's description; never its credentials. */
  private static String database(String jdbcUrl) {
    String rest = jdbcUrl.substring("jdbc:".length());
    int colon = rest.indexOf(':');
    return colon > 0 ? rest.substring(0, colon) : "JDBC";
  }

  private long importContacts(Organization org, Path csv) {
    VoterList.write(csv, settings.contacts(), new Random(settings.seed()));
    out.printf("   Generated %,d rows in %s%n", settings.contacts(), csv);
    ImportReport imported;
    try (ProgressBar bar = progressBar("Importing", settings.contacts())) {
      imported =
          org.contacts()
              .importCsv(
                  "Election Day list",
                  csv,
                  ImportOptions.builder().progressInterval(250).build(),
                  progress -> bar.stepTo(progress.rowsRead()));
      bar.stepTo(imported.rowsRead());
    }
    out.println();
    out.printf(
        "   %,d imported, %,d duplicates, %,d invalid%n",
        imported.imported(), imported.duplicates(), imported.invalid());
    imported.errors().stream().limit(3).forEach(e -> out.printf("     %s%n", e));
    return imported.listId().orElseThrow();
  }

  private ProgressBar progressBar(String task, long max) {
    out.flush();
    return new ProgressBarBuilder()
        .setTaskName("   " + task)
        .setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(200)
        .showSpeed()
        .setConsumer(
            new DelegatingProgressBarConsumer(
                line -> {
                  out.print('\r');
                  out.print(line);
                  out.flush();
                },
                100))
        .build();
  }

  private Store openStore(Path dir) {
    if (settings.jdbcUrl().isPresent()) {
      String url = settings.jdbcUrl().get();
      out.printf("Database: %s (tables migrated by p2p if need be)%n", database(url));
      return JdbcStore.of(url); // PostgreSQL or MariaDB, with a HikariCP pool
    }
    Path h2 = dir.resolve("h2");
    deleteTree(h2); // the demo's own database, replaced each run
    out.printf("Database: H2 files in %s (replaced each run)%n", h2);
    return JdbcStore.h2(h2);
  }

  /** Twenty long codes: p2p spreads the contacts over them and keeps each contact on one. */
  private static List<String> senderNumbers() {
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      numbers.add(String.format("+1312555%04d", 100 + i));
    }
    return numbers;
  }

  private static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the output folder " + dir, e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace the demo database in " + dir, e);
    }
  }
}
