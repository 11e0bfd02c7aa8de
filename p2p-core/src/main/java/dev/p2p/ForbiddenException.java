package dev.p2p;

/**
 * The caller may not act on a record that exists in its organization: a texter acting on a
 * conversation assigned to someone else, or joining an action with a revoked link.
 */
public final class ForbiddenException extends P2PException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what was refused and why. */
  public ForbiddenException(String message) {
    super(message);
  }
}
