package dev.p2p.examples.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.ValidationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class DemoAppCommandsTest {
  @Test
  @DisplayName("p2p-demo --help lists the admin commands; help <command> shows its usage")
  void help() {
    Run top = Run.of("--help");
    Run segments = Run.of("help", "segments");

    assertThat(top.code()).isZero();
    assertThat(top.out()).contains("segments", "check-csv", "estimate", "help");
    assertThat(segments.code()).isZero();
    assertThat(segments.out()).contains("Usage: p2p-demo segments").contains("--json");
  }

  @Test
  @DisplayName("an unknown command is bad usage, exit 2")
  void unknownCommand() {
    assertThat(Run.of("segmnts", "hi").code()).isEqualTo(2);
  }

  @Test
  @DisplayName("an unhandled exception prints one line, p2p-demo: <message>, and exits 1")
  void unexpectedException() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Throwing(new IllegalStateException("disk on fire")));
    cli.setErr(new PrintWriter(err)).setExecutionExceptionHandler(new ExceptionReporter());

    int code = cli.execute();

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("p2p-demo: disk on fire" + System.lineSeparator());
  }

  @Test
  @DisplayName("a ValidationException is an input problem: its message, exit 1")
  void validationException() {
    StringWriter err = new StringWriter();
    CommandLine cli =
        new CommandLine(new Throwing(ValidationException.of("phone", "is not a phone number")));
    cli.setErr(new PrintWriter(err)).setExecutionExceptionHandler(new ExceptionReporter());

    assertThat(cli.execute()).isEqualTo(1);
    assertThat(err.toString()).startsWith("p2p-demo: 1 problem: phone is not a phone number");
  }

  @Test
  @DisplayName("an exception without a message is named by its class")
  void noMessage() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Throwing(new NullPointerException()));
    cli.setErr(new PrintWriter(err)).setExecutionExceptionHandler(new ExceptionReporter());

    assertThat(cli.execute()).isEqualTo(1);
    assertThat(err.toString()).startsWith("p2p-demo: NullPointerException");
  }

  @Command(name = "throwing")
  static final class Throwing implements Callable<Integer> {
    private final RuntimeException exception;

    Throwing(RuntimeException exception) {
      this.exception = exception;
    }

    @Override
    public Integer call() {
      throw exception;
    }
  }
}
