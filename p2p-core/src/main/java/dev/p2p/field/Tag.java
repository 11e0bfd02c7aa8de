package dev.p2p.field;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.internal.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tag of the organization, which reply scripts and texters apply to conversations.
 *
 * @param name the tag's key, such as {@code not-voting}: a letter or digit, then letters, digits,
 *     {@code -} or {@code _}, at most 64; case-sensitive
 * @param description what the tag means, at most 1000 characters; may be empty; each NUL and lone
 *     surrogate becomes U+FFFD
 */
public record Tag(String name, String description) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final String NAME_RULE =
      "must be 1 to 64 letters, digits, '-' or '_', starting with a letter or digit";

  /**
   * Checks both parts, listing every problem.
   *
   * @throws ValidationException naming {@code name} or {@code description}
   */
  public Tag {
    Objects.requireNonNull(name, "name");
    description = Inputs.text(Objects.requireNonNull(description, "description"));
    List<Violation> problems = new ArrayList<>();
    if (!isName(name)) {
      problems.add(new Violation("name", NAME_RULE));
    }
    if (description.length() > 1_000) {
      problems.add(new Violation("description", "must be at most 1000 characters"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /**
   * Whether the text is a well-formed tag name. Names compare exactly, so one that is not (a space
   * at the end, say) names no tag on any store.
   */
  public static boolean isName(String name) {
    return NAME.matcher(name).matches();
  }

  /**
   * Checks a name given to look a tag up.
   *
   * @throws ValidationException naming the field if it is not a well-formed tag name
   */
  public static String checkName(String field, String name) {
    if (!isName(name)) {
      throw ValidationException.of(field, NAME_RULE);
    }
    return name;
  }

  /** A tag without a description. */
  public static Tag named(String name) {
    return new Tag(name, "");
  }
}
