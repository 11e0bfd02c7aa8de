package dev.p2p.store.support;

import java.util.Comparator;

/**
 * The one order of the ids a CRM chooses freely (texter and group ids): by Unicode code point,
 * which is the order of their UTF-8 bytes. PostgreSQL sorts them so under {@code COLLATE "C"} and
 * MariaDB under {@code utf8mb4_bin}, with their indexes; {@link String#compareTo} does not (it
 * compares UTF-16 units, which put a character beyond U+FFFF, such as an emoji, before U+E000 to
 * U+FFFF, such as a fullwidth letter), nor does H2, which sorts as Java does. Stores list texters
 * and groups in this order, and core sorts texter ids with it wherever an order decides something
 * (a fixed split's deal) or shows (a report's texters).
 */
public final class IdOrder {
  /** Compares two ids by code point. */
  public static final Comparator<String> CODE_POINTS = IdOrder::compare;

  private IdOrder() {}

  /** Compares two ids by code point: negative if {@code a} comes first. */
  public static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
