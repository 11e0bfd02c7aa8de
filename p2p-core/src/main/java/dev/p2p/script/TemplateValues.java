package dev.p2p.script;

import dev.p2p.contact.ContactDetails;
import dev.p2p.texter.TexterProfile;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The values a {@link Template} renders with, by variable name.
 *
 * <p>This is the one place p2p returns a nullable rather than an {@code Optional}: rendering looks
 * up every variable of every message, and a plain {@code null} for "absent" keeps that lookup free
 * of allocation. Implementations must be safe to call from the rendering thread and should not
 * throw; an exception thrown here reaches the caller of {@link Template#render(TemplateValues)}.
 */
@FunctionalInterface
public interface TemplateValues {

  /**
   * The value of a variable.
   *
   * @param name a variable name as written in the template, such as {@code firstName}
   * @return the value, or {@code null} when this contact has none
   */
  @Nullable String value(String name);

  /**
   * The values of a contact and a texter: {@code firstName}, {@code lastName}, {@code
   * texterFirstName}, {@code texterLastName}, and any other name looked up in the contact's custom
   * fields ({@link ContactDetails#fields()}, camelCase names such as {@code pollingPlace}).
   */
  static TemplateValues of(ContactDetails contact, TexterProfile texter) {
    return of(contact, texter, Map.of());
  }

  /**
   * Like {@link #of(ContactDetails, TexterProfile)}, but a name present in {@code overrides} takes
   * its value from there first: a conversation's own custom-field values win over the list's. The
   * map is copied.
   */
  static TemplateValues of(
      ContactDetails contact, TexterProfile texter, Map<String, String> overrides) {
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(texter, "texter");
    return new ContactValues(contact, texter, Map.copyOf(overrides));
  }
}
