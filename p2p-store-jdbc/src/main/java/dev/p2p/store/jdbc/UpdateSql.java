package dev.p2p.store.jdbc;

import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.support.EditRule;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Optional;

/**
 * A texter's or an admin's update of a conversation, on its locked row: close or reopen as {@link
 * EditRule} decides, then the tags, fields, report and read flag ({@link ConversationEffects}).
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
          Optional<ConversationStatus> to =
              EditRule.decide(
                  v.id(), v.texterId(), v.status(), v.contactWroteLast(), texterId, update);
          if (to.isPresent()) {
            try (PreparedStatement ps =
                c.prepareStatement("UPDATE conversations SET status = ? WHERE id = ?")) {
              ps.setString(1, to.get().name());
              ps.setLong(2, v.id());
              ps.executeUpdate();
            }
          }
          ConversationEffects.apply(c, orgId, v.actionId(), v.id(), update, true, now);
          return ConversationRows.find(c, orgId, v.id()).orElseThrow();
        });
  }
}
