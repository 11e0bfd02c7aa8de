package dev.p2p.field;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.internal.Inputs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A typed custom field of the organization, which reply scripts and reports set on a conversation
 * and templates read as {@code {name}}.
 *
 * @param name the camelCase name, such as {@code pollingPlace}: a letter then letters and digits,
 *     at most 64; not a built-in name ({@code firstName}, {@code phone}, ...)
 * @param label what people see, 1 to 255 characters (each NUL and lone surrogate of the label and
 *     options becomes U+FFFD)
 * @param type what values are valid
 * @param options the valid values of a {@link FieldType#CHOICE} field (distinct, non-blank, at
 *     least one); empty for every other type
 */
public record CustomField(String name, String label, FieldType type, List<String> options) {
  /** The longest value any field accepts: {@value} characters. */
  public static final int MAX_VALUE = 1_000;

  /** Names taken by contacts' own fields and the texter's, which a custom field may not use. */
  public static final Set<String> RESERVED_NAMES =
      Set.of(
          "phone",
          "firstName",
          "lastName",
          "zip",
          "timeZone",
          "externalId",
          "texterFirstName",
          "texterLastName");

  private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");
  private static final String NAME_RULE =
      "must be camelCase: a lowercase letter, then letters or digits, at most 64";

  /**
   * Checks every part and lists every problem at once.
   *
   * @throws ValidationException naming {@code name}, {@code label} or {@code options}
   */
  public CustomField {
    Objects.requireNonNull(name, "name");
    label = Inputs.text(Objects.requireNonNull(label, "label"));
    Objects.requireNonNull(type, "type");
    options = Inputs.texts(options);
    List<Violation> problems = new ArrayList<>();
    if (!isName(name)) {
      problems.add(new Violation("name", NAME_RULE));
    } else if (RESERVED_NAMES.contains(name)) {
      problems.add(new Violation("name", "is a built-in name: choose another"));
    }
    if (label.isBlank() || label.length() > 255) {
      problems.add(new Violation("label", "must be 1 to 255 characters"));
    }
    checkOptions(type, options, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /**
   * Whether the text is a well-formed field name. Names compare exactly, so one that is not (a
   * space at the end, say) names no field on any store.
   */
  public static boolean isName(String name) {
    return NAME.matcher(name).matches();
  }

  /**
   * Checks a name given to look a field up.
   *
   * @throws ValidationException naming {@code name} if it is not a well-formed field name
   */
  public static String checkName(String name) {
    if (!isName(name)) {
      throw ValidationException.of("name", NAME_RULE);
    }
    return name;
  }

  /** A free-text field. */
  public static CustomField text(String name, String label) {
    return new CustomField(name, label, FieldType.TEXT, List.of());
  }

  /** A number field. */
  public static CustomField number(String name, String label) {
    return new CustomField(name, label, FieldType.NUMBER, List.of());
  }

  /** A true/false field. */
  public static CustomField bool(String name, String label) {
    return new CustomField(name, label, FieldType.BOOLEAN, List.of());
  }

  /** A date field. */
  public static CustomField date(String name, String label) {
    return new CustomField(name, label, FieldType.DATE, List.of());
  }

  /** A field whose value is one of the options. */
  public static CustomField choice(String name, String label, String... options) {
    return new CustomField(name, label, FieldType.CHOICE, List.of(options));
  }

  /**
   * Checks a value against this field's type: the one place values are checked.
   *
   * @param path where the value was given, named in the violation ({@code fields.ward})
   * @return the problem, or empty when the value is valid
   */
  public Optional<Violation> check(String path, String value) {
    return type.problem(value, options).map(reason -> new Violation(path, reason));
  }

  private static void checkOptions(FieldType type, List<String> options, List<Violation> problems) {
    if (type != FieldType.CHOICE) {
      if (!options.isEmpty()) {
        problems.add(new Violation("options", "are only for choice fields"));
      }
      return;
    }
    if (options.isEmpty()) {
      problems.add(new Violation("options", "must list at least one choice"));
    }
    Set<String> seen = new HashSet<>();
    for (String option : options) {
      if (option.isBlank() || option.length() > MAX_VALUE) {
        problems.add(new Violation("options", "must each be 1 to 1000 characters"));
      } else if (!seen.add(option)) {
        problems.add(new Violation("options", "repeat '" + option + "'"));
      }
    }
  }
}
