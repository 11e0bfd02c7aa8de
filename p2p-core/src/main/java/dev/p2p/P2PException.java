package dev.p2p;

/**
 * The root of every exception p2p throws. Unchecked: callers catch the subtypes they can act on.
 *
 * <p>Messages say what was wrong and what to do about it; they never contain a full phone number, a
 * message body or a secret.
 */
public class P2PException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message for a person to read. */
  public P2PException(String message) {
    super(message);
  }

  /** Creates an exception with a message for a person to read and the underlying cause. */
  public P2PException(String message, Throwable cause) {
    super(message, cause);
  }
}
