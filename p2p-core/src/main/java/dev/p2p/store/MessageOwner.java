package dev.p2p.store;

import dev.p2p.contact.Phones;
import java.util.Objects;

/**
 * Whose outbound message a carrier id names: found by {@link ConversationStore#ownerOf} before the
 * webhook pipeline knows the organization.
 *
 * @param orgId the organization
 * @param contactPhone the phone the message went to, E.164
 */
public record MessageOwner(String orgId, String contactPhone) {
  /** Checks presence. */
  public MessageOwner {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(contactPhone, "contactPhone");
  }

  /** Masks the phone, so the value is safe to log. */
  @Override
  public String toString() {
    return "MessageOwner[" + orgId + ", " + Phones.mask(contactPhone) + "]";
  }
}
