package dev.p2p.gateway;

import dev.p2p.Beta;
import dev.p2p.contact.Phones;
import dev.p2p.conversation.MessageStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One outbound message as the carrier's message list shows it, for reconciling a send whose fate
 * p2p does not know.
 *
 * @param carrierMessageId the carrier's id for the message (Twilio's {@code sid}, Bandwidth's
 *     {@code messageId})
 * @param from the number the carrier sent it from (E.164 or a short code)
 * @param to the contact's phone, E.164
 * @param messagingService the messaging service it went through, if the carrier says
 * @param body the text, if the carrier keeps it (Twilio does, Bandwidth does not)
 * @param at when the carrier took the message
 * @param status where the message stands at the carrier; never {@link MessageStatus#RECEIVED}
 * @param carrierCode the carrier's error code, for a failed message
 */
@Beta
public record CarrierMessage(
    String carrierMessageId,
    String from,
    String to,
    Optional<String> messagingService,
    Optional<String> body,
    Instant at,
    MessageStatus status,
    Optional<String> carrierCode) {

  /** Checks presence, the carrier id and that the status is an outbound one. */
  public CarrierMessage {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(messagingService, "messagingService");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(carrierCode, "carrierCode");
    SendReceipt.checkCarrierId(carrierMessageId);
    if (status == MessageStatus.RECEIVED) {
      throw new IllegalArgumentException("an outbound message cannot have the status RECEIVED");
    }
  }

  /** Masks the phones and leaves the body out, so the value is safe to log. */
  @Override
  public String toString() {
    return "CarrierMessage[id="
        + carrierMessageId
        + ", from="
        + Phones.maskSender(from)
        + ", to="
        + Phones.mask(to)
        + ", at="
        + at
        + ", status="
        + status
        + "]";
  }
}
