package dev.p2p;

/**
 * A record named by the caller does not exist in this organization. Records of other organizations
 * are never found, by design.
 */
public final class NotFoundException extends P2PException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for a kind of record (such as {@code contact list}) and its id. */
  public NotFoundException(String kind, Object id) {
    super(kind + " " + id + " not found in this organization");
  }
}
