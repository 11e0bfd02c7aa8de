package dev.p2p.store.memory;

import dev.p2p.optout.OptOut;
import dev.p2p.optout.OptOutSource;
import dev.p2p.store.OptOutStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link InMemoryStore}'s opt-out part: each operation runs under the store's one lock, on the
 * conversation part's data, so opting out moves the phone's conversations in the same step.
 */
final class InMemoryOptOutStore implements OptOutStore {
  private final InMemoryStore store;
  private final InMemoryConversationStore conversations;

  InMemoryOptOutStore(InMemoryStore store, InMemoryConversationStore conversations) {
    this.store = store;
    this.conversations = conversations;
  }

  @Override
  public boolean optOut(String orgId, String phone, OptOutSource source, Instant now) {
    return store.locked(() -> conversations.writes().optOut(orgId, phone, source, now));
  }

  @Override
  public Optional<OptOut> findOptOut(String orgId, String phone) {
    return store.locked(() -> Optional.ofNullable(conversations.org(orgId).optOuts.get(phone)));
  }

  @Override
  public List<OptOut> optOuts(String orgId, String afterPhone, int limit) {
    return store.locked(
        () ->
            conversations.org(orgId).optOuts.tailMap(afterPhone, false).values().stream()
                .limit(limit)
                .toList());
  }

  @Override
  public boolean markInvalid(String orgId, String phone, Instant now) {
    return store.locked(() -> conversations.org(orgId).invalid.add(phone));
  }
}
