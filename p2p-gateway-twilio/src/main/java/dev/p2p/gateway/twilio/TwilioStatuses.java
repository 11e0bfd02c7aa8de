package dev.p2p.gateway.twilio;

import dev.p2p.conversation.MessageStatus;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio's message statuses (gateways.md §1.5) in p2p's terms. {@code accepted}, {@code scheduled}
 * and {@code queued} are all queued; {@code read} (WhatsApp, RCS) implies delivered; {@code
 * partially_delivered} is only sent, since no delivery is confirmed; {@code canceled} is failed, as
 * the message will never go out. {@code receiving} and {@code received} are inbound.
 */
final class TwilioStatuses {
  private static final Map<String, MessageStatus> STATUSES =
      Map.ofEntries(
          Map.entry("accepted", MessageStatus.QUEUED),
          Map.entry("scheduled", MessageStatus.QUEUED),
          Map.entry("queued", MessageStatus.QUEUED),
          Map.entry("sending", MessageStatus.SENDING),
          Map.entry("sent", MessageStatus.SENT),
          Map.entry("partially_delivered", MessageStatus.SENT),
          Map.entry("delivered", MessageStatus.DELIVERED),
          Map.entry("read", MessageStatus.DELIVERED),
          Map.entry("undelivered", MessageStatus.UNDELIVERED),
          Map.entry("failed", MessageStatus.FAILED),
          Map.entry("canceled", MessageStatus.FAILED),
          Map.entry("receiving", MessageStatus.RECEIVED),
          Map.entry("received", MessageStatus.RECEIVED));

  private TwilioStatuses() {}

  /** The status for Twilio's lowercase name, or empty for a name p2p does not know. */
  static Optional<MessageStatus> of(String twilioStatus) {
    return Optional.ofNullable(STATUSES.get(twilioStatus));
  }
}
