package dev.p2p.store.memory;

import dev.p2p.action.Action;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.optout.OptOut;
import dev.p2p.optout.OptOutSource;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.InboundOutcome;
import dev.p2p.store.MessageOwner;
import dev.p2p.store.SendRecord;
import dev.p2p.store.support.EditRule;
import dev.p2p.store.support.EffectRule;
import dev.p2p.store.support.Effects;
import dev.p2p.store.support.InboundRule;
import dev.p2p.store.support.OptOutRule;
import dev.p2p.store.support.Refusals;
import dev.p2p.store.support.SendFacts;
import dev.p2p.store.support.SendRule;
import dev.p2p.store.support.SendVerdict;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The in-memory conversation writes: send, update, receive, opt out. Under the store's lock. */
final class InMemoryConversationWrites {
  private final InMemoryStore store;
  private final InMemoryMessageStore messages;
  private final InMemoryConversationStore conversations;

  /** The conversation of each linked message, by message id. */
  private final Map<Long, Long> links = new HashMap<>();

  InMemoryConversationWrites(
      InMemoryStore store, InMemoryMessageStore messages, InMemoryConversationStore conversations) {
    this.store = store;
    this.messages = messages;
    this.conversations = conversations;
  }

  Message recordSend(String orgId, SendRecord record, Instant now) {
    ConvOrg org = conversations.org(orgId);
    ConvData c = found(org, record.conversationId());
    boolean initial = record.kind() == SendRecord.Kind.INITIAL;
    SendFacts.InitialLock lock = initial ? org.initialLocks.get(c.phone) : null;
    Action action = conversations.action(orgId, c.actionId);
    SendFacts facts =
        new SendFacts(
            c.id,
            c.actionId,
            c.phone,
            Optional.ofNullable(c.texterId),
            c.status,
            action.status(),
            org.optOuts.containsKey(c.phone),
            org.invalid.contains(c.phone),
            Optional.ofNullable(lock),
            c.contactWroteLast,
            Optional.ofNullable(c.lastMessageAt),
            SendRule.needsVariants(record) ? action.script().initials().size() : 0);
    SendVerdict verdict = SendRule.decide(record, facts, now);
    QueuedMessage queued = record.message();
    String sender =
        c.sender != null && verdict.moveTo().isPresent()
            ? c.sender
            : record.senderPool().isEmpty()
                ? queued.sender()
                : messages
                    .senders()
                    .bind(orgId, queued.gatewayId(), c.phone, record.senderPool(), now);
    if (!sender.equals(queued.sender())) {
      queued =
          new QueuedMessage(
              queued.gatewayId(),
              queued.reference(),
              sender,
              queued.contactPhone(),
              queued.body(),
              queued.media(),
              queued.segments());
    }
    long messageId = messages.data().recordOutbound(orgId, queued, now);
    c.messageIds.add(messageId);
    links.put(messageId, c.id);
    messages
        .data()
        .link(
            messageId,
            new InMemoryMessages.Link(
                c.id,
                c.actionId,
                record.texterId().orElse(null),
                verdict.responseMs().isPresent() ? verdict.responseMs().getAsLong() : null));
    if (verdict.keepVariant()) {
      c.variant = record.variant();
      c.initialSegments = record.message().segments();
    }
    c.lastMessageAt = now;
    c.updatedAt = now;
    if (verdict.moveTo().isPresent()) {
      c.status = verdict.moveTo().get();
      c.unread = false;
      c.contactWroteLast = false;
      if (c.sender == null) {
        c.sender = sender;
      }
      apply(orgId, c, record.effects(), now);
    }
    if (verdict.takeLock()) {
      org.initialLocks.put(c.phone, new SendFacts.InitialLock(c.actionId, now));
    }
    return messages.data().find(orgId, messageId).orElseThrow();
  }

  Conversation update(
      String orgId,
      long conversationId,
      Optional<String> texterId,
      ConversationUpdate u,
      Instant now) {
    ConvOrg org = conversations.org(orgId);
    ConvData c = found(org, conversationId);
    EditRule.decide(
            c.id, Optional.ofNullable(c.texterId), c.status, c.contactWroteLast, texterId, u)
        .ifPresent(status -> c.status = status);
    apply(orgId, c, u, now);
    c.updatedAt = now;
    return conversations.snapshot(orgId, c);
  }

