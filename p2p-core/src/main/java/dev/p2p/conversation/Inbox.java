package dev.p2p.conversation;

import dev.p2p.Page;
import dev.p2p.ValidationException;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.Paging;
import dev.p2p.store.InboxQuery;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A texter's inbox: their started conversations, newest activity first, filtered by Needs
 * Attention, Unread or all, for one action or all, paged by keyset: paging on never repeats a
 * conversation, and one whose new activity moves it to the top shows on the first page again.
 * Obtain through {@link Texter#inbox()}.
 */
public final class Inbox {
  /** The largest page: {@value}. */
  public static final int MAX_PAGE = Page.MAX_LIMIT;

  private final OrgContext ctx;
  private final String texterId;

  Inbox(OrgContext ctx, String texterId) {
    this.ctx = ctx;
    this.texterId = texterId;
  }

  /** The first page (up to {@value #MAX_PAGE}) of conversations needing attention. */
  public List<Conversation> needsAttention() {
    return page(InboxFilter.NEEDS_ATTENTION, OptionalLong.empty(), "", MAX_PAGE).items();
  }

  /** The first page (up to {@value #MAX_PAGE}) of unread conversations. */
  public List<Conversation> unread() {
    return page(InboxFilter.UNREAD, OptionalLong.empty(), "", MAX_PAGE).items();
  }

  /**
   * One page.
   *
   * @param filter which conversations
   * @param actionId only this action's, when present
   * @param cursor {@code ""} for the first page, else the previous page's {@link Page#next()}
   * @param limit 1 to {@value #MAX_PAGE}
   * @throws ValidationException naming {@code limit} or {@code cursor}
   */
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

  /** How many conversations each filter shows, across actions. */
  public InboxCounts counts() {
    return ctx.store().conversations().inboxCounts(ctx.orgId(), texterId, OptionalLong.empty());
  }

  /** How many conversations each filter shows, for one action. */
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
