package dev.p2p.store.support;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Makes a failure safe to log. A database's or a driver's exception message can quote the row it
 * refused: PostgreSQL's {@code Key (org_id, phone)=(1, +13125550101) already exists} or {@code
 * Failing row contains (.., 'the body', ..)}, MariaDB's {@code Duplicate entry '+13125550101-1'}.
 * Core and the JDBC store log every failure they did not word themselves through {@link #of}, so no
 * phone or message body reaches a log line whole; store authors should do the same.
 *
 * <p>The copy keeps each exception's class name, its stack trace, its causes and its suppressed
 * exceptions. In each message a run of seven or more digits keeps its last four ({@code
 * +*******0101}), a {@code Detail:} line (where PostgreSQL quotes the row) is left out, and the
 * message is cut at {@value #MAX_MESSAGE} characters.
 */
public final class LogSafe {
  /** The longest message a copy keeps, in characters. */
  public static final int MAX_MESSAGE = 500;

  private static final Pattern DIGITS = Pattern.compile("\\+?\\d{7,}");
  private static final Pattern DETAIL = Pattern.compile("(?m)(Detail|DETAIL|Where|WHERE): .*$");
  private static final int MAX_DEPTH = 16;

  private LogSafe() {}

  /** The text with digit runs masked and row details left out, cut at {@link #MAX_MESSAGE}. */
  public static String text(@Nullable String text) {
    if (text == null) {
      return "";
    }
    String cut = DETAIL.matcher(text).replaceAll("$1: (left out of logs)");
    Matcher m = DIGITS.matcher(cut);
    StringBuilder out = new StringBuilder(cut.length());
    while (m.find()) {
      String run = m.group();
      int head = run.startsWith("+") ? 1 : 0;
      String masked =
          run.substring(0, head)
              + "*".repeat(run.length() - head - 4)
              + run.substring(run.length() - 4);
      m.appendReplacement(out, Matcher.quoteReplacement(masked));
    }
    m.appendTail(out);
    return out.length() <= MAX_MESSAGE
        ? out.toString()
        : out.substring(0, MAX_MESSAGE) + "... (" + (out.length() - MAX_MESSAGE) + " more)";
  }

  /**
   * A copy of the failure that is safe to pass to a logger: the same classes (named), stack traces
   * and causes, with every message {@linkplain #text masked}.
   */
  public static Throwable of(Throwable failure) {
    Objects.requireNonNull(failure, "failure");
    return copy(failure, new IdentityHashMap<>(), 0);
  }

  private static Throwable copy(Throwable original, Map<Throwable, Throwable> seen, int depth) {
    Throwable done = seen.get(original);
    if (done != null) {
      return done;
    }
    Redacted copy = new Redacted(original.getClass().getName(), text(original.getMessage()));
    seen.put(original, copy);
    copy.setStackTrace(original.getStackTrace());
    if (depth < MAX_DEPTH) {
      Throwable cause = original.getCause();
      if (cause != null && cause != original) {
        copy.initCause(copy(cause, seen, depth + 1));
      }
      for (Throwable suppressed : original.getSuppressed()) {
        copy.addSuppressed(copy(suppressed, seen, depth + 1));
      }
    }
    return copy;
  }

  /** A failure's masked copy; prints as the original's class and masked message. */
  private static final class Redacted extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String className;

    Redacted(String className, String message) {
      super(message);
      this.className = className;
    }

    @Override
    public String toString() {
      String message = getMessage();
      return message == null || message.isEmpty() ? className : className + ": " + message;
    }
  }
}
