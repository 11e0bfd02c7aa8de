package dev.p2p.conversation;

/** Where a conversation stands. */
public enum ConversationStatus {
  /** Assigned or waiting in the pool; its initial message is not sent yet. */
  NEEDS_FIRST_MESSAGE,
  /** The texter wrote last. */
  AWAITING_REPLY,
  /** The contact wrote last: the texter should answer. */
  NEEDS_ATTENTION,
  /** The texter closed it; a new inbound message reopens it. */
  CLOSED,
  /** The contact's phone is opted out of the organization. Final. */
  OPTED_OUT
}
