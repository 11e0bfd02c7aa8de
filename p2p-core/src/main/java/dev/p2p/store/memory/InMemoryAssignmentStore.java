package dev.p2p.store.memory;

import dev.p2p.assign.Target;
import dev.p2p.store.AssignmentStore;
import dev.p2p.store.ClaimRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@link InMemoryStore}'s assignment part: the pool and its moves through {@link
 * InMemoryAssignments}, targets and join tokens here, each under the store's one lock, on the
 * conversation part's data.
 */
final class InMemoryAssignmentStore implements AssignmentStore {
  private final InMemoryStore store;
  private final InMemoryConversationStore conversations;
  private final InMemoryAssignments assignments;

  InMemoryAssignmentStore(InMemoryStore store, InMemoryConversationStore conversations) {
    this.store = store;
    this.conversations = conversations;
    this.assignments = new InMemoryAssignments(store, conversations);
  }

  @Override
  public int openPool(String orgId, long actionId, Instant now) {
    return assignments.openPool(orgId, actionId, now);
  }

  @Override
  public Set<String> windowKeys(String orgId, long actionId) {
    return store.locked(
        () -> Set.copyOf(conversations.org(orgId).windowKeys.getOrDefault(actionId, Set.of())));
  }

  @Override
  public List<Long> claim(
      String orgId, long actionId, String texterId, ClaimRequest request, Instant now) {
    return assignments.claim(orgId, actionId, texterId, request, now);
  }

  @Override
  public Map<String, Integer> assignAll(
      String orgId,
      long actionId,
      List<String> texterIds,
      int maxPerTexter,
      boolean keep,
      Instant now) {
    return assignments.assignAll(orgId, actionId, texterIds, maxPerTexter, keep, now);
  }

  @Override
  public int reassign(
      String orgId, long actionId, String fromTexter, String toTexter, Instant now) {
    return assignments.reassign(orgId, actionId, fromTexter, toTexter, now);
  }

  @Override
  public int release(String orgId, long actionId, String texterId, Instant now) {
    return assignments.release(orgId, actionId, texterId, now);
  }

  @Override
  public void addTargets(String orgId, long actionId, Collection<Target> targets) {
    store.locked(
        () -> {
          conversations.action(orgId, actionId);
          return conversations
              .org(orgId)
              .targets
              .computeIfAbsent(actionId, a -> new LinkedHashSet<>())
              .addAll(targets);
        });
  }

  @Override
  public boolean removeTarget(String orgId, long actionId, Target target) {
    return store.locked(
        () ->
            conversations
                .org(orgId)
                .targets
                .getOrDefault(actionId, new LinkedHashSet<>())
                .remove(target));
  }

  @Override
  public List<Target> targets(String orgId, long actionId) {
    return store.locked(
        () ->
            List.copyOf(
                conversations.org(orgId).targets.getOrDefault(actionId, new LinkedHashSet<>())));
  }

  @Override
  public void setJoinToken(String orgId, long actionId, Optional<String> tokenHash) {
    store.locked(
        () -> {
          conversations.action(orgId, actionId);
          ConvOrg org = conversations.org(orgId);
          return tokenHash.isPresent()
              ? org.joinTokens.put(actionId, tokenHash.get())
              : org.joinTokens.remove(actionId);
        });
  }

  @Override
  public OptionalLong findActionByJoinToken(String orgId, String tokenHash) {
    return store.locked(
        () ->
            conversations.org(orgId).joinTokens.entrySet().stream()
                .filter(e -> e.getValue().equals(tokenHash))
                .mapToLong(Map.Entry::getKey)
                .findFirst());
  }
}
