package dev.p2p.texter;

import dev.p2p.Page;
import java.util.Optional;

/**
 * The organization's texters, as the CRM upserts them. Obtained from {@code
 * Organization.texters()}; thread-safe.
 */
public interface Texters {
  /** The largest page {@link #page(String, int)} returns: {@value}. */
  int MAX_PAGE = Page.MAX_LIMIT;

  /**
   * Inserts the texter or replaces its names.
   *
   * @throws dev.p2p.ValidationException naming each bad field
   */
  TexterProfile upsert(TexterProfile texter);

  /**
   * The texter with this id.
   *
   * @throws dev.p2p.ValidationException naming {@code texterId} if it is not a valid texter id
   */
  Optional<TexterProfile> find(String texterId);

  /** The first page of texters, ordered by id (by code point, on every store). */
  Page<TexterProfile> page(int limit);

  /**
   * A page of texters ordered by id: by code point on every store ({@link
   * dev.p2p.store.support.IdOrder}).
   *
   * @param cursor the {@link Page#next()} of the previous page, or empty for the first
   * @param limit 1 to {@value #MAX_PAGE}
   */
  Page<TexterProfile> page(String cursor, int limit);
}
