package dev.p2p.store;

import dev.p2p.gateway.SendReceipt;
import java.util.Objects;

/**
 * A carrier's receipt for one queued message, as {@link MessageStore#markSentAll} stores it.
 *
 * @param messageId the queued message
 * @param receipt what the carrier answered
 */
public record Receipt(long messageId, SendReceipt receipt) {
  /** Checks presence. */
  public Receipt {
    Objects.requireNonNull(receipt, "receipt");
  }
}
