package dev.p2p.conversation;

/**
 * Why a message failed, as stored with it: the kind of a {@link dev.p2p.gateway.GatewayError},
 * without its details ({@link dev.p2p.gateway.GatewayError#kind()}). Stores keep the constant's
 * name.
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
}
