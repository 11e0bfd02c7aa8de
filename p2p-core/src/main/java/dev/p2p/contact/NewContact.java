package dev.p2p.contact;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact to add through the API, as the CRM has it: the phone in any common format, the rest
 * optional. The core normalizes it (E.164, time zone, states) and validates it, reporting every
 * problem at once.
 *
 * <pre>{@code
 * NewContact c = NewContact.builder("(415) 555-2671").firstName("Ana").zip("94103")
 *     .field("pollingPlace", "City Hall").build();
 * }</pre>
 */
public final class NewContact {
  /** The longest name or field value accepted: {@value} characters. */
  public static final int MAX_TEXT = 1_000;

  @NotBlank(message = "must not be blank")
  @Size(max = 40, message = "must be at most 40 characters")
  private final String phone;

  @Size(max = MAX_TEXT, message = "must be at most 1000 characters")
  private final String firstName;

  @Size(max = MAX_TEXT, message = "must be at most 1000 characters")
  private final String lastName;

  @Size(max = 20, message = "must be at most 20 characters")
  private final String zip;

  @Size(max = 64, message = "must be at most 64 characters")
  private final String timeZone;

  @Size(max = 255, message = "must be at most 255 characters")
  private final String externalId;

  private final Map<String, String> fields;

  private NewContact(Builder b) {
    this.phone = b.phone;
    this.firstName = b.firstName;
    this.lastName = b.lastName;
    this.zip = b.zip;
    this.timeZone = b.timeZone;
    this.externalId = b.externalId;
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(b.fields));
  }

  /** Starts a contact with its phone, in any format libphonenumber reads. */
  public static Builder builder(String phone) {
    return new Builder(phone);
  }

  /** The phone as given. */
  public String phone() {
    return phone;
  }

  /** The first name, empty when unknown. */
  public String firstName() {
    return firstName;
  }

  /** The last name, empty when unknown. */
  public String lastName() {
    return lastName;
  }

  /** The ZIP or postal code. */
  public Optional<String> zip() {
    return zip.isBlank() ? Optional.empty() : Optional.of(zip.strip());
  }

  /** The IANA time zone id as given, such as {@code America/Chicago}. */
  public Optional<String> timeZone() {
    return timeZone.isBlank() ? Optional.empty() : Optional.of(timeZone.strip());
  }

  /** The CRM's id for this contact. */
  public Optional<String> externalId() {
    return externalId.isBlank() ? Optional.empty() : Optional.of(externalId.strip());
  }

  /** Custom fields by name, in insertion order. */
  public Map<String, String> fields() {
    return fields;
  }

  @Override
  public String toString() {
    return "NewContact[phone=" + Phones.mask(phone) + "]";
  }

  /** Builds a {@link NewContact}. */
  public static final class Builder {
    private final String phone;
    private String firstName = "";
    private String lastName = "";
    private String zip = "";
    private String timeZone = "";
    private String externalId = "";
    private final Map<String, String> fields = new LinkedHashMap<>();

    private Builder(String phone) {
      this.phone = Objects.requireNonNull(phone, "phone");
    }

    /** Sets the first name. */
    public Builder firstName(String firstName) {
      this.firstName = Objects.requireNonNull(firstName, "firstName");
      return this;
    }

    /** Sets the last name. */
    public Builder lastName(String lastName) {
      this.lastName = Objects.requireNonNull(lastName, "lastName");
      return this;
    }

    /** Sets the ZIP or postal code; a US ZIP also places the contact in a time zone and state. */
    public Builder zip(String zip) {
      this.zip = Objects.requireNonNull(zip, "zip");
      return this;
    }

    /** Sets the IANA time zone id, such as {@code America/Chicago}. */
    public Builder timeZone(String timeZone) {
      this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
      return this;
    }

    /** Sets the CRM's id for this contact. */
    public Builder externalId(String externalId) {
      this.externalId = Objects.requireNonNull(externalId, "externalId");
      return this;
    }

    /**
     * Sets a custom field; the name is normalized to camelCase ({@code Polling Place}: {@code
     * pollingPlace}).
     */
    public Builder field(String name, String value) {
      fields.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Builds the command; validation happens when it is used. */
    public NewContact build() {
      return new NewContact(this);
    }
  }
}
