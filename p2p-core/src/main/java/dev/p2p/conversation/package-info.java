/**
 * Conversations: one contact in one action, with its texter, its sender number and its messages. A
 * message's {@link dev.p2p.conversation.MessageStatus} only ever moves forward.
 */
@NullMarked
package dev.p2p.conversation;

import org.jspecify.annotations.NullMarked;
