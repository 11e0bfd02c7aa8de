package dev.p2p.gateway;

import dev.p2p.gateway.policy.GatewayPolicy;
import java.util.Objects;
import java.util.Set;

/**
 * The kind of a sender, which decides how fast a carrier lets it send. {@link GatewayPolicy} sets a
 * rate per kind; {@link #of(Sender)} tells a sender's kind from its form.
 */
public enum NumberType {
  /** An ordinary ten-digit number (10DLC in the US) or any other E.164 number. */
  LONG_CODE,
  /** A North American toll-free number: +1 followed by 800, 833, 844, 855, 866, 877 or 888. */
  TOLL_FREE,
  /** A 5 or 6 digit short code. */
  SHORT_CODE,
  /** A carrier messaging service, which picks the sending number from its own pool. */
  MESSAGING_SERVICE;

  /** NANP toll-free area codes (the 8XX codes in service). */
  private static final Set<String> TOLL_FREE_CODES =
      Set.of("800", "833", "844", "855", "866", "877", "888");

  /**
   * The kind of a sender: a messaging service by its type, a number by its form. Never fails: any
   * number that is neither a short code nor a NANP toll-free number is a long code.
   */
  public static NumberType of(Sender sender) {
    Objects.requireNonNull(sender, "sender");
    if (sender instanceof Sender.MessagingService) {
      return MESSAGING_SERVICE;
    }
    String phone = sender.address();
    if (!phone.startsWith("+")) {
      return SHORT_CODE; // Sender.Number admits only E.164 or 5 to 6 digits
    }
    if (phone.length() == 12
        && phone.startsWith("+1")
        && TOLL_FREE_CODES.contains(phone.substring(2, 5))) {
      return TOLL_FREE;
    }
    return LONG_CODE;
  }
}
