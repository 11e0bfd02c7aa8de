package dev.p2p.store.support;

import dev.p2p.event.Change;
import dev.p2p.store.ConversationUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which tags, field values and report an update writes on a conversation, and the events each real
 * change makes, decided once for every store: applying a tag it has, taking off one it lacks, or
 * setting a field to its value changes nothing and writes no event. A filed report always writes
 * report.filed (a later report replaces it).
 */
public final class EffectRule {
  private EffectRule() {}

  /**
   * The tags and field values a store must read, with the conversation locked, before {@link
   * #decide}: the tags the update adds or removes, and the fields it sets.
   */
  public static Set<String> tagsToRead(ConversationUpdate update) {
    Set<String> tags = new TreeSet<>(update.addTags());
    tags.addAll(update.removeTags());
    return tags;
  }

  /**
   * Decides on an update.
   *
   * @param conversationId the conversation
   * @param actionId its action
   * @param tagsHeld which of {@link #tagsToRead}'s tags the conversation has (others may be given)
   * @param fieldValues the conversation's values of the fields the update sets (others may be
   *     given)
   * @param update the update
   */
  public static Effects decide(
      long conversationId,
      long actionId,
      Set<String> tagsHeld,
      Map<String, String> fieldValues,
      ConversationUpdate update) {
    List<Change> changes = new ArrayList<>();
    SortedSet<String> add = new TreeSet<>();
    for (String tag : new TreeSet<>(update.addTags())) {
      if (!tagsHeld.contains(tag)) {
        add.add(tag);
        changes.add(new Change.TagAdded(conversationId, actionId, tag));
      }
    }
    SortedSet<String> remove = new TreeSet<>();
    for (String tag : new TreeSet<>(update.removeTags())) {
      if (tagsHeld.contains(tag) && !add.contains(tag)) {
        remove.add(tag);
        changes.add(new Change.TagRemoved(conversationId, actionId, tag));
      }
    }
    SortedMap<String, String> set = new TreeMap<>();
    new TreeMap<>(update.setFields())
        .forEach(
            (name, value) -> {
              if (!value.equals(fieldValues.get(name))) {
                set.put(name, value);
                changes.add(new Change.FieldSet(conversationId, actionId, name, value));
              }
            });
    update
        .report()
        .ifPresent(r -> changes.add(new Change.ReportFiled(conversationId, actionId, r)));
    return new Effects(add, remove, set, update.report(), update.markRead(), changes);
  }
}
