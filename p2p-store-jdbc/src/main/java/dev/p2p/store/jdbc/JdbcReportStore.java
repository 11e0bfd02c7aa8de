package dev.p2p.store.jdbc;

import dev.p2p.NotFoundException;
import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactDetails;
import dev.p2p.conversation.Conversation;
import dev.p2p.store.ConversationExport;
import dev.p2p.store.MessageExport;
import dev.p2p.store.ReportFigures;
import dev.p2p.store.ReportStore;
import dev.p2p.store.support.Refusals;
import dev.p2p.store.support.ReportTally;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link JdbcStore}'s reporting part. An action's figures are a handful of set-based statements:
 * one pass over its conversations grouped by texter and variant (the totals, per texter and per
 * variant are sums of those groups), one over its messages by hour, direction, status and failure
 * code (the timeline, the outbound totals and failures), one per texter with the median response
 * time, and grouped reads of its tags and report answers. Export pages are keyset reads by id, each
 * page's tags, fields and contacts read in one statement apiece, with the mapping {@code
 * findConversation} and {@code findMessage} use.
 */
final class JdbcReportStore implements ReportStore {
  /**
   * Conversation groups: texter, variant, then counts (see {@link ReportRowsReader#conversations}).
   * One scan of the action's rows, without a join: whether the action asks for a report is read
   * first and decides the needs-attention condition, {@link ConversationRows#NEEDS_ATTENTION}'s.
   * Not-started rows whose phone is opted out or invalid are counted by the claims' condition
   * ({@link ConversationRows#reachable}, primary-key lookups).
   */
  private static String conversations(boolean asksReport) {
    String attention =
        asksReport
            ? "v.status = 'NEEDS_ATTENTION' OR (v.status = 'AWAITING_REPLY' AND v.replied = TRUE"
                + " AND v.report IS NULL)"
            : "v.status = 'NEEDS_ATTENTION'";
    return "SELECT v.texter_id, v.variant, COUNT(*),"
        + " SUM(CASE WHEN v.status = 'NEEDS_FIRST_MESSAGE' THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN v.status = 'NEEDS_FIRST_MESSAGE' AND NOT ("
        + ConversationRows.reachable("v")
        + ") THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN v.replied = TRUE THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN v.status = 'OPTED_OUT' THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN v.status = 'CLOSED' THEN 1 ELSE 0 END),"
        + " SUM(CASE WHEN "
        + attention
        + " THEN 1 ELSE 0 END),"
        + " SUM(v.initial_segments)"
        + " FROM conversations v WHERE v.action_id = ? GROUP BY v.texter_id, v.variant";
  }

  /** Tags by action, from the action stamped on each tag row (see {@link ReportRows}). */
  private static final String TAGS =
      "SELECT tag, COUNT(*) FROM conversation_tags WHERE action_id = ? GROUP BY tag";

  private static final String ANSWERED =
      "SELECT prompt, COUNT(DISTINCT conversation_id) FROM report_answers"
          + " WHERE action_id = ? GROUP BY prompt";

  private static final String ANSWERS =
      "SELECT prompt, answer, COUNT(*) FROM report_answers WHERE action_id = ?"
          + " GROUP BY prompt, answer";

  private final Tx tx;
  private final String messages;
  private final String texterMessages;

  JdbcReportStore(Tx tx) {
    this.tx = tx;
    // Every message of the action by hour, direction, status and failure code: the timeline, the
    // outbound totals and the failures in one pass.
    String hour = tx.dialect().hourOf("created_at");
    String code =
        "CASE WHEN status IN ('FAILED', 'UNDELIVERED')"
            + " THEN COALESCE(carrier_code, error_kind, 'UNKNOWN') END";
    this.messages =
        "SELECT "
            + hour
            + ", direction, status, "
            + code
            + ", COUNT(*), SUM(segments) FROM messages WHERE action_id = ? GROUP BY "
            + hour
            + ", direction, status, "
            + code;
    this.texterMessages = tx.dialect().texterMessages();
  }

