package dev.p2p.internal.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * Reads a phone number as people write it and gives its E.164 form, or the reason it cannot.
 *
 * <p>Accepts national formats of the default region ({@code (415) 555-2671}, {@code 415.555.2671},
 * {@code 4155552671}, {@code 14155552671}) and international ones ({@code +1 415 555 2671}). A
 * number with an extension ({@code 415-555-2671 ext. 12}) is rejected: a text cannot reach an
 * extension. Reasons never repeat the number. Thread-safe; one parse per call, no exceptions thrown
 * for bad input.
 */
public final class PhoneNormalizer {
  /** The longest raw phone text accepted: {@value} characters. */
  public static final int MAX_LENGTH = 40;

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final long TEN_DIGITS = 10_000_000_000L;

  private PhoneNormalizer() {}

  /**
   * Normalizes one phone.
   *
   * @param raw the text as given
   * @param defaultRegion the ISO 3166 region for numbers written without {@code +}
   */
  public static Result normalize(String raw, String defaultRegion) {
    String text = raw.strip();
    if (text.isEmpty()) {
      return Result.problem("is empty");
    }
    if (text.length() > MAX_LENGTH) {
      return Result.problem("must be at most " + MAX_LENGTH + " characters");
    }
    PhoneNumber number = nanp(text, defaultRegion);
    if (number != null) {
      return NanpValidity.isValid(number.getNationalNumber())
          ? new Result(number, "+1" + number.getNationalNumber(), null)
          : Result.problem(invalid(text, defaultRegion));
    }
    try {
      number = UTIL.parse(text, defaultRegion);
    } catch (NumberParseException e) {
      return Result.problem(reason(e.getErrorType(), defaultRegion));
    }
    if (number.hasExtension()) {
      return Result.problem("has an extension; texts cannot reach one, so remove it");
    }
    if (!UTIL.isValidNumber(number)) {
      return Result.problem(invalid(text, defaultRegion));
    }
    return new Result(number, UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), null);
  }

  /**
   * Reads the common North American shapes without libphonenumber's parser, which costs more than
   * the rest of an import row: digits with spaces, dashes, dots and parentheses, either {@code +1}
   * and ten digits, or in a +1 region ten digits or {@code 1} and ten digits. Null for anything
   * else, which the parser then reads. Validity is still checked by libphonenumber.
   */
  private static @Nullable PhoneNumber nanp(String text, String region) {
    boolean plus = text.charAt(0) == '+';
    long digits = 0;
    int count = 0;
    for (int i = plus ? 1 : 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++count > 11) {
          return null;
        }
        digits = digits * 10 + (c - '0');
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
        return null;
      }
    }
    boolean withOne = count == 11 && digits / TEN_DIGITS == 1;
    if (plus ? !withOne : !(count == 10 || withOne) || UTIL.getCountryCodeForRegion(region) != 1) {
      return null;
    }
    long national = digits % TEN_DIGITS;
    return national < 2 * (TEN_DIGITS / 10)
        ? null
        : new PhoneNumber().setCountryCode(1).setNationalNumber(national);
  }

  private static String invalid(String text, String region) {
    return text.charAt(0) == '+'
        ? "is not a valid phone number"
        : "is not a valid phone number for region " + region;
  }

  private static String reason(NumberParseException.ErrorType type, String region) {
    switch (type) {
      case INVALID_COUNTRY_CODE:
        return "has no valid country code; start it with + and the country code,"
            + " or set the default region (now "
            + region
            + ")";
      case TOO_SHORT_AFTER_IDD:
      case TOO_SHORT_NSN:
        return "is too short to be a phone number";
      case TOO_LONG:
        return "is too long to be a phone number";
      case NOT_A_NUMBER:
      default:
        return "is not a phone number";
    }
  }

  /**
   * The outcome: a parsed number with its E.164 form, or a problem.
   *
   * @param number the parsed number, when valid
   * @param e164 the E.164 form, when valid
   * @param problem why it is invalid, when it is
   */
  public record Result(
      @Nullable PhoneNumber number, @Nullable String e164, @Nullable String problem) {
    static Result problem(String reason) {
      return new Result(null, null, reason);
    }

    boolean valid() {
      return problem == null;
    }
  }
}
