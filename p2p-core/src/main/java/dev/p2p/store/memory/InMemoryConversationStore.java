package dev.p2p.store.memory;

import dev.p2p.action.Action;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.InboxCounts;
import dev.p2p.conversation.Message;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.store.ConversationStore;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.InboundOutcome;
import dev.p2p.store.InboxQuery;
import dev.p2p.store.MessageOwner;
import dev.p2p.store.SendRecord;
import dev.p2p.store.support.Refusals;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory {@link ConversationStore}: reads, lookups, inboxes, sends, updates and inbound
 * messages, under the store's lock. It keeps every organization's texting data ({@link ConvOrg}),
 * which the assignment, opt-out and report parts reach through it.
 */
final class InMemoryConversationStore implements ConversationStore {
  private final InMemoryStore store;
  private final Map<String, ConvOrg> orgs = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final InMemoryConversationWrites writes;
  private final InMemoryInbox inbox;
  private final InMemoryLookups lookups;

  InMemoryConversationStore(InMemoryStore store, InMemoryMessageStore messages) {
    this.store = store;
    this.writes = new InMemoryConversationWrites(store, messages, this);
    this.inbox = new InMemoryInbox(store, this);
    this.lookups = new InMemoryLookups(store, this);
  }

  ConvOrg org(String orgId) {
    store.org(orgId);
    return orgs.computeIfAbsent(orgId, id -> new ConvOrg());
  }

  Action action(String orgId, long actionId) {
    return store
        .actions()
        .findAction(orgId, actionId)
        .orElseThrow(() -> Refusals.noAction(actionId));
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

  /** The writes, for the opt-out part (under the store's lock). */
  InMemoryConversationWrites writes() {
    return writes;
  }

  @Override
  public Optional<Conversation> findConversation(String orgId, long conversationId) {
    return store.locked(
        () ->
            Optional.ofNullable(org(orgId).byId.get(conversationId)).map(c -> snapshot(orgId, c)));
  }

  @Override
  public Optional<Conversation> findConversationByPhone(String orgId, long actionId, String phone) {
    return lookups.byPhone(orgId, actionId, phone);
  }

  @Override
  public List<Conversation> conversationsByPhone(
      String orgId, String phone, long beforeId, int limit) {
    return lookups.byPhone(orgId, phone, beforeId, limit);
  }

  @Override
  public List<Conversation> unsent(
      String orgId, String texterId, OptionalLong actionId, long afterId, int limit) {
    return lookups.unsent(orgId, texterId, actionId, afterId, limit);
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
}
