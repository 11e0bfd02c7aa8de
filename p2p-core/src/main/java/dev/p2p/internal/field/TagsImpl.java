package dev.p2p.internal.field;

import dev.p2p.NotFoundException;
import dev.p2p.field.Tag;
import dev.p2p.field.Tags;
import dev.p2p.internal.OrgContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Internal: the implementation of {@link Tags}; obtain it from the facade. */
public final class TagsImpl implements Tags {
  private final OrgContext ctx;

  /** Internal: obtain through {@code Organization.tags()}. */
  public TagsImpl(OrgContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  @Override
  public Tag define(Tag tag) {
    ctx.store().actions().createTag(ctx.orgId(), Objects.requireNonNull(tag, "tag"));
    return tag;
  }

  @Override
  public Tag update(Tag tag) {
    if (!ctx.store().actions().updateTag(ctx.orgId(), Objects.requireNonNull(tag, "tag"))) {
      throw new NotFoundException("tag", tag.name());
    }
    return tag;
  }

  @Override
  public Optional<Tag> find(String name) {
    return ctx.store().actions().findTag(ctx.orgId(), Tag.checkName("name", name));
  }

  @Override
  public List<Tag> list() {
    return ctx.store().actions().tags(ctx.orgId());
  }

  @Override
  public boolean delete(String name) {
    return ctx.store().actions().deleteTag(ctx.orgId(), Tag.checkName("name", name));
  }
}
