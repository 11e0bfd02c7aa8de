package dev.p2p.testkit;

import java.util.List;
import java.util.Optional;

/**
 * What a {@link ParityDay} observed, one line per observation in the order they were made: each
 * call's outcome, each refused call's exception (class and message), the event feed, the inbox
 * counts, the reports and the exports. Store-generated ids are replaced by symbols numbered in
 * order of first appearance per kind ({@code conversation#3}), so two stores that did the same
 * thing give equal transcripts. An immutable value.
 *
 * @param lines the observations, in order
 */
public record Transcript(List<String> lines) {
  /** The prefix of the line a call that should have been refused writes instead. */
  public static final String NOT_REFUSED = "NOT REFUSED";

  /** Copies the lines. */
  public Transcript {
    lines = List.copyOf(lines);
  }

  /**
   * Where another transcript first departs from this one, with up to {@code context} equal lines
   * before it and the next lines of each side after it; empty when they are equal.
   */
  public Optional<String> firstDifference(Transcript other, int context) {
    List<String> theirs = other.lines();
    int n = Math.min(lines.size(), theirs.size());
    int at = 0;
    while (at < n && lines.get(at).equals(theirs.get(at))) {
      at++;
    }
    if (at == lines.size() && at == theirs.size()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    out.append("the transcripts differ at line ")
        .append(at + 1)
        .append(" (of ")
        .append(lines.size())
        .append(" expected, ")
        .append(theirs.size())
        .append(" actual)\n");
    int column = 0;
    if (at < n) {
      String mine = lines.get(at);
      String their = theirs.get(at);
      while (column < Math.min(mine.length(), their.length())
          && mine.charAt(column) == their.charAt(column)) {
        column++;
      }
      out.append("first different character at column ").append(column + 1).append('\n');
    }
    for (int i = Math.max(0, at - context); i < at; i++) {
      out.append("    ").append(clip(lines.get(i), 0)).append('\n');
    }
    side(out, "expected", lines, at, context, column);
    side(out, "actual  ", theirs, at, context, column);
    return Optional.of(out.toString());
  }

  private static void side(
      StringBuilder out, String name, List<String> lines, int at, int count, int column) {
    out.append(name).append(":\n");
    if (at >= lines.size()) {
      out.append("  - (no more lines)\n");
    }
    for (int i = at; i < Math.min(lines.size(), at + count); i++) {
      out.append(i == at ? "  - " : "    ")
          .append(clip(lines.get(i), i == at ? column : 0))
          .append('\n');
    }
  }

  /**
   * A line short enough to read (a 4,096-character body is not): its first 200 characters and the
   * 400 around {@code focus}, where the difference is.
   */
  private static String clip(String line, int focus) {
    if (line.length() <= 600) {
      return line;
    }
    int from = Math.max(200, Math.min(focus - 200, line.length() - 400));
    int to = Math.min(line.length(), from + 400);
    return line.substring(0, 200)
        + (from > 200 ? " [... " + (from - 200) + " characters ...] " : "")
        + line.substring(from, to)
        + (to < line.length() ? " [... " + (line.length() - to) + " more characters]" : "");
  }

  /** The lines, one per line. */
  @Override
  public String toString() {
    return String.join("\n", lines);
  }
}
