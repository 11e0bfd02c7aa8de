package dev.p2p.action;

import dev.p2p.internal.Inputs;
import java.util.List;
import java.util.Objects;

/**
 * One question of an action's report, which a texter answers for each conversation: choose among
 * tags, or give a custom field's value. Checked when the action is published.
 *
 * <p>A question has a stable {@link #id()}: filed answers ({@code Texter.fileReport}), the report's
 * tallies and the export's {@code report.<id>} column are keyed by it, not by the prompt, so a
 * prompt reworded with {@link #withPrompt} (in a draft or a live action) breaks no caller and keeps
 * the answers already filed. Unless set with {@link #withId}, the id is the prompt as first given,
 * which is also how questions stored before ids existed read back.
 */
public sealed interface Question permits Question.TagQuestion, Question.FieldQuestion {

  /** The question's stable id: answers are filed and tallied under it. */
  String id();

  /** What the texter is asked. */
  String prompt();

  /** This question with another id (1 to {@value #MAX_PROMPT_LENGTH} characters, not blank). */
  Question withId(String id);

  /** This question asked in other words, its id and answers unchanged. */
  Question withPrompt(String prompt);

  /** The longest prompt or id publishing accepts: {@value} characters, as every store keeps. */
  int MAX_PROMPT_LENGTH = 1_000;

  /** A question answered by choosing exactly one of these tags; its id is the prompt. */
  static Question tags(String prompt, String... tags) {
    return new TagQuestion(prompt, prompt, List.of(tags), false);
  }

  /** A question answered by choosing any number of these tags; its id is the prompt. */
  static Question anyOfTags(String prompt, String... tags) {
    return new TagQuestion(prompt, prompt, List.of(tags), true);
  }

  /** A question answered by a value of this custom field, checked against its type. */
  static Question field(String prompt, String field) {
    return new FieldQuestion(prompt, prompt, field);
  }

  /**
   * Choose among tags.
   *
   * @param id the stable id answers are keyed by
   * @param prompt what the texter is asked
   * @param tags the tags offered, in order
   * @param multiple whether several may be chosen
   */
  record TagQuestion(String id, String prompt, List<String> tags, boolean multiple)
      implements Question {
    /** Checks presence and copies the tags. */
    public TagQuestion {
      id = Inputs.text(Objects.requireNonNull(id, "id"));
      prompt = Inputs.text(Objects.requireNonNull(prompt, "prompt"));
      tags = List.copyOf(tags);
    }

    @Override
    public TagQuestion withId(String id) {
      return new TagQuestion(id, prompt, tags, multiple);
    }

    @Override
    public TagQuestion withPrompt(String prompt) {
      return new TagQuestion(id, prompt, tags, multiple);
    }
  }

  /**
   * Give a custom field's value.
   *
   * @param id the stable id answers are keyed by
   * @param prompt what the texter is asked
   * @param field the custom field's name
   */
  record FieldQuestion(String id, String prompt, String field) implements Question {
    /** Checks presence. */
    public FieldQuestion {
      id = Inputs.text(Objects.requireNonNull(id, "id"));
      prompt = Inputs.text(Objects.requireNonNull(prompt, "prompt"));
      Objects.requireNonNull(field, "field");
    }

    @Override
    public FieldQuestion withId(String id) {
      return new FieldQuestion(id, prompt, field);
    }

    @Override
    public FieldQuestion withPrompt(String prompt) {
      return new FieldQuestion(id, prompt, field);
    }
  }
}
