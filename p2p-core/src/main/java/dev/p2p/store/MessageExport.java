package dev.p2p.store;

import dev.p2p.conversation.Message;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a message export.
 *
 * @param message the message
 * @param conversationId its conversation
 * @param texterId for an outbound message, the texter who sent it (empty for automatic answers);
 *     for an inbound one, the texter holding the conversation when it arrived, if any
 */
public record MessageExport(Message message, long conversationId, Optional<String> texterId) {
  /** Checks presence. */
  public MessageExport {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(texterId, "texterId");
  }
}
