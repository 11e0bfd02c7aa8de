package dev.p2p;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a keyset-paged listing. Every listing pages the same way: {@code page(limit)} for the
 * first page, then {@code page(cursor, limit)} with the previous page's {@link #next()} (listings
 * of one thing, such as a list's contacts or a conversation's messages, name it first). The limit
 * is 1 to {@link #MAX_LIMIT}; a cursor is opaque, and one no page handed out is refused with a
 * {@link dev.p2p.ValidationException} naming {@code cursor}. The event feed is the one listing read
 * by position instead (see {@link dev.p2p.event.Events}).
 *
 * @param items the records of this page, in the listing's order
 * @param next the cursor to pass for the following page, empty on the last page
 * @param <T> the record type
 */
public record Page<T>(List<T> items, Optional<String> next) {
  /** The most items one page holds: {@value}. */
  public static final int MAX_LIMIT = 1_000;

  /** Copies the items. */
  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(next, "next");
  }

  /** Whether another page follows. */
  public boolean hasNext() {
    return next.isPresent();
  }
}
