package dev.p2p.action;

import dev.p2p.ValidationException;
import dev.p2p.internal.Inputs;
import dev.p2p.script.ScriptTree;
import dev.p2p.script.Template;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What an admin writes for an action: everything but its id and lifecycle. Immutable; built with
 * {@link ActionDraft}. May be incomplete while the action is a draft: publishing checks it.
 *
 * @param name the action's name
 * @param contactListId the contact list texted; empty until chosen
 * @param script the initial messages and reply scripts
 * @param tags tags texters may apply by hand, besides those the scripts and report use
 * @param fields custom fields texters may set by hand, besides those the scripts and report use
 * @param report the questions a texter answers for each conversation
 * @param textingHours when initial messages may go out
 * @param sender the gateway and numbers to send from; empty until chosen, or until publishing sets
 *     the one registered gateway's own (publishing names a missing sender as a problem when no
 *     gateway or several are registered)
 * @param assignment how contacts will be handed to texters
 * @param smartEncoding whether look-alike characters (curly quotes, long dashes...) are replaced by
 *     GSM-7 ones before sending, so that messages cost fewer segments
 */
public record ActionSpec(
    String name,
    OptionalLong contactListId,
    ScriptTree script,
    List<String> tags,
    List<String> fields,
    List<Question> report,
    TextingHours textingHours,
    Optional<SenderSettings> sender,
    AssignmentSettings assignment,
    boolean smartEncoding) {

  /** Checks presence, copies the lists and replaces each NUL and lone surrogate of the name. */
  public ActionSpec {
    name = Inputs.text(Objects.requireNonNull(name, "name"));
    Objects.requireNonNull(contactListId, "contactListId");
    Objects.requireNonNull(script, "script");
    tags = List.copyOf(tags);
    fields = List.copyOf(fields);
    report = List.copyOf(report);
    Objects.requireNonNull(textingHours, "textingHours");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(assignment, "assignment");
  }

  /** Every tag the action may set: its own list, the scripts' and the report's, in that order. */
  public Set<String> tagsUsed() {
    Set<String> used = new LinkedHashSet<>(tags);
    used.addAll(script.tagsUsed());
    for (Question q : report) {
      if (q instanceof Question.TagQuestion t) {
        used.addAll(t.tags());
      }
    }
    return used;
  }

  /**
   * Every variable the bodies read besides the {@linkplain Template#BUILT_IN_VARIABLES built-in}
   * ones, in order of first use: custom fields of the organization or columns of the list. A body
   * that does not parse (possible in a draft) is skipped.
   */
  public Set<String> variablesUsed() {
    Set<String> used = new LinkedHashSet<>();
    script.initials().forEach(m -> addVariables(used, m.body()));
    script.forEachReply(reply -> addVariables(used, reply.body()));
    return used;
  }

  private static void addVariables(Set<String> used, String body) {
    try {
      for (String name : Template.parse(body).variables()) {
        if (!Template.BUILT_IN_VARIABLES.contains(name)) {
          used.add(name);
        }
      }
    } catch (ValidationException e) {
      // A draft may hold a body that does not parse yet: it reads no variable.
    }
  }

  /** Every custom field the action may set: its own list, the scripts' and the report's. */
  public Set<String> fieldsUsed() {
    Set<String> used = new LinkedHashSet<>(fields);
    used.addAll(script.fieldsUsed());
    for (Question q : report) {
      if (q instanceof Question.FieldQuestion f) {
        used.add(f.field());
      }
    }
    return used;
  }
}
