package dev.p2p.optout;

import dev.p2p.Page;
import dev.p2p.ValidationException;
import dev.p2p.contact.Phones;
import dev.p2p.internal.OrgContext;
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
  public static final int MAX_PAGE = 10_000;

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

  /**
   * One page of the list, ordered by phone.
   *
   * @param cursor {@code ""} for the first page, else the previous page's {@link Page#next()}
   * @param limit 1 to {@value #MAX_PAGE}
   */
  public Page<OptOut> page(String cursor, int limit) {
    Objects.requireNonNull(cursor, "cursor");
    if (limit < 1 || limit > MAX_PAGE) {
      throw ValidationException.of("limit", "must be between 1 and " + MAX_PAGE);
    }
    List<OptOut> items = ctx.store().optOuts().optOuts(ctx.orgId(), cursor, limit + 1);
    if (items.size() > limit) {
      items = items.subList(0, limit);
      return new Page<>(items, Optional.of(items.get(limit - 1).phone()));
    }
    return new Page<>(items, Optional.empty());
  }

  private String e164(String phone) {
    Objects.requireNonNull(phone, "phone");
    return Phones.isE164(phone) ? phone : Phones.toE164(phone, ctx.defaultRegion(), "phone");
  }
}
