package dev.p2p.optout;

import dev.p2p.Page;
import dev.p2p.ValidationException;
import java.util.Optional;

/**
 * The organization's opt-out list. Phones land on it from STOP-family keywords, texters, carriers
 * and this API; no action of the organization texts a phone on it again. Obtain through {@code
 * Organization.optOuts()}.
 */
public interface OptOuts {
  /** The largest page: {@value}. */
  int MAX_PAGE = Page.MAX_LIMIT;

  /**
   * Opts a phone out (source {@link OptOutSource#API}), for instance from the CRM's own suppression
   * list.
   *
   * @param phone the phone, in any form the organization's default region understands
   * @return whether it was opted out now (false: it already was)
   * @throws ValidationException naming {@code phone} if it is not a valid number
   */
  boolean add(String phone);

  /** The phone's opt-out, if it is opted out. */
  Optional<OptOut> find(String phone);

  /** Whether the phone is opted out. */
  boolean isOptedOut(String phone);

  /** The first page of the list, ordered by phone. */
  Page<OptOut> page(int limit);

  /**
   * One page of the list, ordered by phone.
   *
   * @param cursor {@code ""} for the first page, else the previous page's {@link Page#next()}
   * @param limit 1 to {@value #MAX_PAGE}
   */
  Page<OptOut> page(String cursor, int limit);
}
