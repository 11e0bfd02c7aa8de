package dev.p2p.store.memory;

import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.InboxCounts;
import dev.p2p.conversation.InboxFilter;
import dev.p2p.store.InboxQuery;
import dev.p2p.store.support.WaitingRule;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/** The in-memory reads of a texter's conversations: next to send, inbox pages, counts. */
final class InMemoryInbox {
  private final InMemoryStore store;
  private final InMemoryConversationStore conversations;

  InMemoryInbox(InMemoryStore store, InMemoryConversationStore conversations) {
    this.store = store;
    this.conversations = conversations;
  }

  Optional<Conversation> nextToSend(
      String orgId,
      long actionId,
      String texterId,
      Set<String> windowKeys,
      Optional<Instant> lockedAfter) {
    return store.locked(
        () -> {
          ConvOrg org = conversations.org(orgId);
          return org.action(actionId).values().stream()
              .filter(c -> texterId.equals(c.texterId) && c.waiting())
              .filter(c -> !org.blocked(c.phone) && windowKeys.contains(c.windowKey))
              .filter(c -> !org.lockedByAnother(c, lockedAfter))
              .findFirst()
              .map(c -> conversations.snapshot(orgId, c));
        });
  }

  List<Conversation> inbox(String orgId, InboxQuery q) {
    return store.locked(
        () ->
            mine(orgId, q.texterId(), q.actionId())
                .filter(c -> q.after().map(p -> before(c, p)).orElse(true))
                .filter(c -> shows(q.filter(), c))
                .sorted(
                    Comparator.comparing((Conversation c) -> c.lastMessageAt().orElseThrow())
                        .thenComparingLong(Conversation::id)
                        .reversed())
                .limit(q.limit())
                .toList());
  }

  private static boolean before(Conversation c, InboxQuery.Position p) {
    Instant at = c.lastMessageAt().orElseThrow();
    int cmp = at.compareTo(p.lastMessageAt());
    return cmp < 0 || (cmp == 0 && c.id() < p.conversationId());
  }

  private static boolean shows(InboxFilter filter, Conversation c) {
    switch (filter) {
      case NEEDS_ATTENTION:
        return c.needsAttention();
      case UNREAD:
        return c.unread();
      default:
        return true;
    }
  }

  private Stream<Conversation> mine(String orgId, String texterId, OptionalLong actionId) {
    ConvOrg org = conversations.org(orgId);
    Collection<ConvData> scope =
        actionId.isPresent() ? org.action(actionId.getAsLong()).values() : org.byId.values();
    Map<Long, Boolean> reports = new HashMap<>();
    return scope.stream()
        .filter(c -> texterId.equals(c.texterId) && c.started())
        .map(
            c ->
                c.snapshot(
                    reports.computeIfAbsent(
                        c.actionId, a -> conversations.reportRequired(orgId, a))));
  }

  InboxCounts inboxCounts(String orgId, String texterId, OptionalLong actionId) {
    return store.locked(
        () -> {
          List<Conversation> started = mine(orgId, texterId, actionId).toList();
          ConvOrg org = conversations.org(orgId);
          Collection<ConvData> scope =
              actionId.isPresent() ? org.action(actionId.getAsLong()).values() : org.byId.values();
          List<ConvData> notStarted =
              scope.stream().filter(c -> texterId.equals(c.texterId) && c.waiting()).toList();
          return WaitingRule.inboxCounts(
              started.size(),
              started.stream().filter(Conversation::needsAttention).count(),
              started.stream().filter(Conversation::unread).count(),
              notStarted.size(),
              notStarted.stream().filter(c -> org.blocked(c.phone)).count());
        });
  }
}
