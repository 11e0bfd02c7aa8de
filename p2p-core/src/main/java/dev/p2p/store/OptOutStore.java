package dev.p2p.store;

import dev.p2p.optout.OptOut;
import dev.p2p.optout.OptOutSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The storage SPI for the phones an organization no longer texts: opt-outs and phones a carrier
 * called invalid. It is the part of a {@link Store} returned by {@link Store#optOuts()}, sharing
 * its transactions (or lock) and lifecycle. Each method is one domain operation, atomic: it
 * completes or changes nothing.
 *
 * <p>Both lists are per organization. The other parts read them under their own locks: {@link
 * AssignmentStore#claim} skips listed phones and {@link ConversationStore#recordSend} refuses them,
 * so a phone listed by one app node is never texted by another.
 */
public interface OptOutStore {

  /**
   * Opts a phone out of the organization: records it (the first source and time are kept) and makes
   * every conversation of the organization with that phone {@code OPTED_OUT}, not needing attention
   * and not unread.
   *
   * <p>Events: contact.opted_out when the phone was opted out now, none when it already was ({@link
   * dev.p2p.store.support.OptOutRule#optedOut}).
   *
   * @return whether the phone was opted out now (false: it already was)
   */
  boolean optOut(String orgId, String phone, OptOutSource source, Instant now);

  /** The phone's opt-out, if it is opted out. */
  Optional<OptOut> findOptOut(String orgId, String phone);

  /**
   * Opt-outs ordered by phone, strictly after {@code afterPhone} (empty string: from the start).
   */
  List<OptOut> optOuts(String orgId, String afterPhone, int limit);

  /**
   * Marks a phone invalid (the carrier said it cannot receive texts): no action sends to it or
   * hands it out again. Events: none.
   *
   * @return whether it was marked now
   */
  boolean markInvalid(String orgId, String phone, Instant now);
}
