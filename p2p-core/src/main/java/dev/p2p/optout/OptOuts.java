package dev.p2p.optout;

import dev.p2p.Page;
import dev.p2p.ValidationException;
import dev.p2p.contact.Phones;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.Paging;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The organization's opt-out list. Phones land on it from STOP-family keywords, texters, carriers
 * and this API; no action of the organization texts a phone on it again. Obtain through {@code
 * Organization.optOuts()}.
 */
public final class OptOuts {
  /** The largest page: {@value}. */
  public static final int MAX_PAGE = Page.MAX_LIMIT;

  private final OrgContext ctx;

  /** Internal: obtain through {@code Organization.optOuts()}. */
  public OptOuts(OrgContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  /**
   * Opts a phone out (source {@link OptOutSource#API}), for instance from the CRM's own suppression
   * list.
   *
   * @param phone the phone, in any form the organization's default region understands
   * @return whether it was opted out now (false: it already was)
   * @throws ValidationException naming {@code phone} if it is not a valid number
   */
  public boolean add(String phone) {
    return ctx.store()
        .optOuts()
        .optOut(ctx.orgId(), e164(phone), OptOutSource.API, ctx.clock().instant());
  }

  /** The phone's opt-out, if it is opted out. */
  public Optional<OptOut> find(String phone) {
    return ctx.store().optOuts().findOptOut(ctx.orgId(), e164(phone));
  }

  /** Whether the phone is opted out. */
  public boolean isOptedOut(String phone) {
    return find(phone).isPresent();
  }

  /** The first page of the list, ordered by phone. */
  public Page<OptOut> page(int limit) {
    return page("", limit);
  }

  /**
   * One page of the list, ordered by phone.
   *
   * @param cursor {@code ""} for the first page, else the previous page's {@link Page#next()}
   * @param limit 1 to {@value #MAX_PAGE}
   */
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
