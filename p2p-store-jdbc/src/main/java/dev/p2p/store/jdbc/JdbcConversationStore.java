package dev.p2p.store.jdbc;

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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@link JdbcStore}'s conversation part: reads through {@link ConversationSql}, lookups by phone
 * and of unsent conversations through {@link LookupSql}; writes through {@link SendSql} and {@link
 * UpdateSql}; inbound messages through {@link InboundSql}. Every method is one transaction of the
 * store's {@link Tx}.
 */
final class JdbcConversationStore implements ConversationStore {
  private final ConversationSql conversations;
  private final SendSql sends;
  private final UpdateSql updates;
  private final InboundSql inbound;
  private final LookupSql lookups;

  JdbcConversationStore(Tx tx, SenderSql senders) {
    this.conversations = new ConversationSql(tx);
    this.sends = new SendSql(tx, senders);
    this.updates = new UpdateSql(tx);
    this.inbound = new InboundSql(tx);
    this.lookups = new LookupSql(tx);
  }

  @Override
  public Optional<Conversation> findConversation(String orgId, long conversationId) {
    return conversations.find(orgId, conversationId);
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
    return conversations.nextToSend(orgId, actionId, texterId, windowKeys, lockedAfter);
  }

  @Override
  public List<Conversation> inbox(String orgId, InboxQuery query) {
    return conversations.inbox(orgId, query);
  }

  @Override
  public InboxCounts inboxCounts(String orgId, String texterId, OptionalLong actionId) {
    return conversations.counts(orgId, texterId, actionId);
  }

  @Override
  public List<Message> thread(String orgId, long conversationId, long afterId, int limit) {
    return conversations.thread(orgId, conversationId, afterId, limit);
  }

  @Override
  public Message recordSend(String orgId, SendRecord record, Instant now) {
    return sends.recordSend(orgId, record, now);
  }

  @Override
  public Conversation update(
      String orgId,
      long conversationId,
      Optional<String> texterId,
      ConversationUpdate update,
      Instant now) {
    return updates.update(orgId, conversationId, texterId, update, now);
  }

  @Override
  public InboundOutcome receive(
      String orgId, String gatewayId, InboundMessage message, boolean optOut, Instant now) {
    return inbound.receive(orgId, gatewayId, message, optOut, now);
  }

  @Override
  public List<Message> unrouted(String orgId, long afterId, int limit) {
    return inbound.unrouted(orgId, afterId, limit);
  }

  @Override
  public Optional<MessageOwner> ownerOf(String gatewayId, String carrierMessageId) {
    return inbound.ownerOf(gatewayId, carrierMessageId);
  }
}
