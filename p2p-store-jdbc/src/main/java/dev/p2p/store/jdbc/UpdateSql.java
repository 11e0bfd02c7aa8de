package dev.p2p.store.jdbc;

import dev.p2p.ForbiddenException;
import dev.p2p.ValidationException;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.store.ConversationUpdate;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Optional;

/**
 * A texter's or an admin's update of a conversation, on its locked row: close or reopen, then the
 * tags, fields, report and read flag ({@link ConversationEffects}).
 */
final class UpdateSql {
  private final Tx tx;

  UpdateSql(Tx tx) {
    this.tx = tx;
  }

  Conversation update(
      String orgId,
      long conversationId,
      Optional<String> texterId,
      ConversationUpdate update,
      Instant now) {
    return tx.run(
        "update a conversation",
        c -> {
          Locked v = Locked.lock(c, orgId, conversationId);
          if (texterId.isPresent() && !v.assignedTo(texterId.get())) {
            throw new ForbiddenException(
                "conversation " + v.id() + " is not assigned to texter " + texterId.get());
          }
          if (update.closed().isPresent()) {
            Optional<ConversationStatus> to = closing(v, update.closed().get());
            if (to.isPresent()) {
              try (PreparedStatement ps =
                  c.prepareStatement("UPDATE conversations SET status = ? WHERE id = ?")) {
                ps.setString(1, to.get().name());
                ps.setLong(2, v.id());
                ps.executeUpdate();
              }
            }
          }
          ConversationEffects.apply(c, tx.dialect(), orgId, v.actionId(), v.id(), update, now);
          return ConversationRows.find(c, orgId, v.id()).orElseThrow();
        });
  }

  /** The status closing or reopening moves to; empty when it stays (already so). */
  private static Optional<ConversationStatus> closing(Locked v, boolean close) {
    ConversationStatus s = v.status();
    if (s == ConversationStatus.NEEDS_FIRST_MESSAGE || s == ConversationStatus.OPTED_OUT) {
      throw ValidationException.of(
          "status",
          "the conversation is "
              + s
              + ": only a started conversation that is not opted out can be "
              + (close ? "closed" : "reopened"));
    }
    if (close) {
      return s == ConversationStatus.CLOSED
          ? Optional.empty()
          : Optional.of(ConversationStatus.CLOSED);
    }
    if (s != ConversationStatus.CLOSED) {
      return Optional.empty();
    }
    return Optional.of(
        v.contactWroteLast()
            ? ConversationStatus.NEEDS_ATTENTION
            : ConversationStatus.AWAITING_REPLY);
  }
}
