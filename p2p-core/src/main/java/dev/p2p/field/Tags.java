package dev.p2p.field;

import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * The organization's tags. Obtained from {@code Organization.tags()}; thread-safe.
 *
 * <pre>{@code
 * org.tags().define(new Tag("supporter", "Said they will vote for us"));
 * }</pre>
 */
public interface Tags {
  /**
   * Defines a new tag.
   *
   * @throws ValidationException naming {@code name} if a tag with that name exists
   */
  Tag define(Tag tag);

  /**
   * Replaces the description of an existing tag (the name is its key).
   *
   * @throws NotFoundException if no tag has that name
   */
  Tag update(Tag tag);

  /**
   * The tag with this name.
   *
   * @throws ValidationException naming {@code name} if it is not a well-formed tag name
   */
  Optional<Tag> find(String name);

  /** Every tag, ordered by name. */
  List<Tag> list();

  /**
   * Deletes a tag. Returns whether it existed.
   *
   * @throws ValidationException naming {@code name} if it is not a well-formed tag name, or an
   *     action that is not closed uses the tag
   */
  boolean delete(String name);
}
