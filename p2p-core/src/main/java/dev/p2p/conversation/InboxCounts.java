package dev.p2p.conversation;

/**
 * How many of a texter's conversations each inbox filter shows, plus those still waiting for their
 * first message and those whose first message can no longer go.
 *
 * @param all started conversations ({@link InboxFilter#ALL})
 * @param needsAttention those needing attention
 * @param unread those unread
 * @param toSend assigned conversations whose first message is not sent yet and whose phone can be
 *     texted; blocked ones are not among them
 * @param blocked assigned conversations whose first message is not sent yet and never will be: the
 *     phone was opted out of the organization or marked invalid (a carrier's "invalid number")
 */
public record InboxCounts(long all, long needsAttention, long unread, long toSend, long blocked) {}
