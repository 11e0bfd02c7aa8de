package dev.p2p.internal.action;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name a mistyped one most likely meant, for "did you mean" hints: the closest by
 * edit distance, ignoring case, within a third of the name's length (at least one edit, at most
 * three). Ties go to the first in the collection's order.
 */
final class Spelling {
  private Spelling() {}

  /** The known name closest to {@code given}, or empty when none is close. */
  static Optional<String> closest(String given, Collection<String> known) {
    String lower = given.toLowerCase(Locale.ROOT);
    int allowed = Math.max(1, Math.min(3, given.length() / 3));
    String best = null;
    int bestDistance = allowed + 1;
    for (String candidate : known) {
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT), bestDistance);
      if (d < bestDistance && !candidate.equals(given)) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The edit distance (insert, delete, replace, swap of neighbours), or {@code cap} if larger. */
  private static int distance(String a, String b, int cap) {
    if (Math.abs(a.length() - b.length()) >= cap) {
      return cap;
    }
    int[] before = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, before[j - 2] + 1);
        }
        current[j] = d;
      }
      int[] recycled = before;
      before = previous;
      previous = current;
      current = recycled;
    }
    return Math.min(previous[b.length()], cap);
  }
}