  /** Applies tags, fields, report and read mark, writing the events the rule gives. */
  private void apply(String orgId, ConvData c, ConversationUpdate u, Instant now) {
    Effects effects = EffectRule.decide(c.id, c.actionId, c.tags, c.fields, u);
    c.tags.addAll(effects.addTags());
    c.tags.removeAll(effects.removeTags());
    c.fields.putAll(effects.setFields());
    effects.report().ifPresent(r -> c.report = r);
    if (effects.markRead()) {
      c.unread = false;
    }
    effects.changes().forEach(change -> store.emit(orgId, now, change));
  }

  InboundOutcome receive(
      String orgId, String gatewayId, InboundMessage in, boolean optOut, Instant now) {
    ConvOrg org = conversations.org(orgId);
    Optional<Long> existing = messages.data().idOf(gatewayId, in.carrierMessageId());
    if (existing.isPresent()) {
      long id = existing.get();
      return new InboundOutcome(false, id, conversationOf(id));
    }
    messages.data().recordInbound(orgId, gatewayId, in, now);
    long messageId = messages.data().idOf(gatewayId, in.carrierMessageId()).orElseThrow();
    Optional<ConvData> target =
        org.byPhone.getOrDefault(in.from(), List.of()).stream()
            .filter(ConvData::started)
            .max(
                Comparator.comparing((ConvData c) -> in.to().equals(c.sender))
                    .thenComparing(
                        c -> c.lastMessageAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparingLong(c -> c.id));
    Optional<InboundRule.Routed> routed =
        target.map(
            c ->
                new InboundRule.Routed(
                    c.id, c.actionId, Optional.ofNullable(c.texterId), c.status));
    if (target.isEmpty()) {
      org.unrouted.add(messageId);
    } else {
      ConvData c = target.get();
      c.messageIds.add(messageId);
      links.put(messageId, c.id);
      messages
          .data()
          .link(messageId, new InMemoryMessages.Link(c.id, c.actionId, c.texterId, null));
      InboundRule.Verdict verdict = InboundRule.decide(c.status, optOut);
      verdict.moveTo().ifPresent(status -> c.status = status);
      if (verdict.unread()) {
        c.unread = true;
      }
      c.lastMessageAt = now;
      c.updatedAt = now;
      c.replied = true;
      c.contactWroteLast = true;
    }
    boolean optedOutNow = optOut && optOutQuietly(org, in.from(), OptOutSource.KEYWORD, now);
    InboundRule.changes(messageId, in, routed, optedOutNow)
        .forEach(change -> store.emit(orgId, now, change));
    return new InboundOutcome(
        true,
        messageId,
        routed.map(r -> OptionalLong.of(r.conversationId())).orElse(OptionalLong.empty()));
  }

  private OptionalLong conversationOf(long messageId) {
    Long id = links.get(messageId);
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  boolean optOut(String orgId, String phone, OptOutSource source, Instant now) {
    boolean added = optOutQuietly(conversations.org(orgId), phone, source, now);
    OptOutRule.optedOut(phone, source, added).ifPresent(change -> store.emit(orgId, now, change));
    return added;
  }

  /** Opts the phone out without writing the event; returns whether it was not opted out yet. */
  private static boolean optOutQuietly(
      ConvOrg org, String phone, OptOutSource source, Instant now) {
    if (org.optOuts.containsKey(phone)) {
      return false;
    }
    org.optOuts.put(phone, new OptOut(phone, source, now));
    for (ConvData c : org.byPhone.getOrDefault(phone, List.of())) {
      if (c.status != ConversationStatus.OPTED_OUT) {
        c.status = ConversationStatus.OPTED_OUT;
        c.unread = false;
        c.updatedAt = now;
      }
    }
    return true;
  }

  Optional<MessageOwner> ownerOf(String gatewayId, String carrierMessageId) {
    return messages
        .data()
        .idOf(gatewayId, carrierMessageId)
        .flatMap(id -> messages.data().anyOrg(id))
        .filter(e -> e.getValue().direction() == Direction.OUTBOUND)
        .map(e -> new MessageOwner(e.getKey(), e.getValue().contactPhone()));
  }

  List<Message> messages(String orgId, List<Long> ids, long afterId, int limit) {
    return ids.stream()
        .filter(id -> id > afterId)
        .sorted()
        .limit(limit)
        .map(id -> messages.data().find(orgId, id))
        .flatMap(Optional::stream)
        .toList();
  }

  private static ConvData found(ConvOrg org, long conversationId) {
    ConvData c = org.byId.get(conversationId);
    if (c == null) {
      throw Refusals.noConversation(conversationId);
    }
    return c;
  }
}
