package dev.p2p.conversation;

import dev.p2p.NotFoundException;
import dev.p2p.Page;
import dev.p2p.ValidationException;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.internal.Lookups;
import dev.p2p.internal.OrgContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An admin's view of the organization's conversations: any conversation by id, whatever its texter,
 * its messages, and the inbound messages no conversation claimed (a contact p2p never texted wrote
 * to one of its numbers). Obtain through {@code Organization.conversations()}.
 */
public final class Conversations {
  /** The largest page: {@value}. */
  public static final int MAX_PAGE = 1_000;

  private final OrgContext ctx;

  /** Internal: obtain through {@code Organization.conversations()}. */
  public Conversations(OrgContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  /** The conversation with this id, whoever it is assigned to. */
  public Optional<Conversation> find(long conversationId) {
    return ctx.store().conversations().findConversation(ctx.orgId(), conversationId);
  }

  // ---- lookups by phone ----

  /**
   * The action's conversation with this phone, whoever it is assigned to: the CRM's way from a
   * contact's record to the thread of an action. Empty when the phone is not in the action, or the
   * action is not the organization's.
   *
   * @param phone the phone, in any form the organization's default region reads, such as {@code
   *     (312) 555-0100} or {@code +13125550100}
   * @throws ValidationException naming {@code phone} if it is null or not a phone number
   */
  public Optional<Conversation> findByPhone(long actionId, String phone) {
    return new Lookups(ctx).findByPhone(actionId, phone);
  }

  /**
   * A page of the phone's conversations in every action of the organization, newest first (the most
   * recently created first, so the latest action's leads); whoever they are assigned to.
   *
   * @param phone the phone, in any form the organization's default region reads
   * @param cursor {@code ""} for the first page, else the previous page's {@link Page#next()}
   * @param limit 1 to {@value #MAX_PAGE}
   * @throws ValidationException naming {@code phone} (null or not a phone number), {@code limit}
   *     (out of range) or {@code cursor} (null, or not returned by this listing for this phone)
   */
  public Page<Conversation> ofPhone(String phone, String cursor, int limit) {
    return new Lookups(ctx).ofPhone(phone, cursor, limit, MAX_PAGE);
  }

  /** A conversation's messages, oldest first, with ids above {@code afterId}. */
  public List<Message> messages(long conversationId, long afterId, int limit) {
    checkLimit(limit);
    return ctx.store().conversations().thread(ctx.orgId(), conversationId, afterId, limit);
  }

  /**
   * Inbound messages kept without a conversation, oldest first, with ids above {@code afterId}:
   * they were stored, never dropped, and wait for someone to read them.
   */
  public List<Message> unrouted(long afterId, int limit) {
    checkLimit(limit);
    return ctx.store().conversations().unrouted(ctx.orgId(), afterId, limit);
  }

  /**
   * Settles by hand a send that {@code Organization.reconcile()} left for a person, as sent: a
   * person found it at the carrier under this id. Writes message.sent, as a receipt would.
   *
   * @return the message as stored now
   * @throws dev.p2p.NotFoundException if the organization has no such message
   * @throws ValidationException naming {@code messageId} if the message is not a send of unknown
   *     fate (an outbound message still {@code QUEUED} without a carrier id), or {@code
   *     carrierMessageId} if the id is malformed or another message has it
   */
  public Message settleAsSent(long messageId, String carrierMessageId) {
    Objects.requireNonNull(carrierMessageId, "carrierMessageId");
    unknownFate(messageId);
    return ctx.store()
        .messages()
        .markSent(
            ctx.orgId(), messageId, SendReceipt.queued(carrierMessageId), ctx.clock().instant())
        .orElseThrow(
            () ->
                ValidationException.of(
                    "carrierMessageId",
                    "another message has this carrier id, or the send was settled meanwhile"));
  }

  /**
   * Settles by hand a send that {@code Organization.reconcile()} left for a person, as failed: a
   * person found that the carrier never took it. It becomes {@code FAILED} ({@link
   * FailureKind#RETRYABLE}, safe to send again by hand) and writes message.failed.
   *
   * @return the message as stored now
   * @throws dev.p2p.NotFoundException if the organization has no such message
   * @throws ValidationException naming {@code messageId} if the message is not a send of unknown
   *     fate (an outbound message still {@code QUEUED} without a carrier id)
   */
  public Message settleAsFailed(long messageId) {
    unknownFate(messageId);
    return ctx.store()
        .messages()
        .markFailed(
            ctx.orgId(),
            messageId,
            FailureKind.RETRYABLE,
            Optional.empty(),
            true,
            ctx.clock().instant())
        .orElseThrow(() -> notUnknownFate("the send was settled meanwhile"));
  }

  private void unknownFate(long messageId) {
    Message m =
        ctx.store()
            .messages()
            .findMessage(ctx.orgId(), messageId)
            .orElseThrow(() -> new NotFoundException("message", messageId));
    if (m.direction() != Direction.OUTBOUND) {
      throw notUnknownFate("it is an inbound message");
    }
    if (m.status() != MessageStatus.QUEUED || m.carrierMessageId().isPresent()) {
      throw notUnknownFate(
          "it is "
              + m.status()
              + m.carrierMessageId().map(id -> " with carrier id " + id).orElse("")
              + ", already settled");
    }
  }

  private static ValidationException notUnknownFate(String why) {
    return ValidationException.of("messageId", "is not a send of unknown fate: " + why);
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw ValidationException.of("limit", "must be between 1 and " + MAX_PAGE);
    }
  }
}
