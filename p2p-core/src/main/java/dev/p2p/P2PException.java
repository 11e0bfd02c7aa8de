package dev.p2p;

/**
 * The root of every exception p2p throws. Unchecked and abstract: every failure is one of its
 * subtypes, which a caller tells apart by type rather than by message: {@link ValidationException}
 * (the input is wrong, with every violation listed), {@link NotFoundException}, {@link
 * ForbiddenException}, {@link OptedOutException}, {@link OutsideTextingHoursException}, {@link
 * StoreException} (the store failed; {@link StoreException#retryable()} says whether to try again),
 * {@link dev.p2p.gateway.GatewayException} (a carrier failed) and {@link
 * dev.p2p.event.EventsPrunedException}.
 *
 * <p>Messages say what was wrong and what to do about it; they never contain a full phone number, a
 * message body or a secret.
 */
public abstract class P2PException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message for a person to read. */
  protected P2PException(String message) {
    super(message);
  }

  /** Creates an exception with a message for a person to read and the underlying cause. */
  protected P2PException(String message, Throwable cause) {
    super(message, cause);
  }
}
