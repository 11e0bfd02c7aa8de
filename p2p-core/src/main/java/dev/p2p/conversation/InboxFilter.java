package dev.p2p.conversation;

/** Which of a texter's started conversations an inbox page shows. */
public enum InboxFilter {
  /** Every conversation whose first message is sent. */
  ALL,
  /** Those where {@link Conversation#needsAttention()}. */
  NEEDS_ATTENTION,
  /** Those where {@link Conversation#unread()}. */
  UNREAD
}
