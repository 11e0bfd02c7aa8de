package dev.p2p.testkit;

import dev.p2p.gateway.GatewayError;
import java.time.Duration;
import java.util.Optional;

/**
 * The fake carrier's names, codes and HTTP statuses for each {@link GatewayError} kind: what a real
 * carrier's error table is to its adapter.
 */
final class ErrorKinds {
  private ErrorKinds() {}

  /** The wire name of a kind: {@code retryable}, {@code rate-limited}, {@code opted-out}... */
  static String name(GatewayError kind) {
    if (kind instanceof GatewayError.Retryable) {
      return "retryable";
    } else if (kind instanceof GatewayError.RateLimited) {
      return "rate-limited";
    } else if (kind instanceof GatewayError.OptedOut) {
      return "opted-out";
    } else if (kind instanceof GatewayError.InvalidNumber) {
      return "invalid-number";
    } else if (kind instanceof GatewayError.Permanent) {
      return "permanent";
    }
    return "authentication";
  }

  /**
   * The kind a wire name stands for.
   *
   * @param retryAfter the carrier's delay, used only for {@code rate-limited}
   * @throws IllegalArgumentException for an unknown name
   */
  static GatewayError parse(String name, Optional<Duration> retryAfter) {
    switch (name) {
      case "retryable":
        return GatewayError.retryable();
      case "rate-limited":
        return GatewayError.rateLimited(retryAfter);
      case "opted-out":
        return GatewayError.optedOut();
      case "invalid-number":
        return GatewayError.invalidNumber();
      case "permanent":
        return GatewayError.permanent();
      case "authentication":
        return GatewayError.authentication();
      default:
        throw new IllegalArgumentException("unknown error kind " + name);
    }
  }

  /**
   * The fake carrier's own code for a kind: {@code F503} retryable, {@code F429} rate-limited,
   * {@code F610} opted-out, {@code F211} invalid number, {@code F400} permanent, {@code F401}
   * authentication.
   */
  static String code(GatewayError kind) {
    if (kind instanceof GatewayError.OptedOut) {
      return "F610";
    } else if (kind instanceof GatewayError.InvalidNumber) {
      return "F211";
    }
    return "F" + httpStatus(kind);
  }

  /** The HTTP status the fake carrier answers a refused send of this kind with. */
  static int httpStatus(GatewayError kind) {
    if (kind instanceof GatewayError.Retryable) {
      return 503;
    } else if (kind instanceof GatewayError.RateLimited) {
      return 429;
    } else if (kind instanceof GatewayError.Authentication) {
      return 401;
    }
    return 400;
  }
}
