package dev.p2p.internal.conversation;

import dev.p2p.NotFoundException;
import dev.p2p.Page;
import dev.p2p.ValidationException;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.Conversations;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.internal.Lookups;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.Paging;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Internal: the implementation of {@link Conversations}; obtain it from the facade. */
public final class ConversationsImpl implements Conversations {
  private final OrgContext ctx;

  /** Internal: obtain through {@code Organization.conversations()}. */
  public ConversationsImpl(OrgContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  @Override
  public Optional<Conversation> find(long conversationId) {
    return ctx.store().conversations().findConversation(ctx.orgId(), conversationId);
  }

  @Override
  public Page<Message> messages(long conversationId, int limit) {
    return messages(conversationId, "", limit);
  }

  @Override
  public Page<Message> messages(long conversationId, String cursor, int limit) {
    Paging.checkLimit(limit);
    long after = Paging.id(cursor, 0);
    List<Message> items =
        ctx.store().conversations().thread(ctx.orgId(), conversationId, after, limit + 1);
    return Paging.page(items, limit, m -> Paging.idCursor(m.id()));
  }

  @Override
  public Page<Message> unrouted(int limit) {
    return unrouted("", limit);
  }

  @Override
  public Page<Message> unrouted(String cursor, int limit) {
    Paging.checkLimit(limit);
    long after = Paging.id(cursor, 0);
    List<Message> items = ctx.store().conversations().unrouted(ctx.orgId(), after, limit + 1);
    return Paging.page(items, limit, m -> Paging.idCursor(m.id()));
  }

  @Override
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

  @Override
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

  @Override
  public Optional<Conversation> findByPhone(long actionId, String phone) {
    return new Lookups(ctx).findByPhone(actionId, phone);
  }

  @Override
  public Page<Conversation> ofPhone(String phone, int limit) {
    return ofPhone(phone, "", limit);
  }

  @Override
  public Page<Conversation> ofPhone(String phone, String cursor, int limit) {
    return new Lookups(ctx).ofPhone(phone, cursor, limit, MAX_PAGE);
  }
}
