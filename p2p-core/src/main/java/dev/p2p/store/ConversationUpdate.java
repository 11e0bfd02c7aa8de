package dev.p2p.store;

import dev.p2p.conversation.FiledReport;
import dev.p2p.internal.Inputs;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a texter changes on a conversation in one operation: tags added and removed, custom-field
 * values set, a report filed, closed or reopened, read. The core checks the values (tags and fields
 * exist, values fit their types, answers fit the report) before a store sees them.
 *
 * @param addTags tags to apply (already applied ones are kept)
 * @param removeTags tags to take off (absent ones are ignored)
 * @param setFields custom-field values to set, by field name (text form, as contacts keep them)
 * @param report the report to file, replacing any earlier one
 * @param closed {@code true} to close, {@code false} to reopen, empty to leave as is
 * @param markRead whether to clear the unread flag
 */
public record ConversationUpdate(
    Set<String> addTags,
    Set<String> removeTags,
    Map<String, String> setFields,
    Optional<FiledReport> report,
    Optional<Boolean> closed,
    boolean markRead) {

  /** An update that changes nothing. */
  public static final ConversationUpdate NONE =
      new ConversationUpdate(
          Set.of(), Set.of(), Map.of(), Optional.empty(), Optional.empty(), false);

  /** Copies the collections; each NUL and lone surrogate of a field value becomes U+FFFD. */
  public ConversationUpdate {
    addTags = Set.copyOf(addTags);
    removeTags = Set.copyOf(removeTags);
    Map<String, String> fields = new HashMap<>();
    setFields.forEach((name, value) -> fields.put(name, Inputs.text(value)));
    setFields = Map.copyOf(fields);
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(closed, "closed");
  }

  /** This update, also applying these tags. */
  public ConversationUpdate withTags(Set<String> tags) {
    return new ConversationUpdate(tags, removeTags, setFields, report, closed, markRead);
  }

  /** This update, also taking these tags off. */
  public ConversationUpdate withoutTags(Set<String> tags) {
    return new ConversationUpdate(addTags, tags, setFields, report, closed, markRead);
  }

  /** This update, also setting these field values. */
  public ConversationUpdate withFields(Map<String, String> fields) {
    return new ConversationUpdate(addTags, removeTags, fields, report, closed, markRead);
  }

  /** This update, also filing this report. */
  public ConversationUpdate withReport(FiledReport filed) {
    return new ConversationUpdate(
        addTags, removeTags, setFields, Optional.of(filed), closed, markRead);
  }

  /** This update, also closing ({@code true}) or reopening ({@code false}). */
  public ConversationUpdate withClosed(boolean close) {
    return new ConversationUpdate(
        addTags, removeTags, setFields, report, Optional.of(close), markRead);
  }

  /** This update, also clearing the unread flag. */
  public ConversationUpdate withRead() {
    return new ConversationUpdate(addTags, removeTags, setFields, report, closed, true);
  }
}
