package dev.p2p.examples.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * Every line logged while a capture is on, as a logging backend would print it: level, logger, the
 * formatted message, and the throwable's stack trace with its messages and causes.
 */
public final class CapturedLogs {
  private static final List<String> lines = new ArrayList<>();
  private static boolean on;

  private CapturedLogs() {}

  /** Starts capturing every line, at every level, from every thread. */
  public static synchronized void start() {
    lines.clear();
    on = true;
  }

  /** Stops capturing and returns the lines captured since {@link #start()}. */
  public static synchronized List<String> stop() {
    on = false;
    List<String> captured = List.copyOf(lines);
    lines.clear();
    return captured;
  }

  /** Whether this backend is the one SLF4J bound (set by the surefire configuration). */
  public static boolean installed() {
    return org.slf4j.LoggerFactory.getILoggerFactory() instanceof CapturingProvider.Factory;
  }

  static synchronized boolean record(String line) {
    if (on) {
      lines.add(line);
    }
    return on;
  }
}
