package dev.p2p.conversation;

/**
 * Where a message stands. Outbound messages move {@code QUEUED → SENDING → SENT →} one of the final
 * statuses {@code DELIVERED}, {@code UNDELIVERED} or {@code FAILED}; inbound messages are {@code
 * RECEIVED}. Statuses only move forward: a late or repeated carrier callback never moves a message
 * back (see {@link #canMoveTo(MessageStatus)}).
 */
public enum MessageStatus {
  /**
   * Waiting to go out: recorded by p2p and not yet answered by the carrier, or accepted by the
   * carrier into its queue (the message then has the carrier's id). {@code Texter.send} usually
   * returns a message in this status.
   */
  QUEUED(0),
  /** The carrier is handing the message to the network. */
  SENDING(1),
  /** The carrier sent the message on to the network (its status callback said so). */
  SENT(2),
  /** A delivery receipt confirmed the handset got it. Final. */
  DELIVERED(3),
  /** A delivery receipt said it was not delivered; the carrier's error code tells why. Final. */
  UNDELIVERED(3),
  /** The message could not be sent at all; the carrier's error code tells why. Final. */
  FAILED(3),
  /** An inbound message from a contact. Final. */
  RECEIVED(3);

  private final int rank;

  MessageStatus(int rank) {
    this.rank = rank;
  }

  /**
   * Its place in the forward order: 0 queued, 1 sending, 2 sent, 3 final. Stores compare ranks to
   * apply updates forward-only in one statement.
   */
  public int rank() {
    return rank;
  }

  /** Whether nothing can follow this status. */
  public boolean isFinal() {
    return rank == 3;
  }

  /**
   * Whether a message in this status may move to {@code next}: only to a strictly later rank, so a
   * repeated update, an out-of-order one and any update after a final status are all refused.
   */
  public boolean canMoveTo(MessageStatus next) {
    return next != RECEIVED && this != RECEIVED && next.rank > rank;
  }
}
