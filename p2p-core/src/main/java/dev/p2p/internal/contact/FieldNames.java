package dev.p2p.internal.contact;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names of contact fields: turns a CSV header or a field name into camelCase ({@code Polling
 * Place}, {@code polling_place} and {@code POLLING-PLACE} all become {@code pollingPlace}) and
 * recognizes the headers of the built-in fields ({@code Cell Phone} is the phone, {@code Zip Code}
 * the zip).
 *
 * <p>Letters and digits of any script are kept ({@code Имя} becomes {@code имя}, {@code 名前} stays
 * {@code 名前}); accents on Latin letters are dropped ({@code Café} becomes {@code cafe}); everything
 * else separates words.
 */
final class FieldNames {
  static final String PHONE = "phone";
  static final String FIRST_NAME = "firstName";
  static final String LAST_NAME = "lastName";
  static final String ZIP = "zip";
  static final String TIME_ZONE = "timeZone";
  static final String EXTERNAL_ID = "externalId";

  /** The built-in fields; a custom field may not take one of these names. */
  static final Set<String> BUILT_IN =
      Set.of(PHONE, FIRST_NAME, LAST_NAME, ZIP, TIME_ZONE, EXTERNAL_ID);

  /** The phone headers recognized, for messages. */
  static final List<String> PHONE_HEADERS =
      List.of(
          "phone",
          "phone number",
          "cell",
          "cell phone",
          "cellphone",
          "mobile",
          "mobile phone",
          "number",
          "tel",
          "telephone");

  private static final Map<String, String> HEADERS = headers();

  private FieldNames() {}

  /**
   * The built-in field a header names, ignoring case, spaces and punctuation: {@code Phone Number}
   * gives {@code phone}, {@code First_Name} gives {@code firstName}.
   */
  static Optional<String> builtIn(String header) {
    return Optional.ofNullable(HEADERS.get(key(header)));
  }

  /** The camelCase name of a header or field name; empty when it has no letters or digits. */
  static String normalize(String name) {
    String text = lettersAndDigits(name);
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    int wordStart = -1;
    for (int i = 0; i <= n; i++) {
      boolean word = i < n && text.charAt(i) != ' ';
      if (word && wordStart >= 0 && startsWord(text, i)) {
        appendWord(out, text, wordStart, i);
        wordStart = i;
      } else if (word && wordStart < 0) {
        wordStart = i;
      } else if (!word && wordStart >= 0) {
        appendWord(out, text, wordStart, i);
        wordStart = -1;
      }
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  /** Splits camel humps: {@code pollingPlace} and {@code ZIPCode} start a word at the capital. */
  private static boolean startsWord(String s, int i) {
    char c = s.charAt(i);
    char prev = s.charAt(i - 1);
    if (!Character.isUpperCase(c)) {
      return false;
    }
    if (Character.isLowerCase(prev)) {
      return true;
    }
    return Character.isUpperCase(prev)
        && i + 1 < s.length()
        && Character.isLowerCase(s.charAt(i + 1));
  }

  private static void appendWord(StringBuilder out, String s, int from, int to) {
    String word = s.substring(from, to).toLowerCase(Locale.ROOT);
    if (out.length() == 0) {
      out.append(word);
    } else {
      out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
    }
  }

  /**
   * The name with accents on Latin letters dropped and every character that is not a letter, a
   * digit or a mark of a letter (as in Devanagari) turned into a space; decomposed (NFD).
   */
  private static String lettersAndDigits(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean afterAsciiLetter = false;
    boolean afterLetter = false;
    for (int i = 0; i < decomposed.length(); ) {
      int c = decomposed.codePointAt(i);
      i += Character.charCount(c);
      if (isMark(c)) {
        if (afterLetter && !afterAsciiLetter) {
          out.appendCodePoint(c);
        }
        continue;
      }
      afterLetter = Character.isLetterOrDigit(c);
      afterAsciiLetter = afterLetter && c < 128;
      if (afterLetter) {
        out.appendCodePoint(c);
      } else {
        out.append(' ');
      }
    }
    return out.toString();
  }

  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static String key(String header) {
    String text = lettersAndDigits(header);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ') {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }

  private static Map<String, String> headers() {
    Map<String, String> map = new HashMap<>();
    PHONE_HEADERS.forEach(h -> map.put(key(h), PHONE));
    for (String h : List.of("cell number", "mobile number", "telephone number")) {
      map.put(key(h), PHONE);
    }
    for (String h : List.of("first name", "first", "given name")) {
      map.put(key(h), FIRST_NAME);
    }
    for (String h : List.of("last name", "last", "surname", "family name")) {
      map.put(key(h), LAST_NAME);
    }
    for (String h : List.of("zip", "zip code", "postal code", "postcode", "zip5")) {
      map.put(key(h), ZIP);
    }
    for (String h : List.of("time zone", "tz")) {
      map.put(key(h), TIME_ZONE);
    }
    for (String h : List.of("external id", "id", "crm id", "van id", "voter id")) {
      map.put(key(h), EXTERNAL_ID);
    }
    return Map.copyOf(map);
  }
}
