package dev.p2p.internal.conversation;

import dev.p2p.Page;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.Inbox;
import dev.p2p.conversation.InboxCounts;
import dev.p2p.conversation.InboxFilter;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.Paging;
import dev.p2p.store.InboxQuery;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** Internal: the implementation of {@link Inbox}; obtain it from the facade. */
public final class InboxImpl implements Inbox {
  private final OrgContext ctx;
  private final String texterId;

  public InboxImpl(OrgContext ctx, String texterId) {
    this.ctx = ctx;
    this.texterId = texterId;
  }

  @Override
  public List<Conversation> needsAttention() {
    return page(InboxFilter.NEEDS_ATTENTION, OptionalLong.empty(), "", MAX_PAGE).items();
  }

  @Override
  public List<Conversation> unread() {
    return page(InboxFilter.UNREAD, OptionalLong.empty(), "", MAX_PAGE).items();
  }

  @Override
  public Page<Conversation> page(
      InboxFilter filter, OptionalLong actionId, String cursor, int limit) {
    Objects.requireNonNull(cursor, "cursor");
    Paging.checkLimit(limit);
    List<Conversation> items =
        ctx.store()
            .conversations()
            .inbox(
                ctx.orgId(), new InboxQuery(texterId, filter, actionId, decode(cursor), limit + 1));
    Optional<String> next = Optional.empty();
    if (items.size() > limit) {
      items = items.subList(0, limit);
      Conversation last = items.get(limit - 1);
      next = Optional.of(encode(last));
    }
    return new Page<>(items, next);
  }

  @Override
  public InboxCounts counts() {
    return ctx.store().conversations().inboxCounts(ctx.orgId(), texterId, OptionalLong.empty());
  }

  @Override
  public InboxCounts counts(long actionId) {
    return ctx.store()
        .conversations()
        .inboxCounts(ctx.orgId(), texterId, OptionalLong.of(actionId));
  }

  private static String encode(Conversation c) {
    Instant at = c.lastMessageAt().orElseThrow();
    return at.getEpochSecond() + "." + at.getNano() + "." + c.id();
  }

  private static Optional<InboxQuery.Position> decode(String cursor) {
    if (cursor.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = cursor.split("\\.", -1);
    try {
      if (parts.length == 3) {
        return Optional.of(
            new InboxQuery.Position(
                Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                Long.parseLong(parts[2])));
      }
    } catch (RuntimeException e) {
      // falls through to the error below
    }
    throw Paging.badCursor();
  }
}
