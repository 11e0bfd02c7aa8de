package dev.p2p.store;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What {@link ConversationStore#receive} did with an inbound message.
 *
 * @param stored whether it was stored now (false: the same carrier message was stored before)
 * @param messageId the stored message's id (now or before)
 * @param conversationId the conversation it was routed to; empty when it is kept unrouted
 */
public record InboundOutcome(boolean stored, long messageId, OptionalLong conversationId) {
  /** Checks presence. */
  public InboundOutcome {
    Objects.requireNonNull(conversationId, "conversationId");
  }
}
