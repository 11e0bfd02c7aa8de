package dev.p2p.field;

import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import dev.p2p.internal.OrgContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The organization's tags. Obtained from {@code Organization.tags()}; thread-safe.
 *
 * <pre>{@code
 * org.tags().define(new Tag("supporter", "Said they will vote for us"));
 * }</pre>
 */
public final class Tags {
  private final OrgContext ctx;

  /** Internal: obtain through {@code Organization.tags()}. */
  public Tags(OrgContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  /**
   * Defines a new tag.
   *
   * @throws ValidationException naming {@code name} if a tag with that name exists
   */
  public Tag define(Tag tag) {
    ctx.store().actions().createTag(ctx.orgId(), Objects.requireNonNull(tag, "tag"));
    return tag;
  }

  /**
   * Replaces the description of an existing tag (the name is its key).
   *
   * @throws NotFoundException if no tag has that name
   */
  public Tag update(Tag tag) {
    if (!ctx.store().actions().updateTag(ctx.orgId(), Objects.requireNonNull(tag, "tag"))) {
      throw new NotFoundException("tag", tag.name());
    }
    return tag;
  }

  /**
   * The tag with this name.
   *
   * @throws ValidationException naming {@code name} if it is not a well-formed tag name
   */
  public Optional<Tag> find(String name) {
    return ctx.store().actions().findTag(ctx.orgId(), Tag.checkName("name", name));
  }

  /** Every tag, ordered by name. */
  public List<Tag> list() {
    return ctx.store().actions().tags(ctx.orgId());
  }

  /**
   * Deletes a tag. Returns whether it existed.
   *
   * @throws ValidationException naming {@code name} if it is not a well-formed tag name, or an
   *     action that is not closed uses the tag
   */
  public boolean delete(String name) {
    return ctx.store().actions().deleteTag(ctx.orgId(), Tag.checkName("name", name));
  }
}
