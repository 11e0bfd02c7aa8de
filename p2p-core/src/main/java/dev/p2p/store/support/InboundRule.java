package dev.p2p.store.support;

import dev.p2p.conversation.ConversationStatus;
import dev.p2p.event.Change;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.optout.OptOutSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an inbound message changes, decided once for every store. A message routed to a conversation
 * makes the contact its last writer and a replier; it needs attention and is unread unless the
 * conversation is opted out or the message opts it out now (an opted-out conversation asks nothing
 * of its texter). A closed conversation reopens. The events: message.received, then
 * contact.opted_out when the message opted the phone out now.
 */
public final class InboundRule {
  private InboundRule() {}

  /**
   * The conversation an inbound message is routed to, as a store read it with its row locked.
   *
   * @param conversationId the conversation
   * @param actionId its action
   * @param texterId the texter it is assigned to, if any
   * @param status its status
   */
  public record Routed(
      long conversationId, long actionId, Optional<String> texterId, ConversationStatus status) {
    /** Checks presence. */
    public Routed {
      Objects.requireNonNull(texterId, "texterId");
      Objects.requireNonNull(status, "status");
    }
  }

  /**
   * What a routed message writes on its conversation, beside the contact's last word, the replied
   * mark and the last-message time.
   *
   * @param moveTo the new status; empty when it stays
   * @param unread whether to set the unread flag
   */
  public record Verdict(Optional<ConversationStatus> moveTo, boolean unread) {
    /** Checks presence. */
    public Verdict {
      Objects.requireNonNull(moveTo, "moveTo");
    }
  }

  /**
   * Decides what a routed message does to its conversation.
   *
   * @param status the conversation's status, as locked
   * @param optsOut whether the message opts the phone out (a keyword, or the carrier's flag)
   */
  public static Verdict decide(ConversationStatus status, boolean optsOut) {
    if (optsOut || status == ConversationStatus.OPTED_OUT) {
      return new Verdict(Optional.empty(), false);
    }
    return new Verdict(Optional.of(ConversationStatus.NEEDS_ATTENTION), true);
  }

  /**
   * The events a newly stored inbound message makes.
   *
   * @param messageId the stored message
   * @param message the message
   * @param routed its conversation; empty when kept unrouted
   * @param optedOutNow whether it opted its phone out now (false when the phone was opted out
   *     before)
   */
  public static List<Change> changes(
      long messageId, InboundMessage message, Optional<Routed> routed, boolean optedOutNow) {
    List<Change> changes = new ArrayList<>(2);
    changes.add(
        new Change.MessageReceived(
            messageId,
            routed.isPresent()
                ? OptionalLong.of(routed.get().conversationId())
                : OptionalLong.empty(),
            routed.isPresent() ? OptionalLong.of(routed.get().actionId()) : OptionalLong.empty(),
            routed.flatMap(Routed::texterId),
            message.from(),
            message.to(),
            message.body(),
            message.media()));
    if (optedOutNow) {
      changes.add(new Change.ContactOptedOut(message.from(), OptOutSource.KEYWORD));
    }
    return changes;
  }
}
