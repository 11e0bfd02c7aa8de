package dev.p2p.examples;

import dev.p2p.examples.admin.CheckCsvCommand;
import dev.p2p.examples.admin.EstimateCommand;
import dev.p2p.examples.admin.ExceptionReporter;
import dev.p2p.examples.admin.SegmentsCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
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

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
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
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
