package dev.p2p.optout;

import dev.p2p.contact.Phones;
import java.time.Instant;
import java.util.Objects;

/**
 * A phone opted out of an organization: no action of that organization texts it again.
 *
 * @param phone the phone, E.164
 * @param source why
 * @param at when it was first recorded
 */
public record OptOut(String phone, OptOutSource source, Instant at) {
  /** Checks presence. */
  public OptOut {
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(at, "at");
  }

  /** Masks the phone, so the record is safe to log. */
  @Override
  public String toString() {
    return "OptOut[" + Phones.mask(phone) + ", " + source + ", " + at + "]";
  }
}
