package dev.p2p.contact;

import dev.p2p.ValidationException;
import dev.p2p.internal.contact.PhoneNormalizer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Helpers for phone numbers that every module needs. */
public final class Phones {
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  private Phones() {}

  /**
   * Whether the text is a phone in E.164 form: {@code +}, a country code not starting with 0, and 7
   * to 15 digits in all, such as {@code +14155552671}. Null is not.
   */
  public static boolean isE164(@Nullable String phone) {
    return phone != null && E164.matcher(phone).matches();
  }

  /**
   * The E.164 form of a phone as people write it ({@code (415) 555-2671}, {@code +1 415 555 2671}).
   *
   * @param raw the text as given
   * @param defaultRegion the ISO 3166 region for numbers written without {@code +}
   * @param field the name the violation gives the value
   * @throws ValidationException naming {@code field} with the reason (the number is not repeated)
   */
  public static String toE164(String raw, String defaultRegion, String field) {
    if (raw.length() > PhoneNormalizer.MAX_LENGTH) {
      throw ValidationException.of(
          field, "is longer than " + PhoneNormalizer.MAX_LENGTH + " characters");
    }
    PhoneNormalizer.Result result = PhoneNormalizer.normalize(raw, defaultRegion);
    String e164 = result.e164();
    if (e164 == null) {
      throw ValidationException.of(field, String.valueOf(result.problem()));
    }
    return e164;
  }

  /**
   * Masks a phone for logs and messages: keeps the {@code +}, the first digit and the last four, so
   * {@code +14155554567} becomes {@code +1******4567}. Short or odd input is masked whole.
   */
  public static String mask(String phone) {
    if (phone.length() < 7) {
      return "*".repeat(phone.length());
    }
    int keepHead = phone.startsWith("+") ? 2 : 1;
    return phone.substring(0, keepHead)
        + "*".repeat(phone.length() - keepHead - 4)
        + phone.substring(phone.length() - 4);
  }

  /**
   * Masks a sender's address for logs: an E.164 number as {@link #mask} does; a short code or a
   * messaging service id, which identify no person, as it is.
   */
  public static String maskSender(String address) {
    return address.startsWith("+") ? mask(address) : address;
  }
}
