package dev.p2p.internal.texter;

import dev.p2p.Page;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.internal.Inputs;
import dev.p2p.internal.OrgContext;
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
    if (limit < 1 || limit > MAX_PAGE) {
      throw ValidationException.of("limit", "must be between 1 and " + MAX_PAGE);
    }
    List<TexterProfile> items = ctx.store().texters(ctx.orgId(), cursor, limit + 1);
    if (items.size() > limit) {
      List<TexterProfile> page = items.subList(0, limit);
      return new Page<>(page, Optional.of(page.get(limit - 1).id()));
    }
    return new Page<>(items, Optional.empty());
  }
}
