package dev.p2p.internal;

import dev.p2p.Page;
import dev.p2p.ValidationException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way every listing pages: a limit of 1 to {@link Page#MAX_LIMIT}, an opaque cursor that is
 * {@code ""} for the first page and else the previous page's {@link Page#next()}, and a refusal
 * naming {@code cursor} for anything a page did not hand out. A service asks its store for one more
 * item than the limit, and the extra one tells whether a next page exists.
 */
public final class Paging {
  private Paging() {}

  /**
   * Checks a page's limit.
   *
   * @throws ValidationException naming {@code limit} when not 1 to {@link Page#MAX_LIMIT}
   */
  public static void checkLimit(int limit) {
    if (limit < 1 || limit > Page.MAX_LIMIT) {
      throw ValidationException.of(
          "limit", "must be between 1 and " + Page.MAX_LIMIT + ", was " + limit);
    }
  }

  /**
   * The id a cursor made by {@link #idCursor(long)} holds, or {@code first} for {@code ""}.
   *
   * @throws ValidationException naming {@code cursor} when it is no such cursor
   */
  public static long id(String cursor, long first) {
    Objects.requireNonNull(cursor, "cursor");
    if (cursor.isEmpty()) {
      return first;
    }
    if (cursor.length() <= 19 && cursor.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        long id = Long.parseLong(cursor);
        if (id > 0) {
          return id;
        }
      } catch (NumberFormatException e) {
        // falls through to the refusal
      }
    }
    throw badCursor();
  }

  /** The cursor for a listing keyed by a record's id. */
  public static String idCursor(long id) {
    return Long.toString(id);
  }

  /** The refusal of a cursor no page handed out. */
  public static ValidationException badCursor() {
    return ValidationException.of("cursor", "is not a cursor returned by a previous page");
  }

  /**
   * The page of up to {@code limit} items from {@code fetched} (which the store read with {@code
   * limit + 1}), its next cursor made from the last item kept.
   */
  public static <T> Page<T> page(List<T> fetched, int limit, Function<T, String> cursorOf) {
    if (fetched.size() > limit) {
      List<T> items = fetched.subList(0, limit);
      return new Page<>(items, Optional.of(cursorOf.apply(items.get(limit - 1))));
    }
    return new Page<>(fetched, Optional.empty());
  }
}
