package dev.p2p.benchmarks;

import dev.p2p.gateway.WebhookRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * The inbound webhook's raw baseline: the signed Twilio form of {@link TwilioInboundForm} decoded
 * and its signature checked by hand (HMAC-SHA1 over the URL and the sorted parameters), then ONE
 * JDBC transaction on p2p's tables: the organization's latest started conversation with the
 * sender's phone, locked; the message inserted, linked to it; the conversation moved to Needs
 * Attention; the {@code message.received} event row appended. The organization is known; there is
 * no idempotency check beyond the carrier id's unique index, no routing by sender binding, no
 * keyword check.
 */
final class RawInbound {
  private static final String FIND =
      "SELECT id, action_id, texter_id FROM conversations WHERE org_id = ? AND contact_phone = ?"
          + " AND last_message_at IS NOT NULL ORDER BY last_message_at DESC, id DESC LIMIT 1"
          + " FOR UPDATE";
  private static final String INSERT =
      "INSERT INTO messages (org_id, direction, gateway_id, carrier_message_id, sender,"
          + " contact_phone, body, segments, status, status_rank, created_at, updated_at,"
          + " conversation_id, action_id, texter_id)"
          + " VALUES (?, 'INBOUND', ?, ?, ?, ?, ?, 0, 'RECEIVED', 3, ?, ?, ?, ?, ?)";
  private static final String MOVE =
      "UPDATE conversations SET status = 'NEEDS_ATTENTION', unread = TRUE,"
          + " contact_wrote_last = TRUE, replied = TRUE, last_message_at = ?, updated_at = ?"
          + " WHERE id = ?";

  private final DataSource db;
  private final boolean postgres;
  private final String orgId;
  private final String gatewayId;
  private final byte[] token;

  RawInbound(DataSource db, boolean postgres, String orgId, String gatewayId, String token) {
    this.db = db;
    this.postgres = postgres;
    this.orgId = orgId;
    this.gatewayId = gatewayId;
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  /** Receives one webhook; returns the new message's id. */
  long receive(WebhookRequest request) throws SQLException, GeneralSecurityException {
    Map<String, String> form = new TreeMap<>();
    for (String pair : request.bodyText().split("&")) {
      int eq = pair.indexOf('=');
      form.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    verify(request.url().toString(), form, request.header("X-Twilio-Signature").orElse(""));
    String from = param(form, "From");
    String to = param(form, "To");
    String body = param(form, "Body");
    String sid = param(form, "MessageSid");
    Timestamp now = new Timestamp(System.currentTimeMillis());
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        long conversation;
        long action;
        String texter;
        try (PreparedStatement ps = c.prepareStatement(FIND)) {
          ps.setString(1, orgId);
          ps.setString(2, from);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              throw new IllegalStateException("no conversation with the sender's phone");
            }
            conversation = rs.getLong(1);
            action = rs.getLong(2);
            texter = rs.getString(3);
          }
        }
        long messageId;
        try (PreparedStatement ps = c.prepareStatement(INSERT, new String[] {"id"})) {
          ps.setString(1, orgId);
          ps.setString(2, gatewayId);
          ps.setString(3, sid);
          ps.setString(4, to);
          ps.setString(5, from);
          ps.setString(6, body);
          ps.setTimestamp(7, now);
          ps.setTimestamp(8, now);
          ps.setLong(9, conversation);
          ps.setLong(10, action);
          ps.setString(11, texter);
          ps.executeUpdate();
          try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            messageId = keys.getLong(1);
          }
        }
        try (PreparedStatement ps = c.prepareStatement(MOVE)) {
          ps.setTimestamp(1, now);
          ps.setTimestamp(2, now);
          ps.setLong(3, conversation);
          ps.executeUpdate();
        }
        String payload =
            "{\"messageId\":"
                + messageId
                + ",\"conversationId\":"
                + conversation
                + ",\"actionId\":"
                + action
                + ",\"texterId\":"
                + RawEvent.string(texter)
                + ",\"contactPhone\":"
                + RawEvent.string(from)
                + ",\"sender\":"
                + RawEvent.string(to)
                + ",\"body\":"
                + RawEvent.string(body)
                + ",\"media\":[]}";
        RawEvent.append(c, postgres, orgId, "message.received", payload, now);
        c.commit();
        return messageId;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private static String param(Map<String, String> form, String name) {
    String value = form.get(name);
    if (value == null) {
      throw new IllegalArgumentException("the form has no " + name);
    }
    return value;
  }

  private void verify(String url, Map<String, String> sorted, String signature)
      throws GeneralSecurityException {
    StringBuilder data = new StringBuilder(512).append(url);
    sorted.forEach((name, value) -> data.append(name).append(value));
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(token, "HmacSHA1"));
    byte[] expected = mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8));
    if (!MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature))) {
      throw new GeneralSecurityException("X-Twilio-Signature does not match");
    }
  }
}
