package dev.p2p.store.support;

import dev.p2p.conversation.FiledReport;
import dev.p2p.event.Change;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an update writes on a conversation, as {@link EffectRule#decide} worked it out: only real
 * changes, and the events they make, in the order to append them.
 *
 * @param addTags tags to insert, none of which the conversation has
 * @param removeTags tags to delete, all of which it has
 * @param setFields field values to write, each new or different
 * @param report the report to file, replacing any earlier one
 * @param markRead whether to clear the unread flag
 * @param changes the events to append: tag.added, tag.removed, field.set (each by name), then
 *     report.filed
 */
public record Effects(
    SortedSet<String> addTags,
    SortedSet<String> removeTags,
    SortedMap<String, String> setFields,
    Optional<FiledReport> report,
    boolean markRead,
    List<Change> changes) {

  /** Copies the collections. */
  public Effects {
    addTags = Collections.unmodifiableSortedSet(new TreeSet<>(addTags));
    removeTags = Collections.unmodifiableSortedSet(new TreeSet<>(removeTags));
    setFields = Collections.unmodifiableSortedMap(new TreeMap<>(setFields));
    Objects.requireNonNull(report, "report");
    changes = List.copyOf(changes);
  }

  /** Whether it writes nothing but the read flag. */
  public boolean writesNothing() {
    return addTags.isEmpty() && removeTags.isEmpty() && setFields.isEmpty() && report.isEmpty();
  }
}
