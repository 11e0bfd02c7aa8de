package dev.p2p.store.memory;

import dev.p2p.conversation.Conversation;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The in-memory lookups of conversations by phone and of a texter's unsent ones. */
final class InMemoryLookups {
  private final InMemoryStore store;
  private final InMemoryConversationStore conversations;

  InMemoryLookups(InMemoryStore store, InMemoryConversationStore conversations) {
    this.store = store;
    this.conversations = conversations;
  }

  Optional<Conversation> byPhone(String orgId, long actionId, String phone) {
    return store.locked(
        () ->
            conversations.org(orgId).byPhone.getOrDefault(phone, List.of()).stream()
                .filter(c -> c.actionId == actionId)
                .max(Comparator.comparingLong(c -> c.id))
                .map(c -> conversations.snapshot(orgId, c)));
  }

  List<Conversation> byPhone(String orgId, String phone, long beforeId, int limit) {
    return store.locked(
        () ->
            conversations.org(orgId).byPhone.getOrDefault(phone, List.of()).stream()
                .filter(c -> c.id < beforeId)
                .sorted(Comparator.comparingLong((ConvData c) -> c.id).reversed())
                .limit(limit)
                .map(c -> conversations.snapshot(orgId, c))
                .toList());
  }

  List<Conversation> unsent(
      String orgId, String texterId, OptionalLong actionId, long afterId, int limit) {
    return store.locked(
        () -> {
          ConvOrg org = conversations.org(orgId);
          Collection<ConvData> scope =
              actionId.isPresent()
                  ? org.action(actionId.getAsLong()).tailMap(afterId, false).values()
                  : org.byId.tailMap(afterId, false).values();
          return scope.stream()
              .filter(c -> texterId.equals(c.texterId) && c.waiting())
              .limit(limit)
              .map(c -> conversations.snapshot(orgId, c))
              .toList();
        });
  }
}
