package dev.p2p.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.p2p.StoreException;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Maps messages to and from rows of the {@code messages} table. */
final class MessageRows {
  /** The columns {@link #read(ResultSet)} expects, in order (17). */
  static final String COLUMNS =
      "id, direction, gateway_id, reference, carrier_message_id, sender, contact_phone,"
          + " body, media, segments, status, unconfirmed, error_kind, carrier_code, created_at,"
          + " updated_at, truncated";

  /** How many columns {@link #COLUMNS} names. */
  static final int COLUMN_COUNT = 17;

  /** A select of {@link #COLUMNS}. */
  static final String SELECT = "SELECT " + COLUMNS + " FROM messages";

  /**
   * The columns an insert fills, in order: 19 parameters, the conversation's id 15th, then what
   * reports read (action_id, texter_id, response_ms), then whether an inbound message was cut.
   */
  static final String INSERT =
      "INSERT INTO messages (org_id, direction, gateway_id, reference, carrier_message_id, sender,"
          + " contact_phone, body, media, segments, status, status_rank, created_at, updated_at,"
          + " conversation_id, action_id, texter_id, response_ms, truncated)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> URLS = new TypeReference<>() {};

  private MessageRows() {}

  /** Reads the message at the result set's current row. */
  static Message read(ResultSet rs) throws SQLException {
    return new Message(
        rs.getLong(1),
        Direction.valueOf(rs.getString(2)),
        rs.getString(3),
        Optional.ofNullable(rs.getString(4)),
        Optional.ofNullable(rs.getString(5)),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getBoolean(17),
        media(rs.getString(9)),
        rs.getInt(10),
        MessageStatus.valueOf(rs.getString(11)),
        rs.getBoolean(12),
        Optional.ofNullable(rs.getString(13)).map(FailureKind::valueOf),
        Optional.ofNullable(rs.getString(14)),
        Times.fromColumn(rs.getObject(15, LocalDateTime.class)),
        Times.fromColumn(rs.getObject(16, LocalDateTime.class)));
  }

  /** Reads every row of the query. */
  static Optional<Message> readOne(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(read(rs)) : Optional.empty();
    }
  }

  /** Binds text or SQL NULL. */
  static void setText(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
    if (value.isPresent()) {
      ps.setString(index, value.get());
    } else {
      ps.setNull(index, Types.VARCHAR);
    }
  }

  /** The media as a JSON array of URLs, or null when there is none. */
  static @Nullable String mediaJson(List<URI> media) {
    if (media.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(media.stream().map(URI::toString).toList());
    } catch (JsonProcessingException e) {
      throw new StoreException("Could not write a message's media URLs as JSON", false, e);
    }
  }

  private static List<URI> media(@Nullable String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json, URLS).stream().map(URI::create).toList();
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new StoreException(
          "A message's media in the database are not a JSON list of URLs", false, e);
    }
  }
}
