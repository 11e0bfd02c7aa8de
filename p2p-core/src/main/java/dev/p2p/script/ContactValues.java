package dev.p2p.script;

import dev.p2p.contact.ContactDetails;
import dev.p2p.texter.TexterProfile;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The values of one contact and one texter, with a conversation's overrides first. */
final class ContactValues implements TemplateValues {
  private final ContactDetails contact;
  private final TexterProfile texter;
  private final Map<String, String> overrides;

  ContactValues(ContactDetails contact, TexterProfile texter, Map<String, String> overrides) {
    this.contact = contact;
    this.texter = texter;
    this.overrides = overrides;
  }

  @Override
  public @Nullable String value(String name) {
    if (!overrides.isEmpty()) {
      String override = overrides.get(name);
      if (override != null) {
        return override;
      }
    }
    switch (name) {
      case "firstName":
        return contact.firstName();
      case "lastName":
        return contact.lastName();
      case "texterFirstName":
        return texter.firstName();
      case "texterLastName":
        return texter.lastName();
      default:
        return contact.fields().get(name);
    }
  }
}
