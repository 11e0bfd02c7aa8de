package dev.p2p.field;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The type of a {@link CustomField}: which texts are valid values. Values are always stored as text
 * in a canonical form.
 */
public enum FieldType {
  /** Any text of at most {@value CustomField#MAX_VALUE} characters. */
  TEXT,
  /**
   * A decimal number written with digits, an optional leading minus and decimal point: {@code
   * -3.5}.
   */
  NUMBER,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** One of the field's options, exactly as written there. */
  CHOICE,
  /** An ISO date, {@code 2026-11-03}. */
  DATE;

  private static final Pattern NUMBER_FORM = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  /**
   * Why a value is not valid for this type, or empty when it is.
   *
   * @param options the field's options (used by {@link #CHOICE} only)
   */
  Optional<String> problem(String value, List<String> options) {
    if (value.length() > CustomField.MAX_VALUE) {
      return Optional.of("must be at most " + CustomField.MAX_VALUE + " characters");
    }
    switch (this) {
      case NUMBER:
        return isNumber(value)
            ? Optional.empty()
            : Optional.of("must be a number, such as 42 or -3.5");
      case BOOLEAN:
        return value.equals("true") || value.equals("false")
            ? Optional.empty()
            : Optional.of("must be true or false");
      case CHOICE:
        return options.contains(value)
            ? Optional.empty()
            : Optional.of("must be one of " + String.join(", ", options));
      case DATE:
        return isDate(value) ? Optional.empty() : Optional.of("must be a date such as 2026-11-03");
      default:
        return Optional.empty();
    }
  }

  private static boolean isNumber(String value) {
    return NUMBER_FORM.matcher(value).matches();
  }

  private static boolean isDate(String value) {
    try {
      LocalDate.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
