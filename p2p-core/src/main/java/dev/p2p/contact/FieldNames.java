package dev.p2p.contact;

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
 * <p>Accents are dropped ({@code Café} becomes {@code cafe}); only ASCII letters and digits are
 * kept.
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
    String ascii = asciiLettersAndDigits(name);
    StringBuilder out = new StringBuilder(ascii.length());
    int n = ascii.length();
    int wordStart = -1;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? ascii.charAt(i) : ' ';
      boolean alnum = isAsciiAlnum(c);
      if (alnum && wordStart >= 0 && startsWord(ascii, i)) {
        appendWord(out, ascii, wordStart, i);
        wordStart = i;
      } else if (alnum && wordStart < 0) {
        wordStart = i;
      } else if (!alnum && wordStart >= 0) {
        appendWord(out, ascii, wordStart, i);
        wordStart = -1;
      }
    }
    return out.toString();
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

  private static String asciiLettersAndDigits(String name) {
    boolean ascii = true;
    for (int i = 0; i < name.length() && ascii; i++) {
      ascii = name.charAt(i) < 128;
    }
    if (ascii) {
      return name;
    }
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (c < 128) {
        out.append(c);
      } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
        out.append(' ');
      }
    }
    return out.toString();
  }

  private static boolean isAsciiAlnum(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  private static String key(String header) {
    String ascii = asciiLettersAndDigits(header);
    StringBuilder out = new StringBuilder(ascii.length());
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      if (isAsciiAlnum(c)) {
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
