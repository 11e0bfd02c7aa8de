package dev.p2p.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The exports' raw baseline on PostgreSQL: one {@code SELECT} per export, streamed with a fetch
 * size of 2,000 rows, every column read as text and written as a CSV line (quoted where needed).
 * The conversation export joins the contact and the action and reads the tags, the report's
 * answers, who filed it and when, with the same columns as p2p's (the seeded list and organization
 * have no custom fields); the message export reads the message columns p2p writes.
 */
final class RawExport {
  private static final int FETCH = 2_000;
  private static final String CONVERSATIONS =
      "SELECT v.id, v.contact_id, c.external_id, v.contact_phone, c.first_name, c.last_name, c.zip,"
          + " c.time_zone, v.texter_id, v.status, (v.status = 'NEEDS_ATTENTION' OR (v.status ="
          + " 'AWAITING_REPLY' AND v.replied AND v.report IS NULL AND a.asks_report)), v.unread,"
          + " v.sender, (SELECT string_agg(t.tag, ';' ORDER BY t.tag) FROM conversation_tags t"
          + " WHERE t.conversation_id = v.id), (SELECT string_agg(r.answer, ';') FROM"
          + " report_answers r WHERE r.conversation_id = v.id), v.report::json ->> 'texterId',"
          + " v.report::json ->> 'filedAt', v.last_message_at"
          + " FROM conversations v JOIN actions a ON a.id = v.action_id"
          + " LEFT JOIN contacts c ON c.id = v.contact_id WHERE v.action_id = ? ORDER BY v.id";
  private static final String CONVERSATION_HEADER =
      "conversation_id,contact_id,external_id,phone,first_name,last_name,zip,time_zone,texter_id,"
          + "status,needs_attention,unread,sender,tags,report.Will they vote?,report_filed_by,"
          + "report_filed_at,last_message_at\n";
  private static final String MESSAGES =
      "SELECT id, conversation_id, direction, texter_id, contact_phone, sender, body, media,"
          + " segments, status, error_kind, carrier_code, reference, carrier_message_id,"
          + " created_at, updated_at FROM messages WHERE action_id = ? ORDER BY action_id, id";
  private static final String MESSAGE_HEADER =
      "message_id,conversation_id,direction,texter_id,contact_phone,sender,body,media,segments,"
          + "status,failure,carrier_code,reference,carrier_message_id,created_at,updated_at\n";

  private final DataSource db;

  RawExport(DataSource db) {
    this.db = db;
  }

  /** The action's conversations as CSV; returns the rows written. */
  long conversations(long actionId, Writer out) throws SQLException, IOException {
    return write(CONVERSATIONS, CONVERSATION_HEADER, actionId, out);
  }

  /** The action's messages as CSV; returns the rows written. */
  long messages(long actionId, Writer out) throws SQLException, IOException {
    return write(MESSAGES, MESSAGE_HEADER, actionId, out);
  }

  private long write(String sql, String header, long actionId, Writer out)
      throws SQLException, IOException {
    long rows = 0;
    StringBuilder text = new StringBuilder(1 << 16);
    text.append(header);
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false); // PostgreSQL streams by the fetch size only inside a transaction
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(FETCH);
        ps.setLong(1, actionId);
        try (ResultSet rs = ps.executeQuery()) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              if (i > 1) {
                text.append(',');
              }
              cell(text, rs.getString(i));
            }
            text.append('\n');
            rows++;
            if (text.length() >= 1 << 15) {
              out.append(text);
              text.setLength(0);
            }
          }
        }
      } finally {
        c.commit();
        c.setAutoCommit(true);
      }
    }
    out.append(text);
    out.flush();
    return rows;
  }

  /** One CSV cell: empty for NULL, quoted when it holds a comma, a quote or a line break. */
  private static void cell(StringBuilder out, String value) {
    if (value == null) {
      return;
    }
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char ch = value.charAt(i);
      quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    if (!quote) {
      out.append(value);
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      out.append(ch);
      if (ch == '"') {
        out.append('"');
      }
    }
    out.append('"');
  }
}
