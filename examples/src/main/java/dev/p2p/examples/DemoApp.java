package dev.p2p.examples;

import dev.p2p.examples.admin.CheckCsvCommand;
import dev.p2p.examples.admin.EstimateCommand;
import dev.p2p.examples.admin.ExceptionReporter;
import dev.p2p.examples.admin.SegmentsCommand;
import dev.p2p.examples.demo.CampaignDemo;
import dev.p2p.examples.demo.DemoSettings;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar p2p-demo.jar}: runs the demo campaign, or one of the admin commands.
 *
 * <p>Exit codes: 0 success, 1 the input has problems (reported on the terminal), 2 bad usage.
 */
@Command(
    name = "p2p-demo",
    mixinStandardHelpOptions = true,
    version = "p2p demo 0.1.0-SNAPSHOT",
    sortOptions = false,
    subcommands = {
      SegmentsCommand.class,
      CheckCsvCommand.class,
      EstimateCommand.class,
      HelpCommand.class
    },
    description = "Runs a whole P2P texting action on an embedded database and reports on it.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:the input has problems (reported)",
      "2:bad usage (unknown option, bad value, a FILE that does not exist)"
    })
public final class DemoApp implements Callable<Integer> {
  /** Exit code of a run whose input has problems, reported on the terminal. */
  public static final int INPUT_PROBLEMS = 1;

  @Spec
  @SuppressWarnings("NullAway.Init")
  CommandSpec spec;

  @Option(
      names = "--contacts",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Contacts in the generated list (1 to 1,000,000; default ${DEFAULT-VALUE}).")
  int contacts;

  @Option(
      names = "--texters",
      paramLabel = "N",
      defaultValue = "25",
      description = "Volunteers texting (1 to 1,000; default ${DEFAULT-VALUE}).")
  int texters;

  @Option(
      names = "--jdbc-url",
      paramLabel = "URL",
      description = {
        "A PostgreSQL or MariaDB database to run on instead of H2, such as",
        "jdbc:postgresql://127.0.0.1:5432/test?user=postgres. Each run texts for a new",
        "organization there."
      })
  @Nullable String jdbcUrl;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description =
          "Seed of every random choice; the same seed replays the same day (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "p2p-demo",
      description =
          "Folder for the list, the H2 database, the exports and the report (default ${DEFAULT-VALUE}).")
  Path out = Path.of("p2p-demo");

  // Hibernate Validator announces itself through java.util.logging, on the terminal; held here so
  // that the setting is not collected with the logger.
  private static final java.util.logging.Logger VALIDATOR_LOG =
      java.util.logging.Logger.getLogger("org.hibernate.validator");

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    VALIDATOR_LOG.setLevel(java.util.logging.Level.WARNING);
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }

  /**
   * Runs the command line with the given terminal streams and returns its exit code; never calls
   * {@link System#exit}. An exception a command does not handle is reported in one line, {@code
   * p2p-demo: <message>}, with exit code {@value #INPUT_PROBLEMS}; never as a stack trace.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new DemoApp());
    cli.setOut(out).setErr(err);
    cli.setExecutionExceptionHandler(new ExceptionReporter());
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    if (contacts < 1 || contacts > 1_000_000) {
      throw new ParameterException(
          spec.commandLine(), "--contacts must be between 1 and 1,000,000, was " + contacts);
    }
    if (texters < 1 || texters > 1_000) {
      throw new ParameterException(
          spec.commandLine(), "--texters must be between 1 and 1,000, was " + texters);
    }
    if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:")) {
      throw new ParameterException(
          spec.commandLine(), "--jdbc-url must be a JDBC URL starting with jdbc:, was " + jdbcUrl);
    }
    String organization =
        jdbcUrl == null
            ? "acme"
            : "acme-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                    .withZone(ZoneOffset.UTC)
                    .format(Instant.now());
    DemoSettings settings =
        new DemoSettings(contacts, texters, seed, Optional.ofNullable(jdbcUrl), organization, out);
    CampaignDemo.run(settings, spec.commandLine().getOut());
    return 0;
  }
}
