package dev.p2p.store.support;

import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.event.Change;
import java.util.Optional;

/**
 * How an outbound message's status moves, and the events each move makes, decided once for every
 * store. Statuses only move forward ({@link MessageStatus#canMoveTo}). message.sent is written
 * once, when the carrier's receipt is stored; a later {@code SENT} callback moves the status and
 * writes nothing. A move to {@code DELIVERED} writes message.delivered; to {@code FAILED} or {@code
 * UNDELIVERED}, message.failed. A send that failed before the carrier surely took it writes
 * message.failed only when the failure is final (retry-safe); an unconfirmed one writes nothing
 * yet.
 */
public final class StatusRule {
  private StatusRule() {}

  /** Whether a message in {@code from} moves to {@code to}. */
  public static boolean moves(MessageStatus from, MessageStatus to) {
    return from.canMoveTo(to);
  }

  /** The event of a stored send receipt: message.sent. */
  public static Change receiptStored(OutboundFacts m) {
    return new Change.MessageSent(
        m.messageId(),
        m.reference(),
        m.conversationId(),
        m.actionId(),
        m.texterId(),
        m.contactPhone(),
        m.sender(),
        m.carrierMessageId().orElse(""),
        m.segments());
  }

  /**
   * The event of a carrier's status update that moved the message.
   *
   * @param m the message, as moved
   * @param to the status it moved to
   * @param failure for a failure, its kind as stored
   * @param carrierCode the carrier's code as stored
   */
  public static Optional<Change> moved(
      OutboundFacts m,
      MessageStatus to,
      Optional<FailureKind> failure,
      Optional<String> carrierCode) {
    switch (to) {
      case DELIVERED:
        return Optional.of(
            new Change.MessageDelivered(
                m.messageId(), m.reference(), m.conversationId(), m.actionId(), m.contactPhone()));
      case FAILED:
      case UNDELIVERED:
        return Optional.of(failed(m, failure.orElse(FailureKind.PERMANENT), carrierCode));
      default:
        return Optional.empty();
    }
  }

  /**
   * The event of a send that failed before a receipt: message.failed when the failure is final,
   * nothing when the message is left unconfirmed.
   */
  public static Optional<Change> sendFailed(
      OutboundFacts m, FailureKind failure, Optional<String> carrierCode, boolean retrySafe) {
    return retrySafe ? Optional.of(failed(m, failure, carrierCode)) : Optional.empty();
  }

  private static Change failed(OutboundFacts m, FailureKind failure, Optional<String> carrierCode) {
    return new Change.MessageFailed(
        m.messageId(),
        m.reference(),
        m.conversationId(),
        m.actionId(),
        m.contactPhone(),
        failure,
        carrierCode);
  }
}
