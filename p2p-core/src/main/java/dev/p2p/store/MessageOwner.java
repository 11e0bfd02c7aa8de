package dev.p2p.store;

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
}
