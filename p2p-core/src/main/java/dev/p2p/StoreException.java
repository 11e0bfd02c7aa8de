package dev.p2p;

/**
 * The store could not carry out an operation, for a reason other than the caller's input: the
 * database was unreachable or lost the connection, rolled the transaction back to break a deadlock
 * or a serialization conflict, timed out waiting for a lock, or holds data p2p cannot read. The
 * operation's transaction was rolled back: nothing of it was written.
 *
 * <p>{@link #retryable()} tells a caller whether running the same call again may succeed (a
 * conflict, a lock timeout, a lost connection) or not (corrupt stored data, a broken schema, a
 * misconfigured store), without parsing the message. The message names the operation and, for a
 * database error, its SQLState; never a row's values. The database's own exception is the cause.
 *
 * <p>Stores throw it; so does core where a change raced with others too often to go through, and
 * where an import's source stream failed midway (an I/O error: the import was rolled back).
 */
public final class StoreException extends P2PException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  /**
   * Creates the exception.
   *
   * @param message what could not be done and what to do, without any row's values
   * @param retryable whether the same call again may succeed
   */
  public StoreException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  /**
   * Creates the exception with its underlying cause.
   *
   * @param message what could not be done and what to do, without any row's values
   * @param retryable whether the same call again may succeed
   * @param cause the store's own failure, such as an {@link java.sql.SQLException}
   */
  public StoreException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /**
   * Whether running the same call again may succeed: true for a transient failure (a deadlock or
   * serialization conflict, a lock timeout, a lost or unobtainable connection, a change that raced
   * with others), false for one that will recur (corrupt stored data, a constraint or schema error,
   * a misconfiguration). Nothing of the failed call was written either way.
   */
  public boolean retryable() {
    return retryable;
  }
}
