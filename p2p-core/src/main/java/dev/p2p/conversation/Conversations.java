package dev.p2p.conversation;

import dev.p2p.NotFoundException;
import dev.p2p.Page;
import dev.p2p.ValidationException;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.Paging;
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
  public static final int MAX_PAGE = Page.MAX_LIMIT;

  private final OrgContext ctx;

  /** Internal: obtain through {@code Organization.conversations()}. */
  public Conversations(OrgContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  /** The conversation with this id, whoever it is assigned to. */
  public Optional<Conversation> find(long conversationId) {
    return ctx.store().conversations().findConversation(ctx.orgId(), conversationId);
  }

  /**
   * The first page of a conversation's messages, oldest first; empty for a conversation the
   * organization does not have.
   *
   * @param limit 1 to {@value #MAX_PAGE}
   */
  public Page<Message> messages(long conversationId, int limit) {
    return messages(conversationId, "", limit);
  }

  /**
   * A page of a conversation's messages, oldest first.
   *
   * @param cursor {@code ""} for the first page, else the previous page's {@link Page#next()}
   * @param limit 1 to {@value #MAX_PAGE}
   * @throws ValidationException naming {@code limit} or {@code cursor}
   */
  public Page<Message> messages(long conversationId, String cursor, int limit) {
    Paging.checkLimit(limit);
    long after = Paging.id(cursor, 0);
    List<Message> items =
        ctx.store().conversations().thread(ctx.orgId(), conversationId, after, limit + 1);
    return Paging.page(items, limit, m -> Paging.idCursor(m.id()));
  }

  /**
   * The first page of inbound messages kept without a conversation, oldest first: they were stored,
   * never dropped, and wait for someone to read them.
   *
   * @param limit 1 to {@value #MAX_PAGE}
   */
  public Page<Message> unrouted(int limit) {
    return unrouted("", limit);
  }

  /**
   * A page of inbound messages kept without a conversation, oldest first.
   *
   * @param cursor {@code ""} for the first page, else the previous page's {@link Page#next()}
   * @param limit 1 to {@value #MAX_PAGE}
   * @throws ValidationException naming {@code limit} or {@code cursor}
   */
  public Page<Message> unrouted(String cursor, int limit) {
    Paging.checkLimit(limit);
    long after = Paging.id(cursor, 0);
    List<Message> items = ctx.store().conversations().unrouted(ctx.orgId(), after, limit + 1);
    return Paging.page(items, limit, m -> Paging.idCursor(m.id()));
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
}
