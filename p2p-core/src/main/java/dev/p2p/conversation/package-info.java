/**
 * Conversations: one contact in one action, with its texter, its sticky sender number, its
 * messages, tags, field values and report. A {@link dev.p2p.conversation.Texter} (from {@code
 * Organization.texter(id)}) asks for batches, sends first messages one call at a time, answers with
 * scripts or free text, files reports and reads its {@link dev.p2p.conversation.Inbox}; {@link
 * dev.p2p.conversation.Conversations} is the admin's view. A stored {@link
 * dev.p2p.conversation.Message}, outbound or inbound, has a {@link
 * dev.p2p.conversation.MessageStatus} that only ever moves forward.
 */
@NullMarked
package dev.p2p.conversation;

import org.jspecify.annotations.NullMarked;
