package dev.p2p.conversation;

import dev.p2p.contact.Phones;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One contact in one action: its texter, its status, its sticky sender and what the texter has
 * recorded (tags, custom-field values, the report).
 *
 * @param id the conversation's id
 * @param actionId the action
 * @param contactId the contact
 * @param contactPhone the contact's phone, E.164
 * @param texterId the texter it is assigned to; empty while in the action's pool
 * @param status where it stands
 * @param unread whether the contact wrote since the texter last read it
 * @param needsAttention whether the texter should act: the contact wrote last, or the action asks
 *     for a report, the contact has replied and no report is filed yet
 * @param sender the number (or messaging service) its first message went out from; every later
 *     message goes out from it too
 * @param tags the tags applied to it, sorted
 * @param fields the custom-field values set on it, by field name, sorted
 * @param report the report filed for it, if any
 * @param lastMessageAt when the last message (either way) was recorded
 * @param updatedAt when anything about it last changed
 */
public record Conversation(
    long id,
    long actionId,
    long contactId,
    String contactPhone,
    Optional<String> texterId,
    ConversationStatus status,
    boolean unread,
    boolean needsAttention,
    Optional<String> sender,
    Set<String> tags,
    Map<String, String> fields,
    Optional<FiledReport> report,
    Optional<Instant> lastMessageAt,
    Instant updatedAt) {

  /** Checks presence and copies the collections, sorted. */
  public Conversation {
    Objects.requireNonNull(contactPhone, "contactPhone");
    Objects.requireNonNull(texterId, "texterId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(sender, "sender");
    tags = Collections.unmodifiableSet(new TreeSet<>(tags));
    fields = Collections.unmodifiableMap(new TreeMap<>(fields));
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(lastMessageAt, "lastMessageAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** Masks the phone, so the conversation is safe to log. */
  @Override
  public String toString() {
    return "Conversation[id="
        + id
        + ", action="
        + actionId
        + ", contact="
        + Phones.mask(contactPhone)
        + ", texter="
        + texterId.orElse("-")
        + ", "
        + status
        + (unread ? ", unread" : "")
        + "]";
  }
}
