package dev.p2p.store.jdbc;

import dev.p2p.assign.Target;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.InboxCounts;
import dev.p2p.conversation.Message;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.optout.OptOut;
import dev.p2p.optout.OptOutSource;
import dev.p2p.store.ClaimRequest;
import dev.p2p.store.ConversationStore;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.InboundOutcome;
import dev.p2p.store.InboxQuery;
import dev.p2p.store.MessageOwner;
import dev.p2p.store.SendRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@link JdbcStore}'s texting part: pools through {@link PoolSql}, {@link ClaimSql} and {@link
 * SplitSql}; targets and join tokens through {@link TargetSql}; reads through {@link
 * ConversationSql}; writes through {@link SendSql} and {@link UpdateSql}; inbound messages through
 * {@link InboundSql}; opt-outs through {@link OptOutSql}; settings through {@link SettingsSql}.
 * Every method is one transaction of the store's {@link Tx}.
 */
final class JdbcConversationStore implements ConversationStore {
  private final PoolSql pools;
  private final ClaimSql claims;
  private final SplitSql splits;
  private final TargetSql targets;
  private final ConversationSql conversations;
  private final SendSql sends;
  private final UpdateSql updates;
  private final InboundSql inbound;
  private final OptOutSql optOuts;
  private final SettingsSql settings;

  JdbcConversationStore(Tx tx, SenderSql senders) {
    this.pools = new PoolSql(tx);
    this.claims = new ClaimSql(tx);
    this.splits = new SplitSql(tx);
    this.targets = new TargetSql(tx);
    this.conversations = new ConversationSql(tx);
    this.sends = new SendSql(tx, senders);
    this.updates = new UpdateSql(tx);
    this.inbound = new InboundSql(tx);
    this.optOuts = new OptOutSql(tx);
    this.settings = new SettingsSql(tx);
  }

  @Override
  public int openPool(String orgId, long actionId, Instant now) {
    return pools.openPool(orgId, actionId, now);
  }

  @Override
  public Set<String> windowKeys(String orgId, long actionId) {
    return pools.windowKeys(orgId, actionId);
  }

  @Override
  public List<Long> claim(
      String orgId, long actionId, String texterId, ClaimRequest request, Instant now) {
    return claims.claim(orgId, actionId, texterId, request, now);
  }

  @Override
  public Map<String, Integer> assignAll(
      String orgId,
      long actionId,
      List<String> texterIds,
      int maxPerTexter,
      boolean keep,
      Instant now) {
    return splits.assignAll(orgId, actionId, texterIds, maxPerTexter, keep, now);
  }

  @Override
  public int reassign(
      String orgId, long actionId, String fromTexter, String toTexter, Instant now) {
    return pools.reassign(orgId, actionId, fromTexter, toTexter, now);
  }

  @Override
  public int release(String orgId, long actionId, String texterId, Instant now) {
    return pools.release(orgId, actionId, texterId, now);
  }

  @Override
  public void addTargets(String orgId, long actionId, Collection<Target> targets) {
    this.targets.addTargets(orgId, actionId, targets);
  }

  @Override
  public boolean removeTarget(String orgId, long actionId, Target target) {
    return targets.removeTarget(orgId, actionId, target);
  }

  @Override
  public List<Target> targets(String orgId, long actionId) {
    return targets.targets(orgId, actionId);
  }

  @Override
  public void setJoinToken(String orgId, long actionId, Optional<String> tokenHash) {
    targets.setJoinToken(orgId, actionId, tokenHash);
  }

  @Override
  public OptionalLong findActionByJoinToken(String orgId, String tokenHash) {
    return targets.findActionByJoinToken(orgId, tokenHash);
  }

  @Override
  public Optional<Conversation> findConversation(String orgId, long conversationId) {
    return conversations.find(orgId, conversationId);
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

  @Override
  public boolean optOut(String orgId, String phone, OptOutSource source, Instant now) {
    return optOuts.optOut(orgId, phone, source, now);
  }

  @Override
  public Optional<OptOut> findOptOut(String orgId, String phone) {
    return optOuts.find(orgId, phone);
  }

  @Override
  public List<OptOut> optOuts(String orgId, String afterPhone, int limit) {
    return optOuts.page(orgId, afterPhone, limit);
  }

  @Override
  public boolean markInvalid(String orgId, String phone, Instant now) {
    return optOuts.markInvalid(orgId, phone, now);
  }

  @Override
  public boolean isInvalid(String orgId, String phone) {
    return optOuts.isInvalid(orgId, phone);
  }

  @Override
  public Optional<String> settings(String orgId) {
    return settings.settings(orgId);
  }

  @Override
  public void saveSettings(String orgId, String json, Instant now) {
    settings.save(orgId, json, now);
  }
}
