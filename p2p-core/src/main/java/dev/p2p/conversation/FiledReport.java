package dev.p2p.conversation;

import dev.p2p.internal.Inputs;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The report a texter filed for a conversation: for each question of the action's report, by its id
 * ({@link dev.p2p.action.Question#id()}), the answers given (tag names for a tag question, one
 * value for a field question).
 *
 * @param answers answers by question id, in the order of the action's questions
 * @param texterId who filed it
 * @param filedAt when
 */
public record FiledReport(Map<String, List<String>> answers, String texterId, Instant filedAt) {
  /**
   * Checks presence and copies the answers, keeping their order; each NUL and lone surrogate
   * becomes U+FFFD.
   */
  public FiledReport {
    Objects.requireNonNull(texterId, "texterId");
    Objects.requireNonNull(filedAt, "filedAt");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    answers.forEach((id, values) -> copy.put(Inputs.text(id), Inputs.texts(values)));
    answers = Collections.unmodifiableMap(copy);
  }
}
