package dev.p2p.gateway;

import dev.p2p.ValidationException;
import dev.p2p.contact.Phones;
import java.util.regex.Pattern;

/**
 * Where a message is sent from: one of p2p's sender numbers, or a carrier-side messaging service
 * that picks the number itself.
 */
public sealed interface Sender {

  /** A sender phone number in E.164 form, or a 5 or 6 digit short code. */
  static Sender number(String phone) {
    return new Number(phone);
  }

  /** A carrier messaging service (Twilio's {@code MessagingServiceSid}, for instance). */
  static Sender messagingService(String id) {
    return new MessagingService(id);
  }

  /** The number or the service id, as the carrier expects it. */
  String address();

  /**
   * A sender phone number.
   *
   * @param phone E.164 ({@code +15551234567}) or a short code ({@code 12345})
   */
  record Number(String phone) implements Sender {
    /** E.164 or a 5 or 6 digit short code. */
    static final Pattern FORM = Pattern.compile("\\+[1-9][0-9]{6,14}|[0-9]{5,6}");

    /** Checks the form. */
    public Number {
      if (phone == null || !FORM.matcher(phone).matches()) {
        throw ValidationException.of(
            "from", "must be an E.164 number such as +15551234567, or a 5 or 6 digit short code");
      }
    }

    @Override
    public String address() {
      return phone;
    }

    /** Masks the number (short codes are public and shown whole), so it is safe to log. */
    @Override
    public String toString() {
      return "Number[" + Phones.maskSender(phone) + "]";
    }
  }

  /**
   * A carrier-side messaging service, which chooses the sending number from its own pool.
   *
   * @param id the service's id at the carrier
   */
  record MessagingService(String id) implements Sender {
    /** Checks the id. */
    public MessagingService {
      if (id == null || id.isBlank() || id.length() > 64) {
        throw ValidationException.of("messagingService", "must be 1 to 64 characters");
      }
    }

    @Override
    public String address() {
      return id;
    }
  }
}
