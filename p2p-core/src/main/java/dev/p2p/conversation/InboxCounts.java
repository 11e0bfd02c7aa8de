package dev.p2p.conversation;

/**
 * How many of a texter's conversations each inbox filter shows, plus those still waiting for their
 * first message.
 *
 * @param all started conversations ({@link InboxFilter#ALL})
 * @param needsAttention those needing attention
 * @param unread those unread
 * @param toSend assigned conversations whose first message is not sent yet
 */
public record InboxCounts(long all, long needsAttention, long unread, long toSend) {}
