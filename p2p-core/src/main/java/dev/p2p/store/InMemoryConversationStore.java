package dev.p2p.store;

import dev.p2p.NotFoundException;
import dev.p2p.action.Action;
import dev.p2p.assign.Target;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.InboxCounts;
import dev.p2p.conversation.Message;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.optout.OptOut;
import dev.p2p.optout.OptOutSource;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The in-memory {@link ConversationStore}: pool, assignment and reads, under the store's lock. */
final class InMemoryConversationStore implements ConversationStore {
  private final InMemoryStore store;
  private final Map<String, ConvOrg> orgs = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final InMemoryConversationWrites writes;
  private final InMemoryAssignments assignments;
  private final InMemoryInbox inbox;

  InMemoryConversationStore(InMemoryStore store, InMemoryMessageStore messages) {
    this.store = store;
    this.writes = new InMemoryConversationWrites(store, messages, this);
    this.assignments = new InMemoryAssignments(store, this);
    this.inbox = new InMemoryInbox(store, this);
  }

  ConvOrg org(String orgId) {
    store.org(orgId);
    return orgs.computeIfAbsent(orgId, id -> new ConvOrg());
  }

  Action action(String orgId, long actionId) {
    return store
        .actions()
        .findAction(orgId, actionId)
        .orElseThrow(() -> new NotFoundException("action", actionId));
  }

  boolean reportRequired(String orgId, long actionId) {
    return store
        .actions()
        .findAction(orgId, actionId)
        .map(a -> !a.spec().report().isEmpty())
        .orElse(false);
  }

  Conversation snapshot(String orgId, ConvData c) {
    return c.snapshot(reportRequired(orgId, c.actionId));
  }

  long nextId() {
    return ids.incrementAndGet();
  }

  @Override
  public int openPool(String orgId, long actionId, Instant now) {
    return assignments.openPool(orgId, actionId, now);
  }

  @Override
  public Set<String> windowKeys(String orgId, long actionId) {
    return store.locked(() -> Set.copyOf(org(orgId).windowKeys.getOrDefault(actionId, Set.of())));
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
          action(orgId, actionId);
          return org(orgId)
              .targets
              .computeIfAbsent(actionId, a -> new LinkedHashSet<>())
              .addAll(targets);
        });
  }

  @Override
  public boolean removeTarget(String orgId, long actionId, Target target) {
    return store.locked(
        () -> org(orgId).targets.getOrDefault(actionId, new LinkedHashSet<>()).remove(target));
  }

  @Override
  public List<Target> targets(String orgId, long actionId) {
    return store.locked(
        () -> List.copyOf(org(orgId).targets.getOrDefault(actionId, new LinkedHashSet<>())));
  }

  @Override
  public void setJoinToken(String orgId, long actionId, Optional<String> tokenHash) {
    store.locked(
        () -> {
          action(orgId, actionId);
          ConvOrg org = org(orgId);
          return tokenHash.isPresent()
              ? org.joinTokens.put(actionId, tokenHash.get())
              : org.joinTokens.remove(actionId);
        });
  }

  @Override
  public OptionalLong findActionByJoinToken(String orgId, String tokenHash) {
    return store.locked(
        () ->
            org(orgId).joinTokens.entrySet().stream()
                .filter(e -> e.getValue().equals(tokenHash))
                .mapToLong(Map.Entry::getKey)
                .findFirst());
  }

  @Override
  public Optional<Conversation> findConversation(String orgId, long conversationId) {
    return store.locked(
        () ->
            Optional.ofNullable(org(orgId).byId.get(conversationId)).map(c -> snapshot(orgId, c)));
  }

  @Override
  public Optional<Conversation> nextToSend(
      String orgId,
      long actionId,
      String texterId,
      Set<String> windowKeys,
      Optional<Instant> lockedAfter) {
    return inbox.nextToSend(orgId, actionId, texterId, windowKeys, lockedAfter);
  }

  @Override
  public List<Conversation> inbox(String orgId, InboxQuery q) {
    return inbox.inbox(orgId, q);
  }

  @Override
  public InboxCounts inboxCounts(String orgId, String texterId, OptionalLong actionId) {
    return inbox.inboxCounts(orgId, texterId, actionId);
  }

  @Override
  public List<Message> thread(String orgId, long conversationId, long afterId, int limit) {
    return store.locked(
        () -> {
          ConvData c = org(orgId).byId.get(conversationId);
          return c == null
              ? List.<Message>of()
              : writes.messages(orgId, c.messageIds, afterId, limit);
        });
  }

  @Override
  public Message recordSend(String orgId, SendRecord record, Instant now) {
    return store.locked(() -> writes.recordSend(orgId, record, now));
  }

  @Override
  public Conversation update(
      String orgId,
      long conversationId,
      Optional<String> texterId,
      ConversationUpdate update,
      Instant now) {
    return store.locked(() -> writes.update(orgId, conversationId, texterId, update, now));
  }

  @Override
  public InboundOutcome receive(
      String orgId, String gatewayId, InboundMessage message, boolean optOut, Instant now) {
    return store.locked(() -> writes.receive(orgId, gatewayId, message, optOut, now));
  }

  @Override
  public List<Message> unrouted(String orgId, long afterId, int limit) {
    return store.locked(
        () ->
            writes.messages(
                orgId, List.copyOf(org(orgId).unrouted.tailSet(afterId, false)), afterId, limit));
  }

  @Override
  public Optional<MessageOwner> ownerOf(String gatewayId, String carrierMessageId) {
    return store.locked(() -> writes.ownerOf(gatewayId, carrierMessageId));
  }

  @Override
  public boolean optOut(String orgId, String phone, OptOutSource source, Instant now) {
    return store.locked(() -> writes.optOut(orgId, phone, source, now));
  }

  @Override
  public Optional<OptOut> findOptOut(String orgId, String phone) {
    return store.locked(() -> Optional.ofNullable(org(orgId).optOuts.get(phone)));
  }

  @Override
  public List<OptOut> optOuts(String orgId, String afterPhone, int limit) {
    return store.locked(
        () ->
            org(orgId).optOuts.tailMap(afterPhone, false).values().stream().limit(limit).toList());
  }

  @Override
  public boolean markInvalid(String orgId, String phone, Instant now) {
    return store.locked(() -> org(orgId).invalid.add(phone));
  }

  @Override
  public boolean isInvalid(String orgId, String phone) {
    return store.locked(() -> org(orgId).invalid.contains(phone));
  }

  @Override
  public Optional<String> settings(String orgId) {
    return store.locked(() -> Optional.ofNullable(org(orgId).settings));
  }

  @Override
  public void saveSettings(String orgId, String json, Instant now) {
    store.locked(() -> org(orgId).settings = json);
  }
}
