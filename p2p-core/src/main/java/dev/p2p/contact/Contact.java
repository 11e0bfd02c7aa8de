package dev.p2p.contact;

import java.util.Objects;

/**
 * A contact stored in a contact list.
 *
 * @param id the store's id, unique within the organization
 * @param listId the list it belongs to
 * @param details what is known of the contact
 */
public record Contact(long id, long listId, ContactDetails details) {
  /** Checks the details are present. */
  public Contact {
    Objects.requireNonNull(details, "details");
  }

  /** The phone in E.164 form. */
  public String phone() {
    return details.phone();
  }

  @Override
  public String toString() {
    return "Contact[id=" + id + ", listId=" + listId + ", phone=" + Phones.mask(phone()) + "]";
  }
}
