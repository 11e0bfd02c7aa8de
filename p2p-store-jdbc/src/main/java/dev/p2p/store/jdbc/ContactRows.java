package dev.p2p.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.p2p.StoreException;
import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactDetails;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Maps contacts to and from rows of the {@code contacts} table. */
final class ContactRows {
  /** The columns an insert fills, in order. */
  static final String INSERT_COLUMNS =
      "org_id, list_id, phone, first_name, last_name, zip, time_zone, zip_state, area_code_state,"
          + " external_id, fields";

  /** The columns {@link #read(ResultSet)} expects, on the alias {@code c}. */
  static final String SELECT_COLUMNS =
      "c.id, c.list_id, c.phone, c.first_name, c.last_name, c.zip, c.time_zone, c.zip_state,"
          + " c.area_code_state, c.external_id, c.fields";

  /** An insert of one contact, parameters bound by {@link #bind}. */
  static final String INSERT =
      "INSERT INTO contacts (" + INSERT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * Contacts joined to their list, visible only when the list is complete: append the conditions.
   */
  static final String SELECT_VISIBLE =
      "SELECT "
          + SELECT_COLUMNS
          + " FROM contacts c JOIN contact_lists l ON l.id = c.list_id AND l.org_id = c.org_id"
          + " WHERE l.status = 'READY' AND ";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, String>> FIELDS =
      new TypeReference<>() {};

  private ContactRows() {}

  /** The values of {@link #INSERT_COLUMNS} after org_id and list_id, as text or null. */
  static List<@Nullable String> values(ContactDetails d) {
    return Arrays.asList(
        d.phone(),
        d.firstName(),
        d.lastName(),
        d.zip().orElse(null),
        d.timeZone().map(ZoneId::getId).orElse(null),
        d.zipState().orElse(null),
        d.areaCodeState().orElse(null),
        d.externalId().orElse(null),
        fieldsJson(d.fields()));
  }

  /** Binds the parameters of {@link #INSERT}. */
  static void bind(PreparedStatement ps, String orgId, long listId, ContactDetails d)
      throws SQLException {
    ps.setString(1, orgId);
    ps.setLong(2, listId);
    int index = 3;
    for (String value : values(d)) {
      ps.setString(index++, value);
    }
  }

  /** Reads the contact at the result set's current row. */
  static Contact read(ResultSet rs) throws SQLException {
    ContactDetails details =
        new ContactDetails(
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            Optional.ofNullable(rs.getString(6)),
            Optional.ofNullable(rs.getString(7)).map(ZoneId::of),
            Optional.ofNullable(rs.getString(8)),
            Optional.ofNullable(rs.getString(9)),
            Optional.ofNullable(rs.getString(10)),
            fields(rs.getString(11)));
    return new Contact(rs.getLong(1), rs.getLong(2), details);
  }

  private static @Nullable String fieldsJson(Map<String, String> fields) {
    if (fields.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new StoreException("Could not write a contact's custom fields as JSON", false, e);
    }
  }

  private static Map<String, String> fields(@Nullable String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, FIELDS);
    } catch (JsonProcessingException e) {
      throw new StoreException(
          "A contact's custom fields in the database are not valid JSON", false, e);
    }
  }
}
