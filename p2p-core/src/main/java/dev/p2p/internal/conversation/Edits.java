package dev.p2p.internal.conversation;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.action.Action;
import dev.p2p.action.Question;
import dev.p2p.conversation.FiledReport;
import dev.p2p.field.CustomField;
import dev.p2p.field.Tag;
import dev.p2p.internal.Inputs;
import dev.p2p.internal.OrgContext;
import dev.p2p.store.ActionStore;
import dev.p2p.store.ConversationUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what a texter records on a conversation against the organization's tags and fields and the
 * action's report, listing every problem at once, and turns it into a store update.
 */
final class Edits {
  private final OrgContext ctx;
  private final ActionStore actions;

  Edits(OrgContext ctx) {
    this.ctx = ctx;
    this.actions = ctx.store().actions();
  }

  /**
   * Checks that the tags are well-formed names, compared exactly, so that removing one is exact.
   */
  void checkTagNames(Set<String> tags) {
    List<Violation> problems = new ArrayList<>();
    for (String tag : tags) {
      if (!Tag.isName(tag)) {
        problems.add(new Violation("tags", "'" + Inputs.text(tag) + "' is not a tag name"));
      }
    }
    throwIf(problems);
  }

  /** Checks that the tags exist. */
  void checkTags(Set<String> tags) {
    checkTagNames(tags);
    List<Violation> problems = new ArrayList<>();
    for (String tag : tags) {
      if (actions.findTag(ctx.orgId(), tag).isEmpty()) {
        problems.add(new Violation("tags", "'" + tag + "' is not a tag of the organization"));
      }
    }
    throwIf(problems);
  }

  /** Checks that the fields exist and the values fit their types. */
  void checkFields(Map<String, String> values) {
    List<Violation> problems = new ArrayList<>();
    values.forEach(
        (name, value) -> fieldProblem("fields." + name, name, value).ifPresent(problems::add));
    throwIf(problems);
  }

  private Optional<Violation> fieldProblem(String path, String name, String value) {
    Optional<CustomField> field =
        CustomField.isName(name) ? actions.findField(ctx.orgId(), name) : Optional.empty();
    if (field.isEmpty()) {
      return Optional.of(
          new Violation(path, "'" + name + "' is not a custom field of the organization"));
    }
    return field.get().check(path, Inputs.text(value));
  }

  /**
   * Checks a report against the action's questions and returns the update that files it and applies
   * its tags and field values.
   */
  ConversationUpdate report(
      Action action, Map<String, List<String>> answers, String texterId, Instant now) {
    List<Question> questions = action.spec().report();
    List<Violation> problems = new ArrayList<>();
    if (questions.isEmpty()) {
      throw ValidationException.of(
          "report", "action '" + action.name() + "' asks no report questions");
    }
    Set<String> tags = new LinkedHashSet<>();
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, List<String>> ordered = new LinkedHashMap<>();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      String path = "report[" + i + "]";
      List<String> given = answers.get(q.id());
      if (given == null || given.isEmpty()) {
        problems.add(new Violation(path, "'" + q.prompt() + "' is not answered"));
        continue;
      }
      ordered.put(q.id(), given);
      if (q instanceof Question.TagQuestion tq) {
        if (!tq.multiple() && given.size() > 1) {
          problems.add(new Violation(path, "'" + q.prompt() + "' takes one answer"));
        }
        for (String tag : given) {
          if (!tq.tags().contains(tag)) {
            problems.add(
                new Violation(
                    path,
                    "'"
                        + tag
                        + "' is not an answer of '"
                        + q.prompt()
                        + "'; answers: "
                        + tq.tags()));
          }
        }
        tags.addAll(given);
      } else if (q instanceof Question.FieldQuestion fq) {
        if (given.size() > 1) {
          problems.add(new Violation(path, "'" + q.prompt() + "' takes one value"));
        } else {
          fieldProblem(path, fq.field(), given.get(0)).ifPresent(problems::add);
          fields.put(fq.field(), given.get(0));
        }
      }
    }
    for (String id : answers.keySet()) {
      if (questions.stream().noneMatch(q -> q.id().equals(id))) {
        problems.add(new Violation("report", "'" + id + "' is not a question id of the action"));
      }
    }
    throwIf(problems);
    return ConversationUpdate.NONE
        .withTags(tags)
        .withFields(fields)
        .withReport(new FiledReport(ordered, texterId, now));
  }

  private static void throwIf(List<Violation> problems) {
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }
}