  @Override
  public ReportFigures figures(String orgId, long actionId, Instant now) {
    return tx.run(
        "read an action's report",
        c -> {
          boolean asksReport = checkAction(c, orgId, actionId);
          tx.dialect().prepareReport(c);
          ReportTally t = new ReportTally();
          try (PreparedStatement ps = prepare(c, conversations(asksReport), actionId);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ReportRowsReader.conversations(t, rs);
            }
          }
          try (PreparedStatement ps = prepare(c, messages, actionId);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ReportRowsReader.messages(t, rs);
            }
          }
          try (PreparedStatement ps = prepare(c, texterMessages, actionId);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ReportRowsReader.texterMessages(t, rs);
            }
          }
          try (PreparedStatement ps = prepare(c, TAGS, actionId);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              t.tag(rs.getString(1), rs.getLong(2));
            }
          }
          try (PreparedStatement ps = prepare(c, ANSWERED, actionId);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              t.answered(rs.getString(1), rs.getLong(2));
            }
          }
          try (PreparedStatement ps = prepare(c, ANSWERS, actionId);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              t.answer(rs.getString(1), rs.getString(2), rs.getLong(3));
            }
          }
          return t.figures();
        });
  }

  @Override
  public List<ConversationExport> conversations(
      String orgId, long actionId, long afterId, int limit) {
    return tx.run(
        "read a page of an action's conversations",
        c -> {
          checkAction(c, orgId, actionId);
          List<Conversation> page;
          try (PreparedStatement ps =
              c.prepareStatement(
                  ConversationRows.SELECT
                      + " WHERE v.action_id = ? AND v.org_id = ? AND v.id > ?"
                      + " ORDER BY v.action_id, v.id LIMIT ?")) {
            ps.setLong(1, actionId);
            ps.setString(2, orgId);
            ps.setLong(3, afterId);
            ps.setInt(4, limit);
            page = ConversationRows.query(c, ps);
          }
          if (page.isEmpty()) {
            return List.of();
          }
          Map<Long, ContactDetails> contacts = contacts(c, orgId, page);
          List<ConversationExport> rows = new ArrayList<>(page.size());
          for (Conversation v : page) {
            ContactDetails contact = contacts.get(v.contactId());
            rows.add(
                new ConversationExport(
                    v, contact == null ? ContactDetails.ofPhone(v.contactPhone()) : contact));
          }
          return rows;
        });
  }

  @Override
  public List<MessageExport> messages(String orgId, long actionId, long afterId, int limit) {
    return tx.run(
        "read a page of an action's messages",
        c -> {
          checkAction(c, orgId, actionId);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + MessageRows.COLUMNS
                      + ", conversation_id, texter_id FROM messages"
                      + " WHERE action_id = ? AND org_id = ? AND id > ?"
                      + " ORDER BY action_id, id LIMIT ?")) {
            ps.setLong(1, actionId);
            ps.setString(2, orgId);
            ps.setLong(3, afterId);
            ps.setInt(4, limit);
            List<MessageExport> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new MessageExport(
                        MessageRows.read(rs),
                        rs.getLong(18),
                        Optional.ofNullable(rs.getString(19))));
              }
            }
            return rows;
          }
        });
  }

  /** The page's contacts still in a complete list, by id, in one statement. */
  private static Map<Long, ContactDetails> contacts(
      Connection c, String orgId, List<Conversation> page) throws SQLException {
    List<Long> ids = page.stream().map(Conversation::contactId).distinct().toList();
    Map<Long, ContactDetails> contacts = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            ContactRows.SELECT_VISIBLE
                + "c.org_id = ? AND c.id IN ("
                + ConversationRows.marks(ids.size())
                + ")")) {
      ps.setString(1, orgId);
      int i = 2;
      for (long id : ids) {
        ps.setLong(i++, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Contact contact = ContactRows.read(rs);
          contacts.put(contact.id(), contact.details());
        }
      }
    }
    return contacts;
  }

  /**
   * Checks that the organization has the action; returns whether it asks for a report now.
   *
   * @throws NotFoundException if it has none with this id
   */
  private static boolean checkAction(Connection c, String orgId, long actionId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT asks_report FROM actions WHERE org_id = ? AND id = ?")) {
      ps.setString(1, orgId);
      ps.setLong(2, actionId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw Refusals.noAction(actionId);
        }
        return rs.getBoolean(1);
      }
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, long actionId)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      ps.setLong(1, actionId);
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }
}
