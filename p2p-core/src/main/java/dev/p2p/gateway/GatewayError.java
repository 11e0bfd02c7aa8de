package dev.p2p.gateway;

import dev.p2p.conversation.FailureKind;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The kind of a carrier failure. Adapters classify every carrier error into one of these; the
 * core's policy acts on the kind, never on a carrier's code:
 *
 * <ul>
 *   <li>{@link Retryable}: a transient failure (carrier 5xx, connection refused). Retried only when
 *       {@link GatewayException#retrySafe()} says the carrier surely did not act on the request.
 *   <li>{@link RateLimited}: the carrier refused to take the message now; retried after its delay.
 *   <li>{@link OptedOut}: the contact unsubscribed at the carrier; the contact is opted out.
 *   <li>{@link InvalidNumber}: the number cannot receive texts (invalid, landline, unreachable).
 *   <li>{@link Permanent}: any other refusal that will not change by trying again.
 *   <li>{@link Authentication}: the carrier rejected p2p's credentials; no send can succeed until
 *       they are fixed.
 * </ul>
 */
public sealed interface GatewayError {

  /** The kind a message that failed with this error is stored with. */
  FailureKind kind();

  /** A transient failure, such as a carrier 5xx or a refused connection. */
  static GatewayError retryable() {
    return Retryable.INSTANCE;
  }

  /** The carrier is throttling; {@code retryAfter} is its requested delay, when it gave one. */
  static GatewayError rateLimited(Optional<Duration> retryAfter) {
    return new RateLimited(retryAfter);
  }

  /** The contact opted out at the carrier. */
  static GatewayError optedOut() {
    return OptedOut.INSTANCE;
  }

  /** The number cannot receive texts. */
  static GatewayError invalidNumber() {
    return InvalidNumber.INSTANCE;
  }

  /** A refusal that trying again will not change. */
  static GatewayError permanent() {
    return Permanent.INSTANCE;
  }

  /** The carrier rejected the credentials. */
  static GatewayError authentication() {
    return Authentication.INSTANCE;
  }

  /** A transient failure. */
  record Retryable() implements GatewayError {
    static final Retryable INSTANCE = new Retryable();

    @Override
    public FailureKind kind() {
      return FailureKind.RETRYABLE;
    }
  }

  /**
   * The carrier is throttling.
   *
   * @param retryAfter the carrier's requested delay before trying again, when it gave one
   */
  record RateLimited(Optional<Duration> retryAfter) implements GatewayError {
    /** Checks that the delay, if any, is not negative. */
    public RateLimited {
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (retryAfter.isPresent() && retryAfter.get().isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative");
      }
    }

    @Override
    public FailureKind kind() {
      return FailureKind.RATE_LIMITED;
    }
  }

  /** The contact opted out at the carrier. */
  record OptedOut() implements GatewayError {
    static final OptedOut INSTANCE = new OptedOut();

    @Override
    public FailureKind kind() {
      return FailureKind.OPTED_OUT;
    }
  }

  /** The number cannot receive texts. */
  record InvalidNumber() implements GatewayError {
    static final InvalidNumber INSTANCE = new InvalidNumber();

    @Override
    public FailureKind kind() {
      return FailureKind.INVALID_NUMBER;
    }
  }

  /** A refusal that trying again will not change. */
  record Permanent() implements GatewayError {
    static final Permanent INSTANCE = new Permanent();

    @Override
    public FailureKind kind() {
      return FailureKind.PERMANENT;
    }
  }

  /** The carrier rejected the credentials. */
  record Authentication() implements GatewayError {
    static final Authentication INSTANCE = new Authentication();

    @Override
    public FailureKind kind() {
      return FailureKind.AUTHENTICATION;
    }
  }
}
