package dev.p2p.internal;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.conversation.Message;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one place where p2p normalizes and bounds what callers and carriers hand it, before any store
 * sees it, so that every store gives the same answer:
 *
 * <ul>
 *   <li>text holds no NUL and no lone surrogate: each becomes U+FFFD (PostgreSQL refuses a NUL, and
 *       PostgreSQL and MariaDB turn a lone surrogate into {@code ?});
 *   <li>ids compare exactly: one that is blank, starts or ends with a space, holds a control
 *       character or a lone surrogate, or is too long is refused (MariaDB's collations ignore
 *       trailing spaces, so {@code "x "} would be {@code "x"} there);
 *   <li>text cut to a limit keeps surrogate pairs whole.
 * </ul>
 */
public final class Inputs {
  /** What a NUL or a lone surrogate becomes: U+FFFD, the Unicode replacement character. */
  public static final char REPLACEMENT = '\uFFFD';

  private Inputs() {}

  /**
   * The text with each NUL and lone surrogate replaced by U+FFFD; the same string if it has none.
   */
  public static String text(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == 0 || Character.isSurrogate(c)) {
        if (c == 0 || !paired(text, i)) {
          return replace(text, i);
        }
        i++;
      }
    }
    return text;
  }

  /** Each text of the list through {@link #text(String)}, as an unmodifiable list. */
  public static List<String> texts(Collection<String> texts) {
    List<String> out = new ArrayList<>(texts.size());
    texts.forEach(t -> out.add(text(t)));
    return List.copyOf(out);
  }

  /**
   * The first {@code max} characters of the text at most, one fewer when the cut would split a
   * surrogate pair.
   */
  public static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  /**
   * Why this is not an id p2p accepts, or empty when it is one: 1 to {@code max} characters, no
   * space at either end, no control character, no lone surrogate.
   */
  public static Optional<String> idProblem(String id, int max) {
    if (id.isBlank()) {
      return Optional.of("must not be blank");
    }
    if (id.length() > max) {
      return Optional.of("must be at most " + max + " characters");
    }
    if (space(id.charAt(0)) || space(id.charAt(id.length() - 1))) {
      return Optional.of("must not start or end with a space: ids compare exactly");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isISOControl(c)) {
        return Optional.of("must not hold a control character");
      }
      if (Character.isSurrogate(c)) {
        if (!paired(id, i)) {
          return Optional.of("must not hold a lone surrogate (half of a UTF-16 pair)");
        }
        i++;
      }
    }
    return Optional.empty();
  }

  /**
   * Checks an id.
   *
   * @throws ValidationException naming the field if {@link #idProblem} finds a problem
   */
  public static String id(String field, String id, int max) {
    Optional<String> problem = idProblem(id, max);
    if (problem.isPresent()) {
      throw ValidationException.of(field, problem.get());
    }
    return id;
  }

  /**
   * Checks every id of a collection.
   *
   * @throws ValidationException naming the field for the first bad id
   */
  public static void ids(String field, Collection<String> ids, int max) {
    for (String id : ids) {
      Optional<String> problem = idProblem(id, max);
      if (problem.isPresent()) {
        throw ValidationException.of(field, shown(id) + " " + problem.get());
      }
    }
  }

  /**
   * Checks an outbound message's body and media against {@link Message}'s limits, adding a
   * violation naming {@code body} or {@code media} for each problem.
   */
  public static void checkOutbound(
      @Nullable String body, @Nullable List<URI> media, List<Violation> problems) {
    if (body == null) {
      problems.add(new Violation("body", "must not be null"));
    } else if (body.length() > Message.MAX_BODY_LENGTH) {
      problems.add(
          new Violation(
              "body",
              "must be at most "
                  + Message.MAX_BODY_LENGTH
                  + " characters, was "
                  + body.length()
                  + ": shorten it"));
    }
    if (media == null || media.stream().anyMatch(Objects::isNull)) {
      problems.add(new Violation("media", "must be a list of URLs without nulls"));
    } else if (media.size() > Message.MAX_MEDIA) {
      problems.add(new Violation("media", "must hold at most " + Message.MAX_MEDIA + " URLs"));
    } else if (media.stream()
        .anyMatch(url -> url.toString().length() > Message.MAX_MEDIA_URL_LENGTH)) {
      problems.add(
          new Violation(
              "media",
              "must hold URLs of at most " + Message.MAX_MEDIA_URL_LENGTH + " characters"));
    }
  }

  private static String shown(String id) {
    return id.length() <= 64 ? "'" + text(id) + "'" : "an id of " + id.length() + " characters";
  }

  private static boolean space(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** Whether the surrogate at {@code i} is the high half of a pair starting there. */
  private static boolean paired(String text, int i) {
    return Character.isHighSurrogate(text.charAt(i))
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1));
  }

  private static String replace(String text, int from) {
    StringBuilder out = new StringBuilder(text.length()).append(text, 0, from);
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0 || (Character.isSurrogate(c) && !paired(text, i))) {
        out.append(REPLACEMENT);
      } else if (Character.isSurrogate(c)) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
