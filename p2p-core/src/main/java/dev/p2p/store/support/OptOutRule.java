package dev.p2p.store.support;

import dev.p2p.event.Change;
import dev.p2p.optout.OptOutSource;
import java.util.Optional;

/**
 * What opting a phone out writes, decided once for every store: every conversation of the phone in
 * the organization becomes {@code OPTED_OUT}, not needing attention and not unread; the first
 * opt-out keeps its source and time, and only it writes contact.opted_out.
 */
public final class OptOutRule {
  private OptOutRule() {}

  /**
   * The event of an opt-out.
   *
   * @param phone the phone
   * @param source why it opted out
   * @param recordedNow whether the opt-out was recorded now (false: the phone was opted out before)
   */
  public static Optional<Change> optedOut(String phone, OptOutSource source, boolean recordedNow) {
    return recordedNow ? Optional.of(new Change.ContactOptedOut(phone, source)) : Optional.empty();
  }
}
