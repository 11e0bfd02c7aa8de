package dev.p2p.internal.optout;

import dev.p2p.Page;
import dev.p2p.contact.Phones;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.Paging;
import dev.p2p.optout.OptOut;
import dev.p2p.optout.OptOutSource;
import dev.p2p.optout.OptOuts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Internal: the implementation of {@link OptOuts}; obtain it from the facade. */
public final class OptOutsImpl implements OptOuts {
  private final OrgContext ctx;

  /** Internal: obtain through {@code Organization.optOuts()}. */
  public OptOutsImpl(OrgContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  @Override
  public boolean add(String phone) {
    return ctx.store()
        .optOuts()
        .optOut(ctx.orgId(), e164(phone), OptOutSource.API, ctx.clock().instant());
  }

  @Override
  public Optional<OptOut> find(String phone) {
    return ctx.store().optOuts().findOptOut(ctx.orgId(), e164(phone));
  }

  @Override
  public boolean isOptedOut(String phone) {
    return find(phone).isPresent();
  }

  @Override
  public Page<OptOut> page(int limit) {
    return page("", limit);
  }

  @Override
  public Page<OptOut> page(String cursor, int limit) {
    Objects.requireNonNull(cursor, "cursor");
    Paging.checkLimit(limit);
    if (!cursor.isEmpty() && !Phones.isE164(cursor)) {
      throw Paging.badCursor();
    }
    List<OptOut> items = ctx.store().optOuts().optOuts(ctx.orgId(), cursor, limit + 1);
    return Paging.page(items, limit, OptOut::phone);
  }

  private String e164(String phone) {
    Objects.requireNonNull(phone, "phone");
    return Phones.isE164(phone) ? phone : Phones.toE164(phone, ctx.defaultRegion(), "phone");
  }
}
