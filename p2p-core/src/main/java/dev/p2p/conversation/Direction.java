package dev.p2p.conversation;

/** Which way a message went: from p2p to a contact, or from a contact to p2p. */
public enum Direction {
  /** Sent by p2p (a texter) to a contact. */
  OUTBOUND,
  /** Sent by a contact to one of p2p's numbers. */
  INBOUND
}
