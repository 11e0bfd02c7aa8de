package dev.p2p;

/**
 * A send was refused because the contact's phone is opted out of the organization. Nothing was sent
 * and nothing was written. The phone in the message is masked.
 */
public final class OptedOutException extends P2PException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for a masked phone. */
  public OptedOutException(String maskedPhone) {
    super(
        "contact "
            + maskedPhone
            + " is opted out of this organization: no action may text it again");
  }
}
