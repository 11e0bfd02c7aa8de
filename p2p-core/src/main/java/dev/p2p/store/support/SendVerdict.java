package dev.p2p.store.support;

import dev.p2p.conversation.ConversationStatus;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a store writes when {@link SendRule#decide} lets a message be recorded, beside the message
 * itself and its last-message time.
 *
 * @param moveTo the conversation's new status; empty for p2p's automatic answers, which leave the
 *     conversation as it is
 * @param takeLock whether the phone's initial-message lock becomes this action's, as of now
 * @param keepVariant whether the conversation keeps the message's variant and segments (its initial
 *     message, for reports)
 * @param responseMs for a reply to a contact who wrote last, the milliseconds since their message
 */
public record SendVerdict(
    Optional<ConversationStatus> moveTo,
    boolean takeLock,
    boolean keepVariant,
    OptionalLong responseMs) {

  /**
   * Checks presence. A move (a texter's message) also clears the unread flag and the contact's last
   * word, sets the conversation's sender when it has none and applies the record's effects.
   */
  public SendVerdict {
    Objects.requireNonNull(moveTo, "moveTo");
    Objects.requireNonNull(responseMs, "responseMs");
  }
}
