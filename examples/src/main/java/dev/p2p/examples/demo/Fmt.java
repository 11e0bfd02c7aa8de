package dev.p2p.examples.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/** How the report writes numbers, rates, money, durations and times; the same on every machine. */
final class Fmt {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.US);

  private Fmt() {}

  /** {@code 10000} as {@code 10,000}. */
  static String count(long n) {
    return String.format(Locale.US, "%,d", n);
  }

  /** A rate in [0, 1] as a percentage with one decimal, {@code 0.125} as {@code 12.5%}. */
  static String percent(double rate) {
    return String.format(Locale.US, "%.1f%%", rate * 100);
  }

  /** {@code part / whole} as a percentage, {@code 0.0%} when {@code whole} is 0. */
  static String share(long part, long whole) {
    return percent(rate(part, whole));
  }

  /** {@code part / whole}, 0 when {@code whole} is 0. */
  static double rate(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  /** An amount in its currency's usual form, {@code $1,234.50} or {@code €83.00}. */
  static String money(BigDecimal amount, Currency currency) {
    NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
    format.setCurrency(currency);
    int digits = currency.getDefaultFractionDigits() < 0 ? 2 : currency.getDefaultFractionDigits();
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return format.format(amount);
  }

  /**
   * A duration as its two largest units: {@code 45s}, {@code 1m 05s}, {@code 2h 03m}, {@code 1d
   * 04h}; {@code -} when empty.
   */
  static String duration(Optional<Duration> duration) {
    if (duration.isEmpty()) {
      return "-";
    }
    Duration d = duration.get();
    if (d.isNegative() || d.isZero()) {
      return "0s";
    }
    long seconds = d.getSeconds();
    if (seconds == 0) {
      return "<1s";
    }
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
    }
    if (seconds < 86_400) {
      return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }
    return String.format(Locale.ROOT, "%dd %02dh", seconds / 86_400, seconds % 86_400 / 3600);
  }

  /** A variant's letter: 0 is {@code A}, 25 is {@code Z}, 26 is {@code AA}. */
  static String variant(int index) {
    StringBuilder letters = new StringBuilder();
    int n = index;
    do {
      letters.insert(0, (char) ('A' + n % 26));
      n = n / 26 - 1;
    } while (n >= 0);
    return letters.toString();
  }

  /** A moment in a zone, such as {@code Tue 5 Mar 2024, 14:07 EST}. */
  static String when(Instant instant, ZoneId zone) {
    return WHEN.format(instant.atZone(zone));
  }

  /**
   * Text for one line: control characters (line breaks, tabs) become spaces, and the text is cut to
   * {@code max} code points, ending with {@code …} when cut.
   */
  static String clip(String text, int max) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    String line = out.toString();
    int length = line.codePointCount(0, line.length());
    if (length <= max) {
      return line;
    }
    int end = line.offsetByCodePoints(0, Math.max(0, max - 1));
    return line.substring(0, end).stripTrailing() + "…";
  }

  /** The width of a line in code points. */
  static int width(String text) {
    return text.codePointCount(0, text.length());
  }
}
