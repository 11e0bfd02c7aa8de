package dev.p2p;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a keyset-paged listing.
 *
 * @param items the records of this page, in the listing's order
 * @param next the cursor to pass for the following page, empty on the last page
 * @param <T> the record type
 */
public record Page<T>(List<T> items, Optional<String> next) {
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
