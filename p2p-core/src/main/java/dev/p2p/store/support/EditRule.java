package dev.p2p.store.support;

import dev.p2p.conversation.ConversationStatus;
import dev.p2p.store.ConversationUpdate;
import java.util.Optional;

/**
 * What a texter's or an admin's update does to a conversation's status, decided once for every
 * store: closing needs a started conversation that is not opted out; reopening a closed one makes
 * it {@code NEEDS_ATTENTION} if the contact wrote last, else {@code AWAITING_REPLY}. The tags,
 * fields and report of the update are {@link EffectRule}'s.
 */
public final class EditRule {
  private EditRule() {}

  /**
   * Decides on an update.
   *
   * @param conversationId the conversation, as locked
   * @param assignedTo the texter it is assigned to, as locked
   * @param status its status, as locked
   * @param contactWroteLast whether the contact wrote its last message, as locked
   * @param texterId the texter acting; empty for an admin
   * @param update the update
   * @return the new status; empty when it stays as it is
   * @throws dev.p2p.ForbiddenException if a texter acts on a conversation not theirs
   * @throws dev.p2p.ValidationException naming {@code status} if it cannot be closed or reopened
   */
  public static Optional<ConversationStatus> decide(
      long conversationId,
      Optional<String> assignedTo,
      ConversationStatus status,
      boolean contactWroteLast,
      Optional<String> texterId,
      ConversationUpdate update) {
    if (texterId.isPresent() && !assignedTo.equals(texterId)) {
      throw Refusals.notAssigned(conversationId, texterId.get());
    }
    if (update.closed().isEmpty()) {
      return Optional.empty();
    }
    boolean close = update.closed().get();
    if (status == ConversationStatus.NEEDS_FIRST_MESSAGE
        || status == ConversationStatus.OPTED_OUT) {
      throw Refusals.cannotCloseOrReopen(status, close);
    }
    if (close) {
      return status == ConversationStatus.CLOSED
          ? Optional.empty()
          : Optional.of(ConversationStatus.CLOSED);
    }
    if (status != ConversationStatus.CLOSED) {
      return Optional.empty();
    }
    return Optional.of(
        contactWroteLast ? ConversationStatus.NEEDS_ATTENTION : ConversationStatus.AWAITING_REPLY);
  }
}
