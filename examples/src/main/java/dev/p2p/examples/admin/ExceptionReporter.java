package dev.p2p.examples.admin;

import dev.p2p.ValidationException;
import dev.p2p.examples.DemoApp;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports an exception a command did not handle as one line, {@code p2p-demo: <message>}, never a
 * stack trace, and exits {@value DemoApp#INPUT_PROBLEMS}: a {@link ValidationException} is a
 * problem with the input, anything else a failure the message explains.
 */
public final class ExceptionReporter implements IExecutionExceptionHandler {
  /** Creates the handler; it keeps no state. */
  public ExceptionReporter() {}

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    String message = exception.getMessage();
    if (message == null || message.isBlank()) {
      message = exception.getClass().getSimpleName();
    }
    err.println("p2p-demo: " + message);
    err.flush();
    return DemoApp.INPUT_PROBLEMS;
  }
}
