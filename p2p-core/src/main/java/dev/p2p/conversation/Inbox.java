package dev.p2p.conversation;

import dev.p2p.Page;
import dev.p2p.ValidationException;
import java.util.List;
import java.util.OptionalLong;

/**
 * A texter's inbox: their started conversations, newest activity first, filtered by Needs
 * Attention, Unread or all, for one action or all, paged by keyset: paging on never repeats a
 * conversation, and one whose new activity moves it to the top shows on the first page again.
 * Obtain through {@link Texter#inbox()}.
 */
public interface Inbox {
  /** The largest page: {@value}. */
  int MAX_PAGE = Page.MAX_LIMIT;

  /** The first page (up to {@value #MAX_PAGE}) of conversations needing attention. */
  List<Conversation> needsAttention();

  /** The first page (up to {@value #MAX_PAGE}) of unread conversations. */
  List<Conversation> unread();

  /**
   * One page.
   *
   * @param filter which conversations
   * @param actionId only this action's, when present
   * @param cursor {@code ""} for the first page, else the previous page's {@link Page#next()}
   * @param limit 1 to {@value #MAX_PAGE}
   * @throws ValidationException naming {@code limit} or {@code cursor}
   */
  Page<Conversation> page(InboxFilter filter, OptionalLong actionId, String cursor, int limit);

  /** How many conversations each filter shows, across actions. */
  InboxCounts counts();

  /** How many conversations each filter shows, for one action. */
  InboxCounts counts(long actionId);
}
