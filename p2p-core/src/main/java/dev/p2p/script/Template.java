package dev.p2p.script;

import dev.p2p.ValidationException;
import dev.p2p.contact.ContactDetails;
import dev.p2p.texter.TexterProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A message body with variables, parsed once and rendered for each contact.
 *
 * <p>Syntax:
 *
 * <ul>
 *   <li>{@code {firstName}} inserts a variable. Names are a letter followed by letters, digits or
 *       {@code _}, in any script ({@code {имя}}); spaces around the name inside the braces are
 *       ignored ({@code { firstName }}). The {@linkplain #BUILT_IN_VARIABLES built-in} names are
 *       the contact's and the texter's names; any other name is a contact's custom field, by its
 *       camelCase name ({@code {pollingPlace}}).
 *   <li>{@code {firstName|friend}} falls back to {@code friend} when the value is absent or blank.
 *       The fallback is the text after the first {@code |}, spaces around it trimmed; it may be
 *       empty and may contain spaces and {@code |}, but no brace.
 *   <li><code>&#123;&#123;</code> and <code>&#125;&#125;</code> write a literal <code>&#123;</code>
 *       and <code>&#125;</code>.
 * </ul>
 *
 * <p>A variable with no value and no fallback renders as empty text. Instances are immutable and
 * thread-safe; equality is by source text.
 */
public final class Template {

  /** The variables every contact and texter have: firstName, lastName, texterFirstName, ... */
  public static final Set<String> BUILT_IN_VARIABLES =
      Set.of("firstName", "lastName", "texterFirstName", "texterLastName");

  private static final int ROOM_PER_VARIABLE = 8;

  private final String source;
  private final Part[] parts;
  private final List<String> variables;
  private final Set<String> alwaysFallBack;
  private final int expectedLength;

  private Template(String source, List<Part> parts) {
    this.source = source;
    this.parts = parts.toArray(new Part[0]);
    Map<String, Boolean> fallBack = new LinkedHashMap<>();
    int length = 0;
    for (Part part : parts) {
      if (part instanceof Part.Variable v) {
        fallBack.merge(v.name(), v.fallback() != null, Boolean::logicalAnd);
        length += ROOM_PER_VARIABLE;
      } else {
        length += ((Part.Literal) part).text().length();
      }
    }
    this.variables = List.copyOf(fallBack.keySet());
    this.alwaysFallBack =
        Set.copyOf(
            fallBack.entrySet().stream()
                .filter(Map.Entry::getValue)
                .map(Map.Entry::getKey)
                .toList());
    this.expectedLength = length;
  }

  /**
   * Parses a body.
   *
   * @throws ValidationException with field {@code body} and one violation per syntax problem (an
   *     unclosed <code>&#123;</code>, a stray <code>&#125;</code>, an empty {@code {}}, a bad
   *     name), each naming its position counted in characters from 1
   */
  public static Template parse(String body) {
    Objects.requireNonNull(body, "body");
    return new Template(body, TemplateParser.parse(body));
  }

  /** The body as written. */
  public String source() {
    return source;
  }

  /** The distinct variable names the body uses, in order of first use. */
  public List<String> variables() {
    return variables;
  }

  /**
   * Whether the body uses the variable and gives it a fallback everywhere it does, so an absent
   * value never leaves a gap.
   */
  public boolean hasFallback(String name) {
    return alwaysFallBack.contains(name);
  }

  /**
   * The text for these values. Never throws for values p2p supplies ({@link TemplateValues#of}); a
   * variable with no value and no fallback renders as empty text.
   */
  public String render(TemplateValues values) {
    StringBuilder out = new StringBuilder(expectedLength);
    for (Part part : parts) {
      if (part instanceof Part.Literal literal) {
        out.append(literal.text());
      } else {
        Part.Variable variable = (Part.Variable) part;
        @Nullable String value = values.value(variable.name());
        @Nullable String fallback = variable.fallback();
        if (fallback != null && (value == null || value.isBlank())) {
          out.append(fallback);
        } else if (value != null) {
          out.append(value);
        }
      }
    }
    return out.toString();
  }

  /** The text for a contact and a texter: {@code render(TemplateValues.of(contact, texter))}. */
  public String render(ContactDetails contact, TexterProfile texter) {
    return render(TemplateValues.of(contact, texter));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Template t && t.source.equals(source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  @Override
  public String toString() {
    return "Template[" + source + "]";
  }
}
