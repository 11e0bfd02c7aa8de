package dev.p2p.action;

import dev.p2p.internal.Inputs;
import java.util.List;
import java.util.Objects;

/**
 * One question of an action's report, which a texter answers for each conversation: choose among
 * tags, or give a custom field's value. Checked when the action is published.
 */
public sealed interface Question permits Question.TagQuestion, Question.FieldQuestion {

  /** What the texter is asked. */
  String prompt();

  /** The longest prompt publishing accepts: {@value} characters, as every store keeps. */
  int MAX_PROMPT_LENGTH = 1_000;

  /** A question answered by choosing exactly one of these tags. */
  static Question tags(String prompt, String... tags) {
    return new TagQuestion(prompt, List.of(tags), false);
  }

  /** A question answered by choosing any number of these tags. */
  static Question anyOfTags(String prompt, String... tags) {
    return new TagQuestion(prompt, List.of(tags), true);
  }

  /** A question answered by a value of this custom field, checked against its type. */
  static Question field(String prompt, String field) {
    return new FieldQuestion(prompt, field);
  }

  /**
   * Choose among tags.
   *
   * @param prompt what the texter is asked
   * @param tags the tags offered, in order
   * @param multiple whether several may be chosen
   */
  record TagQuestion(String prompt, List<String> tags, boolean multiple) implements Question {
    /** Checks presence and copies the tags. */
    public TagQuestion {
      prompt = Inputs.text(Objects.requireNonNull(prompt, "prompt"));
      tags = List.copyOf(tags);
    }
  }

  /**
   * Give a custom field's value.
   *
   * @param prompt what the texter is asked
   * @param field the custom field's name
   */
  record FieldQuestion(String prompt, String field) implements Question {
    /** Checks presence. */
    public FieldQuestion {
      prompt = Inputs.text(Objects.requireNonNull(prompt, "prompt"));
      Objects.requireNonNull(field, "field");
    }
  }
}
