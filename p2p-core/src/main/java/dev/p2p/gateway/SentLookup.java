package dev.p2p.gateway;

import dev.p2p.Beta;
import dev.p2p.contact.Phones;
import java.time.Instant;
import java.util.Objects;

/**
 * Which outbound messages to look up at the carrier: those from one sender to one contact, taken
 * between two instants. {@link SmsGateway#findSent} answers with every message of the carrier that
 * may match, and the core decides which one (if any) is p2p's.
 *
 * @param from the sender number or messaging service p2p sent from
 * @param to the contact's phone, E.164
 * @param since the earliest time of a matching message
 * @param until the latest time of a matching message; after {@code since}
 */
@Beta
public record SentLookup(Sender from, String to, Instant since, Instant until) {

  /** Checks presence and that the window is not empty. */
  public SentLookup {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
    if (!until.isAfter(since)) {
      throw new IllegalArgumentException("until must be after since");
    }
  }

  /** Masks the phone, so the value is safe to log. */
  @Override
  public String toString() {
    return "SentLookup[from="
        + from
        + ", to="
        + Phones.mask(to)
        + ", "
        + since
        + ".."
        + until
        + "]";
  }
}
