package dev.p2p.store.memory;

import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.conversation.FiledReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The in-memory store's mutable conversation row; used under the store's lock only. */
final class ConvData {
  final long id;
  final long actionId;
  final long contactId;
  final String phone;
  final String windowKey;
  @Nullable String earlierTexter;
  @Nullable String texterId;
  ConversationStatus status = ConversationStatus.NEEDS_FIRST_MESSAGE;
  boolean unread;
  boolean replied;
  boolean contactWroteLast;
  @Nullable String sender;
  final TreeSet<String> tags = new TreeSet<>();
  final TreeMap<String, String> fields = new TreeMap<>();
  @Nullable FiledReport report;
  @Nullable Instant lastMessageAt;
  // The initial-message variant and segments of the first message; null until it is recorded.
  @Nullable Integer variant;
  @Nullable Integer initialSegments;
  Instant updatedAt;
  final List<Long> messageIds = new ArrayList<>();

  ConvData(
      long id,
      long actionId,
      long contactId,
      String phone,
      String windowKey,
      @Nullable String earlierTexter,
      Instant now) {
    this.id = id;
    this.actionId = actionId;
    this.contactId = contactId;
    this.phone = phone;
    this.windowKey = windowKey;
    this.earlierTexter = earlierTexter;
    this.updatedAt = now;
  }

  /** Whether it still waits for its first message: claimable, releasable, to send. */
  boolean waiting() {
    return status == ConversationStatus.NEEDS_FIRST_MESSAGE;
  }

  /**
   * Whether its first message is sent: it shows in its texter's inbox and takes the contact's
   * texts. An opt-out moves a waiting conversation to {@code OPTED_OUT} without starting it.
   */
  boolean started() {
    return status != ConversationStatus.NEEDS_FIRST_MESSAGE && lastMessageAt != null;
  }

  boolean needsAttention(boolean reportRequired) {
    return status == ConversationStatus.NEEDS_ATTENTION
        || (status == ConversationStatus.AWAITING_REPLY
            && replied
            && reportRequired
            && report == null);
  }

  Conversation snapshot(boolean reportRequired) {
    return new Conversation(
        id,
        actionId,
        contactId,
        phone,
        Optional.ofNullable(texterId),
        status,
        unread,
        needsAttention(reportRequired),
        Optional.ofNullable(sender),
        tags,
        fields,
        Optional.ofNullable(report),
        Optional.ofNullable(lastMessageAt),
        updatedAt);
  }
}
