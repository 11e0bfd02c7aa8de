package dev.p2p.gateway.twilio;

import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;

/**
 * Twilio's error codes and HTTP statuses, classified into the SPI's {@link GatewayError} kinds
 * (gateways.md §1.4 and §1.10):
 *
 * <ul>
 *   <li>HTTP 429 or 20429, and the queue-full codes 21611, 30001, 30022, 30023, 30027: rate-limited
 *       (Twilio did not take the message; retry-safe).
 *   <li>HTTP 401 or 403, or 20003: authentication.
 *   <li>21610: opted out.
 *   <li>21211, 21612, 21614, 30005, 30006: invalid number (invalid, not reachable, not mobile).
 *   <li>30003, 30008 (status callbacks): retryable. HTTP 5xx: retryable but not retry-safe, since
 *       Twilio may have created the message.
 *   <li>Everything else: permanent.
 * </ul>
 */
final class TwilioErrors {
  private static final Map<String, GatewayError> KINDS =
      Map.ofEntries(
          Map.entry("20003", GatewayError.authentication()),
          Map.entry("20429", GatewayError.rateLimited(Optional.empty())),
          Map.entry("21611", GatewayError.rateLimited(Optional.empty())),
          Map.entry("30001", GatewayError.rateLimited(Optional.empty())),
          Map.entry("30022", GatewayError.rateLimited(Optional.empty())),
          Map.entry("30023", GatewayError.rateLimited(Optional.empty())),
          Map.entry("30027", GatewayError.rateLimited(Optional.empty())),
          Map.entry("21610", GatewayError.optedOut()),
          Map.entry("21211", GatewayError.invalidNumber()),
          Map.entry("21612", GatewayError.invalidNumber()),
          Map.entry("21614", GatewayError.invalidNumber()),
          Map.entry("30005", GatewayError.invalidNumber()),
          Map.entry("30006", GatewayError.invalidNumber()),
          Map.entry("30003", GatewayError.retryable()),
          Map.entry("30008", GatewayError.retryable()));

  /** Connection failures that happen before any byte of the request is sent. */
  private static final Set<Class<? extends Throwable>> BEFORE_SENDING =
      Set.of(
          ConnectException.class, HttpConnectTimeoutException.class, SSLHandshakeException.class);

  private static final Pattern MORE_INFO =
      Pattern.compile("https://www\\.twilio\\.com/docs/[\\w/-]+");

  private TwilioErrors() {}

  /** The kind of a Twilio error code, as a status callback's {@code ErrorCode} carries it. */
  static GatewayError kindOf(String code) {
    return KINDS.getOrDefault(code, GatewayError.permanent());
  }

  /**
   * The exception for a non-2xx answer to a send.
   *
   * @param status the HTTP status
   * @param error Twilio's error body, when it could be read
   * @param retryAfter the delay a {@code Retry-After} header asked for, if any
   */
  static GatewayException refusal(
      int status, Optional<TwilioError> error, Optional<Duration> retryAfter) {
    Optional<String> code = error.flatMap(TwilioError::code);
    GatewayError kind;
    if (status == 429 || code.filter("20429"::equals).isPresent()) {
      kind = GatewayError.rateLimited(retryAfter);
    } else if (status == 401 || status == 403) {
      kind = GatewayError.authentication();
    } else if (code.isPresent() && KINDS.containsKey(code.get())) {
      kind = KINDS.get(code.get());
      if (kind instanceof GatewayError.RateLimited) {
        kind = GatewayError.rateLimited(retryAfter);
      }
    } else if (status >= 500) {
      kind = GatewayError.retryable();
    } else {
      kind = GatewayError.permanent();
    }
    // Twilio never processed a throttled request; a 5xx is ambiguous whatever its code.
    boolean retrySafe = kind instanceof GatewayError.RateLimited && status < 500;
    GatewayException.Builder builder =
        GatewayException.builder(TwilioGateway.CARRIER, kind)
            .httpStatus(status)
            .retrySafe(retrySafe);
    code.ifPresent(builder::carrierCode);
    String moreInfo =
        error
            .flatMap(TwilioError::moreInfo)
            .filter(url -> MORE_INFO.matcher(url).matches())
            .map(url -> "; see " + url)
            .orElse("");
    return builder.build(
        "Twilio refused the message with HTTP " + status + " (" + describe(kind) + ")" + moreInfo);
  }

  /** The exception for a send whose connection failed or timed out. */
  static GatewayException connectionFailure(Throwable failure) {
    boolean beforeSending = BEFORE_SENDING.stream().anyMatch(type -> type.isInstance(failure));
    String what =
        beforeSending
            ? "could not connect to Twilio; nothing was sent"
            : "the connection to Twilio failed after the request was sent; it may have been created";
    return GatewayException.builder(TwilioGateway.CARRIER, GatewayError.retryable())
        .retrySafe(beforeSending)
        .cause(failure)
        .build(what + " (" + failure.getClass().getSimpleName() + ")");
  }

  /** The exception for a success answer whose receipt cannot be read. */
  static GatewayException unreadableReceipt(int status, String reason) {
    return GatewayException.builder(TwilioGateway.CARRIER, GatewayError.retryable())
        .httpStatus(status)
        .retrySafe(false)
        .build(
            "Twilio answered HTTP "
                + status
                + " but its receipt cannot be read ("
                + reason
                + "); the message may have been created");
  }

  private static String describe(GatewayError kind) {
    if (kind instanceof GatewayError.RateLimited) {
      return "rate-limited";
    } else if (kind instanceof GatewayError.Authentication) {
      return "credentials refused";
    } else if (kind instanceof GatewayError.OptedOut) {
      return "the contact opted out";
    } else if (kind instanceof GatewayError.InvalidNumber) {
      return "the number cannot receive texts";
    } else if (kind instanceof GatewayError.Retryable) {
      return "a server error; the message may have been created";
    }
    return "permanent";
  }
}
