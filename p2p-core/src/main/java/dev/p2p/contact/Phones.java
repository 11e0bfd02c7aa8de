package dev.p2p.contact;

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
}
