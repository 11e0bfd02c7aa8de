package dev.p2p.gateway;

import dev.p2p.ValidationException;
import dev.p2p.contact.Phones;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.internal.Inputs;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the carrier answered when it accepted a message.
 *
 * @param carrierMessageId the carrier's id for the message, 1 to {@value #MAX_CARRIER_ID_LENGTH}
 *     characters without a space at either end, a control character or a lone surrogate; its status
 *     callbacks name it
 * @param status the initial status the carrier reported (usually {@link MessageStatus#QUEUED})
 * @param segments how many segments the carrier counted, if it said
 * @param from the number the carrier sends from (E.164 or a short code), if it said (a messaging
 *     service picks one); it becomes the contact's sender binding, so that replies route
 */
public record SendReceipt(
    String carrierMessageId, MessageStatus status, OptionalInt segments, Optional<String> from) {

  /** The longest carrier message id p2p stores (Twilio's and Bandwidth's are under 40). */
  public static final int MAX_CARRIER_ID_LENGTH = 128;

  /**
   * Checks presence, the id's length, that the status is an outbound one and that {@code from} is a
   * number.
   *
   * @throws ValidationException naming {@code carrierMessageId} or {@code from}
   */
  public SendReceipt {
    Objects.requireNonNull(carrierMessageId, "carrierMessageId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(segments, "segments");
    Objects.requireNonNull(from, "from");
    checkCarrierId(carrierMessageId);
    from.ifPresent(Sender::number); // the form of a sender number, or a ValidationException
    if (status == MessageStatus.RECEIVED) {
      throw new IllegalArgumentException("a send receipt cannot have the inbound status RECEIVED");
    }
  }

  /** Masks the sender number, so the receipt is safe to log. */
  @Override
  public String toString() {
    return "SendReceipt[carrierMessageId="
        + carrierMessageId
        + ", status="
        + status
        + ", segments="
        + segments
        + ", from="
        + from.map(Phones::maskSender).orElse("-")
        + "]";
  }

  /** A receipt with only the carrier's id, status {@link MessageStatus#QUEUED}. */
  public static SendReceipt queued(String carrierMessageId) {
    return new SendReceipt(
        carrierMessageId, MessageStatus.QUEUED, OptionalInt.empty(), Optional.empty());
  }

  /**
   * Checks a carrier message id against what every store keeps: an id compared exactly (no space at
   * either end, no control character or lone surrogate), 1 to {@value #MAX_CARRIER_ID_LENGTH}
   * characters.
   */
  static void checkCarrierId(String carrierMessageId) {
    Inputs.id("carrierMessageId", carrierMessageId, MAX_CARRIER_ID_LENGTH);
  }
}
