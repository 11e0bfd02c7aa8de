package dev.p2p.store.support;

import dev.p2p.action.ActionStatus;
import dev.p2p.contact.Phones;
import dev.p2p.conversation.ConversationStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a store reads, with the conversation locked, before it records an outbound message: the
 * facts {@link SendRule#decide} rules on.
 *
 * @param conversationId the conversation
 * @param actionId its action
 * @param phone its contact's phone, E.164
 * @param texterId the texter it is assigned to, if any
 * @param status its status
 * @param actionStatus its action's status
 * @param optedOut whether the phone is opted out of the organization
 * @param invalidPhone whether the phone is marked invalid
 * @param initialLock for an initial message, the phone's lock as stored (the action that last sent
 *     the phone an initial message, and when); empty for none, and for other kinds
 * @param contactWroteLast whether the contact wrote the conversation's last message
 * @param lastMessageAt when its last message was recorded
 * @param variants when {@link SendRule#needsVariants} says so, how many initial messages the
 *     action's script has (the record's variant must be one of them); 0 otherwise
 */
public record SendFacts(
    long conversationId,
    long actionId,
    String phone,
    Optional<String> texterId,
    ConversationStatus status,
    ActionStatus actionStatus,
    boolean optedOut,
    boolean invalidPhone,
    Optional<InitialLock> initialLock,
    boolean contactWroteLast,
    Optional<Instant> lastMessageAt,
    int variants) {

  /** Checks presence. */
  public SendFacts {
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(texterId, "texterId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(actionStatus, "actionStatus");
    Objects.requireNonNull(initialLock, "initialLock");
    Objects.requireNonNull(lastMessageAt, "lastMessageAt");
  }

  /** Masks the phone, so the facts are safe to log. */
  @Override
  public String toString() {
    return "SendFacts[conversationId="
        + conversationId
        + ", actionId="
        + actionId
        + ", phone="
        + Phones.mask(phone)
        + ", texterId="
        + texterId
        + ", status="
        + status
        + ", actionStatus="
        + actionStatus
        + ", optedOut="
        + optedOut
        + ", invalidPhone="
        + invalidPhone
        + ", initialLock="
        + initialLock
        + ", contactWroteLast="
        + contactWroteLast
        + ", lastMessageAt="
        + lastMessageAt
        + ", variants="
        + variants
        + "]";
  }

  /**
   * The organization's lock on initial messages to one phone: the action that sent the last one,
   * and when.
   */
  public record InitialLock(long actionId, Instant sentAt) {
    /** Checks presence. */
    public InitialLock {
      Objects.requireNonNull(sentAt, "sentAt");
    }
  }
}
