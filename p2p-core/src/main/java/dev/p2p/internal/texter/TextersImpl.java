package dev.p2p.internal.texter;

import dev.p2p.Page;
import dev.p2p.Violation;
import dev.p2p.internal.Inputs;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.Paging;
import dev.p2p.internal.Validation;
import dev.p2p.texter.TexterProfile;
import dev.p2p.texter.Texters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Internal: the implementation of {@link Texters}; obtain it from the facade. */
public final class TextersImpl implements Texters {
  private final OrgContext ctx;

  /** Internal: obtain through {@code Organization.texters()}. */
  public TextersImpl(OrgContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  @Override
  public TexterProfile upsert(TexterProfile texter) {
    List<Violation> problems = new ArrayList<>(Validation.violations(texter));
    Inputs.idProblem(texter.id(), TexterProfile.MAX_ID_LENGTH)
        .ifPresent(p -> problems.add(new Violation("id", p)));
    Validation.require(problems);
    ctx.store().upsertTexter(ctx.orgId(), texter);
    return texter;
  }

  @Override
  public Optional<TexterProfile> find(String texterId) {
    Inputs.id("texterId", texterId, TexterProfile.MAX_ID_LENGTH);
    return ctx.store().findTexter(ctx.orgId(), texterId);
  }

  @Override
  public Page<TexterProfile> page(int limit) {
    return page("", limit);
  }

  @Override
  public Page<TexterProfile> page(String cursor, int limit) {
    Objects.requireNonNull(cursor, "cursor");
    Paging.checkLimit(limit);
    if (!cursor.isEmpty() && Inputs.idProblem(cursor, TexterProfile.MAX_ID_LENGTH).isPresent()) {
      throw Paging.badCursor();
    }
    List<TexterProfile> items = ctx.store().texters(ctx.orgId(), cursor, limit + 1);
    return Paging.page(items, limit, TexterProfile::id);
  }
}
