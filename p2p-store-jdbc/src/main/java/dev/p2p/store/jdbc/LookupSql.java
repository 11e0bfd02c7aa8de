package dev.p2p.store.jdbc;

import dev.p2p.conversation.Conversation;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Looking conversations up: by phone within an action or across the organization (the index {@code
 * conversations_by_phone}), and a texter's unsent ones in id order (the index {@code
 * conversations_unsent}, or {@code conversations_pool} for one action).
 */
final class LookupSql {
  private final Tx tx;

  LookupSql(Tx tx) {
    this.tx = tx;
  }

  Optional<Conversation> byPhone(String orgId, long actionId, String phone) {
    return tx.run(
        "look up a conversation by phone",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  ConversationRows.SELECT
                      + " WHERE v.org_id = ? AND v.contact_phone = ? AND v.action_id = ?"
                      + " ORDER BY v.id DESC LIMIT 1")) {
            ps.setString(1, orgId);
            ps.setString(2, phone);
            ps.setLong(3, actionId);
            return ConversationRows.query(c, ps).stream().findFirst();
          }
        });
  }

  List<Conversation> byPhone(String orgId, String phone, long beforeId, int limit) {
    return tx.run(
        "look up a phone's conversations",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  ConversationRows.SELECT
                      + " WHERE v.org_id = ? AND v.contact_phone = ? AND v.id < ?"
                      + " ORDER BY v.id DESC LIMIT ?")) {
            ps.setString(1, orgId);
            ps.setString(2, phone);
            ps.setLong(3, beforeId);
            ps.setInt(4, limit);
            return ConversationRows.query(c, ps);
          }
        });
  }

  List<Conversation> unsent(
      String orgId, String texterId, OptionalLong actionId, long afterId, int limit) {
    String sql =
        ConversationRows.SELECT
            + " WHERE v.org_id = ? AND v.texter_id = ? AND v.status = 'NEEDS_FIRST_MESSAGE'"
            + (actionId.isPresent() ? " AND v.action_id = ?" : "")
            + " AND v.id > ? ORDER BY v.id LIMIT ?";
    return tx.run(
        "read a texter's unsent conversations",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, orgId);
            ps.setString(i++, texterId);
            if (actionId.isPresent()) {
              ps.setLong(i++, actionId.getAsLong());
            }
            ps.setLong(i++, afterId);
            ps.setInt(i, limit);
            return ConversationRows.query(c, ps);
          }
        });
  }
}
