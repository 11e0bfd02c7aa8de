/**
 * Conversations: one contact in one action, with its texter, its sender number and its messages. A
 * stored {@link dev.p2p.conversation.Message}, outbound or inbound, has a {@link
 * dev.p2p.conversation.MessageStatus} that only ever moves forward.
 */
@NullMarked
package dev.p2p.conversation;

import org.jspecify.annotations.NullMarked;
