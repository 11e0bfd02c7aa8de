package dev.p2p.sms;

import org.jspecify.annotations.Nullable;

/**
 * Swaps characters that only look like GSM-7 ones for the GSM-7 character, so a text written in a
 * word processor stays GSM-7 (an action opts in). {@code Segments.of(SmartEncoding.apply(text))} is
 * the smart-encoded count.
 *
 * <p>The table:
 *
 * <ul>
 *   <li>single quotes and primes {@code ‘ ’ ‚ ‛ ′ ‹ ›}, the backtick and the acute accent {@code `
 *       ´} become {@code '}
 *   <li>double quotes {@code “ ” „ ‟ ″ « »} become {@code "}
 *   <li>dashes, hyphens and minus {@code ‐ ‑ ‒ – — ― −} become {@code -}; the bullet {@code •}
 *       becomes {@code -}
 *   <li>the ellipsis {@code …} becomes {@code ...}
 *   <li>the tab, the no-break space and the other Unicode spaces (U+2000 to U+200A, U+202F, U+205F,
 *       U+3000) become a space; the line and paragraph separators become a line feed
 *   <li>the invisible soft hyphen, zero-width space, word joiner and byte-order mark are dropped
 *   <li>the modifier circumflex and small tilde {@code ˆ ˜} become {@code ^ ~}, the fraction slash
 *       {@code ⁄} becomes {@code /}
 * </ul>
 *
 * <p>Everything else is left alone: letters are never changed (a name keeps its accents), nor are
 * emoji or the zero-width joiners inside them.
 */
public final class SmartEncoding {
  private SmartEncoding() {}

  /** The text with look-alikes replaced; the same instance when nothing needs replacing. */
  public static String apply(String text) {
    int n = text.length();
    int first = 0;
    while (first < n && replacement(text.charAt(first)) == null) {
      first++;
    }
    if (first == n) {
      return text;
    }
    StringBuilder out = new StringBuilder(n + 2).append(text, 0, first);
    for (int i = first; i < n; i++) {
      char c = text.charAt(i);
      String replaced = replacement(c);
      if (replaced == null) {
        out.append(c);
      } else {
        out.append(replaced);
      }
    }
    return out.toString();
  }

  private static @Nullable String replacement(char c) {
    if (c < 0x60) {
      return c == '\t' ? " " : null;
    }
    switch (c) {
      case '\u0060': // grave accent (backtick)
      case '\u00B4': // acute accent
      case '\u2018': // left single quotation mark
      case '\u2019': // right single quotation mark
      case '\u201A': // single low-9 quotation mark
      case '\u201B': // single high-reversed-9 quotation mark
      case '\u2032': // prime
      case '\u2039': // single left-pointing angle quotation mark
      case '\u203A': // single right-pointing angle quotation mark
        return "'";
      case '\u201C': // left double quotation mark
      case '\u201D': // right double quotation mark
      case '\u201E': // double low-9 quotation mark
      case '\u201F': // double high-reversed-9 quotation mark
      case '\u2033': // double prime
      case '\u00AB': // left-pointing double angle quotation mark
      case '\u00BB': // right-pointing double angle quotation mark
        return "\"";
      case '\u2010': // hyphen
      case '\u2011': // non-breaking hyphen
      case '\u2012': // figure dash
      case '\u2013': // en dash
      case '\u2014': // em dash
      case '\u2015': // horizontal bar
      case '\u2212': // minus sign
      case '\u2022': // bullet
        return "-";
      case '\u2026': // horizontal ellipsis
        return "...";
      case '\u00A0': // no-break space
      case '\u202F': // narrow no-break space
      case '\u205F': // medium mathematical space
      case '\u3000': // ideographic space
        return " ";
      case '\u2028': // line separator
      case '\u2029': // paragraph separator
        return "\n";
      case '\u00AD': // soft hyphen
      case '\u200B': // zero width space
      case '\u2060': // word joiner
      case '\uFEFF': // zero width no-break space (byte-order mark)
        return "";
      case '\u02C6': // modifier letter circumflex accent
        return "^";
      case '\u02DC': // small tilde
        return "~";
      case '\u2044': // fraction slash
        return "/";
      default:
        return c >= '\u2000' && c <= '\u200A' ? " " : null;
    }
  }
}
