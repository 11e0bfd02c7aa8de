package dev.p2p.gateway.bandwidth;

import dev.p2p.contact.Phones;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small readers of Bandwidth's HTTP answers. */
final class BandwidthHttpAnswers {
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{7,15}");
  private static final int MAX_TEXT = 300;
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,39}");

  private BandwidthHttpAnswers() {}

  /**
   * The {@code Retry-After} delay, in seconds or as an HTTP date, when it is there and readable.
   */
  static Optional<Duration> retryAfter(HttpResponse<?> response, Clock clock) {
    Optional<String> header = response.headers().firstValue("Retry-After").map(String::trim);
    if (header.isEmpty() || header.get().isEmpty()) {
      return Optional.empty();
    }
    String value = header.get();
    if (value.chars().allMatch(Character::isDigit)) {
      return value.length() > 9
          ? Optional.empty()
          : Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration delay = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Carrier text made safe for an exception message: quoted text left out unless it is a name such
   * as a field's or a phone (Bandwidth's errors quote the value they refuse, the body included),
   * phone-like digit runs masked, and the length capped.
   */
  static String safe(String text) {
    Matcher q = QUOTED.matcher(text);
    StringBuilder unquoted = new StringBuilder();
    while (q.find()) {
      String inside = q.group(1) != null ? q.group(1) : q.group(2);
      boolean name = NAME.matcher(inside).matches() || PHONE.matcher(inside).matches();
      String kept = name ? q.group() : "'(quoted text left out)'";
      q.appendReplacement(unquoted, Matcher.quoteReplacement(kept));
    }
    q.appendTail(unquoted);
    Matcher m = PHONE.matcher(unquoted);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(Phones.mask(m.group())));
    }
    m.appendTail(out);
    return out.length() > MAX_TEXT ? out.substring(0, MAX_TEXT) + "..." : out.toString();
  }
}
