package dev.p2p.store.support;

import dev.p2p.contact.Phones;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the events of an outbound message say about it, as a store reads it from the message's row.
 *
 * @param messageId the message
 * @param reference p2p's reference
 * @param conversationId its conversation, if it has one
 * @param actionId its action, if it has one
 * @param texterId who sent it; empty for p2p's automatic answers
 * @param contactPhone the contact's phone
 * @param sender the number (or messaging service) it went out from
 * @param carrierMessageId the carrier's id, once it has one
 * @param segments the segments counted
 */
public record OutboundFacts(
    long messageId,
    String reference,
    OptionalLong conversationId,
    OptionalLong actionId,
    Optional<String> texterId,
    String contactPhone,
    String sender,
    Optional<String> carrierMessageId,
    int segments) {

  /** Checks presence. */
  public OutboundFacts {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(actionId, "actionId");
    Objects.requireNonNull(texterId, "texterId");
    Objects.requireNonNull(contactPhone, "contactPhone");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(carrierMessageId, "carrierMessageId");
  }

  /** Masks the phones, so the facts are safe to log. */
  @Override
  public String toString() {
    return "OutboundFacts[messageId="
        + messageId
        + ", reference="
        + reference
        + ", conversationId="
        + conversationId
        + ", actionId="
        + actionId
        + ", texterId="
        + texterId
        + ", contactPhone="
        + Phones.mask(contactPhone)
        + ", sender="
        + Phones.maskSender(sender)
        + ", carrierMessageId="
        + carrierMessageId
        + ", segments="
        + segments
        + "]";
  }
}
