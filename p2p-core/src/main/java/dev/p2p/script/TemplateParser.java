package dev.p2p.script;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns a body into {@link Part}s in one pass, collecting every syntax problem. Positions in
 * messages count UTF-16 characters from 1.
 */
final class TemplateParser {
  private static final String FIELD = "body";
  private static final int QUOTED_MAX = 40;

  private final String body;
  private final List<Part> parts = new ArrayList<>();
  private final List<Violation> problems = new ArrayList<>();
  private final StringBuilder literal = new StringBuilder();

  private TemplateParser(String body) {
    this.body = body;
  }

  /**
   * The parts of a body.
   *
   * @throws ValidationException with field {@code body}, one violation per problem, in order
   */
  static List<Part> parse(String body) {
    TemplateParser parser = new TemplateParser(body);
    parser.run();
    if (!parser.problems.isEmpty()) {
      throw new ValidationException(parser.problems);
    }
    return parser.parts;
  }

  private void run() {
    int n = body.length();
    int i = 0;
    while (i < n) {
      char c = body.charAt(i);
      boolean doubled = i + 1 < n && body.charAt(i + 1) == c;
      if (c == '{' && doubled || c == '}' && doubled) {
        literal.append(c);
        i += 2;
      } else if (c == '{') {
        i = variable(i);
      } else if (c == '}') {
        problem(
            "has a stray '}' at position "
                + (i + 1)
                + ": write '}}' for a literal '}', or open a variable with '{' before it");
        i++;
      } else {
        literal.append(c);
        i++;
      }
    }
    flushLiteral();
  }

  /** Reads the variable opened at {@code open}; returns where scanning goes on. */
  private int variable(int open) {
    int n = body.length();
    int j = open + 1;
    while (j < n && body.charAt(j) != '}' && body.charAt(j) != '{') {
      j++;
    }
    if (j == n || body.charAt(j) == '{') {
      problem(
          "has an unclosed '{' at position "
              + (open + 1)
              + ": end the variable with '}' (names and fallbacks cannot contain braces), "
              + "or write '{{' for a literal '{'");
      return j;
    }
    String inside = body.substring(open + 1, j);
    int bar = inside.indexOf('|');
    String name = (bar < 0 ? inside : inside.substring(0, bar)).strip();
    @Nullable String fallback = bar < 0 ? null : inside.substring(bar + 1).strip();
    String at = " at position " + (open + 1);
    if (name.isEmpty() && fallback == null) {
      problem(
          "has an empty variable '{}'"
              + at
              + ": write a name such as {firstName}, or '{{}}' for literal braces");
    } else if (name.isEmpty()) {
      problem("has a fallback with no variable name before '|'" + at);
    } else if (!isName(name)) {
      problem(
          "has a bad variable name '"
              + quoted(name)
              + "'"
              + at
              + ": a name is a letter followed by letters, digits or '_'");
    } else {
      flushLiteral();
      parts.add(new Part.Variable(name, fallback));
    }
    return j + 1;
  }

  static boolean isName(String name) {
    if (name.isEmpty() || !Character.isLetter(name.codePointAt(0))) {
      return false;
    }
    for (int k = Character.charCount(name.codePointAt(0)); k < name.length(); ) {
      int c = name.codePointAt(k);
      k += Character.charCount(c);
      if (!Character.isLetterOrDigit(c) && !isMark(c) && c != '_') {
        return false;
      }
    }
    return true;
  }

  /** Marks that letters of some scripts carry (Devanagari vowel signs). */
  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  private static String quoted(String text) {
    if (text.length() <= QUOTED_MAX) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(QUOTED_MAX - 1)) ? QUOTED_MAX - 1 : QUOTED_MAX;
    return text.substring(0, end) + "...";
  }

  private void flushLiteral() {
    if (literal.length() > 0) {
      parts.add(new Part.Literal(literal.toString()));
      literal.setLength(0);
    }
  }

  private void problem(String reason) {
    problems.add(new Violation(FIELD, reason));
  }
}
