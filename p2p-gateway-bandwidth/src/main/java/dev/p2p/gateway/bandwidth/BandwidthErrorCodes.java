package dev.p2p.gateway.bandwidth;

import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bandwidth's {@code errorCode} on a {@code message-failed} callback, read as p2p's status and
 * error kind. The first digit says who and how: 4 a client error (the same request fails again), 5
 * a service failure (a later attempt may pass), 9 ambiguous. The second digit says where: 7 and 6
 * are the downstream carrier's verdict ({@code UNDELIVERED}: the message left Bandwidth), the
 * others Bandwidth's own ({@code FAILED}).
 */
final class BandwidthErrorCodes {
  /** Delivery receipt expired: no receipt within 2 hours; the message may well have arrived. */
  static final int RECEIPT_EXPIRED = 9902;

  /** The recipient opted out of this sender at the carrier. */
  static final int OPTED_OUT = 4775;

  /** The number cannot get texts from anyone: invalid, unallocated, deactivated, landline... */
  private static final Set<Integer> INVALID_NUMBER =
      Set.of(4303, 4350, 4404, 4406, 4408, 4434, 4482, 4492, 4700, 4720, 4721);

  /** Carrier volume limits and congestion: the message may go later. */
  private static final Set<Integer> RATE_LIMITED = Set.of(4780, 4781, 4785, 5600);

  /** Transient handset or route trouble reported by the carrier. */
  private static final Set<Integer> RETRYABLE_CLIENT = Set.of(4701, 4702, 4730);

  /**
   * Slugs of Bandwidth's opt-out and invalid-number codes. Bandwidth documents these codes on
   * callbacks; should a create request ever be refused with one as its {@code type}, it means the
   * same there.
   */
  private static final Map<String, Integer> SLUGS =
      Map.of(
          "destination-rejected-due-to-user-opt-out", OPTED_OUT,
          "malformed-invalid-to-number", 4303,
          "rejected-forbidden-to-number", 4404,
          "rejected-unallocated-to-number", 4406,
          "rejected-account-not-defined-to-number", 4408,
          "rejected-to-number-in-blacklist", 4482,
          "invalid-destination-address", 4720,
          "destination-tn-deactivated", 4721);

  private BandwidthErrorCodes() {}

  /** The kind a refused create request's error {@code type} names, when it names one. */
  static Optional<GatewayError> ofType(String type) {
    Integer code = SLUGS.get(type);
    return code == null ? Optional.empty() : Optional.of(kind(code));
  }

  /**
   * What a failure code means for the message.
   *
   * @param code the callback's {@code errorCode}
   */
  static Outcome of(int code) {
    if (code == RECEIPT_EXPIRED) {
      return new Outcome(MessageStatus.SENT, Optional.empty());
    }
    MessageStatus status = byCarrier(code) ? MessageStatus.UNDELIVERED : MessageStatus.FAILED;
    return new Outcome(status, Optional.of(kind(code)));
  }

  private static boolean byCarrier(int code) {
    int family = code / 100;
    return family == 47 || family == 56 || code == 9999;
  }

  private static GatewayError kind(int code) {
    if (code == OPTED_OUT) {
      return GatewayError.optedOut();
    } else if (INVALID_NUMBER.contains(code)) {
      return GatewayError.invalidNumber();
    } else if (RATE_LIMITED.contains(code)) {
      return GatewayError.rateLimited(Optional.empty());
    } else if (RETRYABLE_CLIENT.contains(code) || code / 1000 == 5) {
      return GatewayError.retryable();
    }
    return GatewayError.permanent();
  }

  /**
   * A failure code's reading.
   *
   * @param status {@code FAILED} or {@code UNDELIVERED}; {@code SENT} for an expired receipt
   * @param error the kind of failure; empty when it is none (an expired receipt)
   */
  record Outcome(MessageStatus status, Optional<GatewayError> error) {}
}
