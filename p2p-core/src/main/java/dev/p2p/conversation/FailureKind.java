package dev.p2p.conversation;

import dev.p2p.gateway.GatewayError;

/**
 * Why a message failed, as stored with it: the kind of a {@link GatewayError}, without its details.
 * Stores keep the constant's name.
 */
public enum FailureKind {
  /** A transient carrier or network failure. */
  RETRYABLE,
  /** The carrier was throttling. */
  RATE_LIMITED,
  /** The contact unsubscribed at the carrier. */
  OPTED_OUT,
  /** The number cannot receive texts. */
  INVALID_NUMBER,
  /** Any other refusal that trying again will not change. */
  PERMANENT,
  /** The carrier rejected p2p's credentials. */
  AUTHENTICATION;

  /** The kind of a classified gateway error. */
  public static FailureKind of(GatewayError error) {
    if (error instanceof GatewayError.Retryable) {
      return RETRYABLE;
    } else if (error instanceof GatewayError.RateLimited) {
      return RATE_LIMITED;
    } else if (error instanceof GatewayError.OptedOut) {
      return OPTED_OUT;
    } else if (error instanceof GatewayError.InvalidNumber) {
      return INVALID_NUMBER;
    } else if (error instanceof GatewayError.Permanent) {
      return PERMANENT;
    } else if (error instanceof GatewayError.Authentication) {
      return AUTHENTICATION;
    }
    throw new IllegalArgumentException("unknown gateway error kind: " + error);
  }
}
