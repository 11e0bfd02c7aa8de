package dev.p2p.contact;

/** Helpers for phone numbers that every module needs. */
public final class Phones {
  private Phones() {}

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
