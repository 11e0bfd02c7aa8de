package dev.p2p.gateway;

import dev.p2p.conversation.MessageStatus;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the carrier answered when it accepted a message.
 *
 * @param carrierMessageId the carrier's id for the message; its status callbacks name it
 * @param status the initial status the carrier reported (usually {@link MessageStatus#QUEUED})
 * @param segments how many segments the carrier counted, if it said
 * @param from the number the carrier sends from, if it said (a messaging service picks one)
 */
public record SendReceipt(
    String carrierMessageId, MessageStatus status, OptionalInt segments, Optional<String> from) {

  /** Checks presence and that the status is an outbound one. */
  public SendReceipt {
    Objects.requireNonNull(carrierMessageId, "carrierMessageId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(segments, "segments");
    Objects.requireNonNull(from, "from");
    if (carrierMessageId.isBlank()) {
      throw new IllegalArgumentException("carrierMessageId must not be blank");
    }
    if (status == MessageStatus.RECEIVED) {
      throw new IllegalArgumentException("a send receipt cannot have the inbound status RECEIVED");
    }
  }

  /** A receipt with only the carrier's id, status {@link MessageStatus#QUEUED}. */
  public static SendReceipt queued(String carrierMessageId) {
    return new SendReceipt(
        carrierMessageId, MessageStatus.QUEUED, OptionalInt.empty(), Optional.empty());
  }
}
