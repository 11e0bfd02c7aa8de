package dev.p2p.sms;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a text goes out as SMS: its encoding, its size and the number of parts carriers bill.
 *
 * <p>The rules are those of GSM 03.38 and the carriers' segment calculators: a text is GSM-7 when
 * every character is in the basic table (one septet) or the extension table ({@code ^ { } \ [ ~ ] |
 * €} and form feed, two septets); otherwise the whole text is UCS-2 and counts UTF-16 code units,
 * so an emoji outside the Basic Multilingual Plane counts two. A text within {@link
 * SmsEncoding#singleLimit()} is one segment; a longer one is cut into parts of at most {@link
 * SmsEncoding#partLimit()} units, never splitting an escape pair or a surrogate pair (such a pair
 * moves whole to the next part, leaving 152 septets or 66 units in the one before).
 *
 * <p>Empty text is 0 segments: there is nothing to send as SMS (a message of media only goes as
 * MMS, billed per message).
 *
 * @param encoding GSM-7, or UCS-2 when some character is not in GSM-7
 * @param units septets for GSM-7 (extension characters count two), UTF-16 code units for UCS-2
 * @param count the number of SMS parts, 0 for empty text
 * @param ucs2Characters the distinct characters (code points as strings, in order of first
 *     appearance) that are not in GSM-7 and forced UCS-2; empty for GSM-7
 */
public record Segments(SmsEncoding encoding, int units, int count, List<String> ucs2Characters) {
  private static final Segments EMPTY = new Segments(SmsEncoding.GSM_7, 0, 0, List.of());

  /** Checks the values and copies the list. */
  public Segments {
    Objects.requireNonNull(encoding, "encoding");
    if (units < 0 || count < 0) {
      throw new IllegalArgumentException("units and count must not be negative");
    }
    ucs2Characters = List.copyOf(ucs2Characters);
  }

  /** Counts the segments of a text; thread-safe, allocation-free on the GSM-7 path. */
  public static Segments of(CharSequence text) {
    int n = text.length();
    if (n == 0) {
      return EMPTY;
    }
    int septets = 0;
    for (int i = 0; i < n; i++) {
      int width = Gsm7.septets(text.charAt(i));
      if (width == 0) {
        return ucs2(text, i);
      }
      septets += width;
    }
    return new Segments(SmsEncoding.GSM_7, septets, gsm7Parts(text, septets), List.of());
  }

  private static int gsm7Parts(CharSequence text, int septets) {
    if (septets <= SmsEncoding.GSM_7.singleLimit()) {
      return 1;
    }
    int limit = SmsEncoding.GSM_7.partLimit();
    int parts = 1;
    int used = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      int width = Gsm7.septets(text.charAt(i));
      if (used + width > limit) {
        parts++;
        used = 0;
      }
      used += width;
    }
    return parts;
  }

  /** The UCS-2 count; every char before {@code firstOutside} is known to be GSM-7. */
  private static Segments ucs2(CharSequence text, int firstOutside) {
    int n = text.length();
    Set<String> outside = new LinkedHashSet<>();
    for (int i = firstOutside; i < n; ) {
      int codePoint = Character.codePointAt(text, i);
      int length = Character.charCount(codePoint);
      if (length == 2 || Gsm7.septets(text.charAt(i)) == 0) {
        outside.add(Character.toString(codePoint));
      }
      i += length;
    }
    return new Segments(SmsEncoding.UCS_2, n, ucs2Parts(text), List.copyOf(outside));
  }

  private static int ucs2Parts(CharSequence text) {
    int n = text.length();
    if (n <= SmsEncoding.UCS_2.singleLimit()) {
      return 1;
    }
    int limit = SmsEncoding.UCS_2.partLimit();
    int parts = 1;
    int used = 0;
    for (int i = 0; i < n; ) {
      int width =
          Character.isHighSurrogate(text.charAt(i))
                  && i + 1 < n
                  && Character.isLowSurrogate(text.charAt(i + 1))
              ? 2
              : 1;
      if (used + width > limit) {
        parts++;
        used = 0;
      }
      used += width;
      i += width;
    }
    return parts;
  }
}
