package dev.p2p.texter;

import dev.p2p.Page;
import dev.p2p.Violation;
import dev.p2p.internal.Inputs;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.Paging;
import dev.p2p.internal.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The organization's texters, as the CRM upserts them. Obtained from {@code
 * Organization.texters()}; thread-safe.
 */
public final class Texters {
  /** The largest page {@link #page(String, int)} returns: {@value}. */
  public static final int MAX_PAGE = Page.MAX_LIMIT;

  private final OrgContext ctx;

  /** Internal: obtain through {@code Organization.texters()}. */
  public Texters(OrgContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  /**
   * Inserts the texter or replaces its names.
   *
   * @throws dev.p2p.ValidationException naming each bad field
   */
  public TexterProfile upsert(TexterProfile texter) {
    List<Violation> problems = new ArrayList<>(Validation.violations(texter));
    Inputs.idProblem(texter.id(), TexterProfile.MAX_ID_LENGTH)
        .ifPresent(p -> problems.add(new Violation("id", p)));
    Validation.require(problems);
    ctx.store().upsertTexter(ctx.orgId(), texter);
    return texter;
  }

  /**
   * The texter with this id.
   *
   * @throws dev.p2p.ValidationException naming {@code texterId} if it is not a valid texter id
   */
  public Optional<TexterProfile> find(String texterId) {
    Inputs.id("texterId", texterId, TexterProfile.MAX_ID_LENGTH);
    return ctx.store().findTexter(ctx.orgId(), texterId);
  }

  /** The first page of texters, ordered by id (by code point, on every store). */
  public Page<TexterProfile> page(int limit) {
    return page("", limit);
  }

  /**
   * A page of texters ordered by id: by code point on every store ({@link
   * dev.p2p.store.support.IdOrder}).
   *
   * @param cursor the {@link Page#next()} of the previous page, or empty for the first
   * @param limit 1 to {@value #MAX_PAGE}
   */
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
