package dev.p2p.internal.action;

import dev.p2p.Violation;
import dev.p2p.script.ReplyScript;
import dev.p2p.script.ScriptTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The shape limits of a script at publish ({@link ScriptTree#MAX_INITIALS}, {@link
 * ScriptTree#MAX_REPLIES}, {@link ScriptTree#MAX_REPLY_DEPTH}, {@link
 * ReplyScript#MAX_LABEL_LENGTH}) and their wording. Measures trees without recursion.
 */
final class ScriptShape {
  private ScriptShape() {}

  static Violation tooManyInitials(int count) {
    return new Violation(
        "script.initial",
        "holds "
            + count
            + " initial messages: at most "
            + ScriptTree.MAX_INITIALS
            + " (ScriptTree.MAX_INITIALS)");
  }

  /** The tree's size and, if it is too large, its depth, when over the limits; else nothing. */
  static List<Violation> sizeProblems(ScriptTree script) {
    int[] count = new int[1];
    script.forEachReply(r -> count[0]++);
    List<Violation> problems = new ArrayList<>();
    if (count[0] > ScriptTree.MAX_REPLIES) {
      problems.add(
          new Violation(
              "script.replies",
              "holds "
                  + count[0]
                  + " replies, follow-ups included: at most "
                  + ScriptTree.MAX_REPLIES
                  + " (ScriptTree.MAX_REPLIES)"));
      int depth = depth(script.replies());
      if (depth > ScriptTree.MAX_REPLY_DEPTH) {
        problems.add(new Violation("script.replies", tooDeep(depth)));
      }
    }
    return problems;
  }

  static String tooDeep(int depth) {
    return "nests replies "
        + depth
        + " levels deep: at most "
        + ScriptTree.MAX_REPLY_DEPTH
        + " (ScriptTree.MAX_REPLY_DEPTH)";
  }

  /** A reply's label as its path shows it, or {@code #i} when blank or too long to show. */
  static String shown(String label, int i) {
    return label.isBlank() || label.length() > ReplyScript.MAX_LABEL_LENGTH ? "#" + i : label;
  }

  /** How many levels deep these replies nest (1 when none has follow-ups). */
  static int depth(List<ReplyScript> replies) {
    int deepest = 0;
    Deque<List<ReplyScript>> levels = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    levels.push(replies);
    depths.push(1);
    while (!levels.isEmpty()) {
      List<ReplyScript> level = levels.pop();
      int depth = depths.pop();
      deepest = Math.max(deepest, depth);
      for (ReplyScript reply : level) {
        if (!reply.followUps().isEmpty()) {
          levels.push(reply.followUps());
          depths.push(depth + 1);
        }
      }
    }
    return deepest;
  }
}
