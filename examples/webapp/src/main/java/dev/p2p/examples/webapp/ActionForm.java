package dev.p2p.examples.webapp;

import dev.p2p.Organization;
import dev.p2p.ValidationException;
import dev.p2p.action.ActionDraft;
import dev.p2p.action.Question;
import dev.p2p.field.CustomField;
import dev.p2p.field.Tag;
import dev.p2p.script.InitialMessage;
import dev.p2p.script.ReplyScript;
import dev.p2p.script.ScriptTree;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The admin's action form as the page posts it. It fills an {@link ActionDraft}; p2p checks it (as
 * the admin types, through {@code problems}, and at publish). Tags and custom fields the scripts
 * and questions name are defined in the organization when missing, as a CRM's tag picker would.
 *
 * @param name the action's name
 * @param listId the contact list
 * @param initials the initial-message variants
 * @param replies the reply scripts
 * @param questions the report questions
 * @param hoursStart texting hours start, {@code HH:mm}
 * @param hoursEnd texting hours end, {@code HH:mm}
 */
record ActionForm(
    String name,
    @Nullable Long listId,
    List<String> initials,
    List<Reply> replies,
    List<Ask> questions,
    String hoursStart,
    String hoursEnd) {

  /** A reply script: label, body, the tags it applies and the fields it sets. */
  record Reply(String label, String body, List<String> tags, Map<String, String> fields) {}

  /** A report question answered by picking one of its tags. */
  record Ask(String prompt, List<String> tags) {}

  /** Puts the form into a draft, replacing what the draft held. */
  void applyTo(ActionDraft draft) {
    draft.name(name);
    if (listId != null) {
      draft.contacts(listId);
    }
    List<InitialMessage> variants = initials.stream().map(InitialMessage::of).toList();
    List<ReplyScript> scripts =
        replies.stream()
            .map(r -> new ReplyScript(r.label(), r.body(), r.tags(), r.fields(), List.of()))
            .toList();
    draft.script(new ScriptTree(variants, scripts));
    draft.report(
        questions.stream()
            .map(q -> (Question) Question.tags(q.prompt(), q.tags().toArray(String[]::new)))
            .toList());
    draft.textingHours(time("hoursStart", hoursStart), time("hoursEnd", hoursEnd));
  }

  /** Defines the tags and custom fields the form names that the organization lacks. */
  void defineTagsAndFields(Organization org) {
    replies.forEach(r -> r.tags().forEach(t -> defineTag(org, t)));
    questions.forEach(q -> q.tags().forEach(t -> defineTag(org, t)));
    for (Reply r : replies) {
      for (String field : r.fields().keySet()) {
        if (CustomField.isName(field)
            && !CustomField.RESERVED_NAMES.contains(field)
            && org.customFields().find(field).isEmpty()) {
          org.customFields().define(CustomField.text(field, field));
        }
      }
    }
  }

  private static void defineTag(Organization org, String tag) {
    if (Tag.isName(tag) && org.tags().find(tag).isEmpty()) {
      org.tags().define(Tag.named(tag));
    }
  }

  private static LocalTime time(String field, String value) {
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      throw ValidationException.of(field, "must be a time of day such as 09:00");
    }
  }
}
