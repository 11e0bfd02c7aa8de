package dev.p2p.conversation;

import dev.p2p.ValidationException;
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

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw ValidationException.of("limit", "must be between 1 and " + MAX_PAGE);
    }
  }
}
