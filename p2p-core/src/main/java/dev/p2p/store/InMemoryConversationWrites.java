package dev.p2p.store;

import dev.p2p.ForbiddenException;
import dev.p2p.NotFoundException;
import dev.p2p.OptedOutException;
import dev.p2p.ValidationException;
import dev.p2p.action.ActionStatus;
import dev.p2p.contact.Phones;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.Message;
import dev.p2p.event.Change;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.optout.OptOut;
import dev.p2p.optout.OptOutSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

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

  long recordSend(String orgId, SendRecord record, Instant now) {
    ConvOrg org = conversations.org(orgId);
    ConvData c = found(org, record.conversationId());
    if (record.kind() != SendRecord.Kind.AUTOMATIC) {
      checkTexter(c, record.texterId());
      ActionStatus actionStatus = conversations.action(orgId, c.actionId).status();
      if (actionStatus != ActionStatus.PUBLISHED) {
        throw ValidationException.of(
            "status", "the action is " + actionStatus + ": only a published action sends");
      }
      if (org.optOuts.containsKey(c.phone)) {
        throw new OptedOutException(Phones.mask(c.phone));
      }
      if (org.invalid.contains(c.phone)) {
        throw ValidationException.of(
            "contactPhone", "was marked invalid by the carrier: it cannot receive texts");
      }
      checkStatus(org, c, record, now);
    }
    long messageId = messages.data().recordOutbound(orgId, record.message(), now);
    c.messageIds.add(messageId);
    links.put(messageId, c.id);
    Instant lastMessageAt = c.lastMessageAt;
    Long responseMs =
        record.kind() == SendRecord.Kind.REPLY && c.contactWroteLast && lastMessageAt != null
            ? Duration.between(lastMessageAt, now).toMillis()
            : null;
    messages
        .data()
        .link(
            messageId,
            new InMemoryMessages.Link(
                c.id, c.actionId, record.texterId().orElse(null), responseMs));
    if (record.kind() == SendRecord.Kind.INITIAL) {
      c.variant = record.variant();
      c.initialSegments = record.message().segments();
    }
    c.lastMessageAt = now;
    c.updatedAt = now;
    if (record.kind() != SendRecord.Kind.AUTOMATIC) {
      c.status = ConversationStatus.AWAITING_REPLY;
      c.unread = false;
      c.contactWroteLast = false;
      if (c.sender == null) {
        c.sender = record.message().sender();
      }
      apply(orgId, c, record.effects(), now);
    }
    if (record.kind() == SendRecord.Kind.INITIAL) {
      org.initialLocks.put(c.phone, new ConvOrg.InitialLock(c.actionId, now));
    }
    return messageId;
  }

  private static void checkStatus(ConvOrg org, ConvData c, SendRecord record, Instant now) {
    if (record.kind() == SendRecord.Kind.INITIAL) {
      if (c.started()) {
        throw ValidationException.of(
            "status", "the conversation's first message was sent already (" + c.status + ")");
      }
      ConvOrg.InitialLock lock = org.initialLocks.get(c.phone);
      if (!record.lockWindow().isZero()
          && lock != null
          && lock.actionId() != c.actionId
          && lock.at().isAfter(now.minus(record.lockWindow()))) {
        throw ValidationException.of(
            "contactPhone",
            "got an initial message from action "
                + lock.actionId()
                + " within the organization's lock window of "
                + record.lockWindow().toHours()
                + " hours");
      }
    } else if (c.status != ConversationStatus.AWAITING_REPLY
        && c.status != ConversationStatus.NEEDS_ATTENTION) {
      throw ValidationException.of(
          "status", "a reply needs a started, open conversation; this one is " + c.status);
    }
  }

  Conversation update(
      String orgId,
      long conversationId,
      Optional<String> texterId,
      ConversationUpdate u,
      Instant now) {
    ConvOrg org = conversations.org(orgId);
    ConvData c = found(org, conversationId);
    if (texterId.isPresent()) {
      checkTexter(c, texterId);
    }
    if (u.closed().isPresent()) {
      if (u.closed().get()) {
        if (c.status != ConversationStatus.AWAITING_REPLY
            && c.status != ConversationStatus.NEEDS_ATTENTION
            && c.status != ConversationStatus.CLOSED) {
          throw ValidationException.of(
              "status", "only a started, open conversation can be closed; this one is " + c.status);
        }
        c.status = ConversationStatus.CLOSED;
      } else if (c.status == ConversationStatus.CLOSED) {
        c.status =
            c.contactWroteLast
                ? ConversationStatus.NEEDS_ATTENTION
                : ConversationStatus.AWAITING_REPLY;
      }
    }
    apply(orgId, c, u, now);
    c.updatedAt = now;
    return conversations.snapshot(orgId, c);
  }

  /** Applies tags, fields, report and read mark, writing an event for each real change. */
  private void apply(String orgId, ConvData c, ConversationUpdate u, Instant now) {
    for (String tag : new TreeSet<>(u.addTags())) {
      if (c.tags.add(tag)) {
        store.emit(orgId, now, new Change.TagAdded(c.id, c.actionId, tag));
      }
    }
    for (String tag : new TreeSet<>(u.removeTags())) {
      if (c.tags.remove(tag)) {
        store.emit(orgId, now, new Change.TagRemoved(c.id, c.actionId, tag));
      }
    }
    new TreeMap<>(u.setFields())
        .forEach(
            (name, value) -> {
              if (!value.equals(c.fields.put(name, value))) {
                store.emit(orgId, now, new Change.FieldSet(c.id, c.actionId, name, value));
              }
            });
    u.report()
        .ifPresent(
            r -> {
              c.report = r;
              store.emit(orgId, now, new Change.ReportFiled(c.id, c.actionId, r));
            });
    if (u.markRead()) {
      c.unread = false;
    }
  }

  InboundOutcome receive(
      String orgId, String gatewayId, InboundMessage in, boolean optOut, Instant now) {
    ConvOrg org = conversations.org(orgId);
    Optional<Long> existing = messages.data().idOf(gatewayId, in.carrierMessageId());
    if (existing.isPresent()) {
      long id = existing.get();
      return new InboundOutcome(false, id, conversationOf(id));
    }
    // The opt-out applies first (the conversation must not turn to needing attention), and its
    // event is written after message.received, in the order a reader expects.
    boolean optedOut = optOut && optOutQuietly(org, in.from(), OptOutSource.KEYWORD, now);
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
    if (target.isEmpty()) {
      org.unrouted.add(messageId);
      received(orgId, messageId, optedOut, in.from(), now);
      return new InboundOutcome(true, messageId, OptionalLong.empty());
    }
    ConvData c = target.get();
    c.messageIds.add(messageId);
    links.put(messageId, c.id);
    messages.data().link(messageId, new InMemoryMessages.Link(c.id, c.actionId, c.texterId, null));
    c.lastMessageAt = now;
    c.updatedAt = now;
    c.replied = true;
    c.contactWroteLast = true;
    if (c.status != ConversationStatus.OPTED_OUT) {
      c.status = ConversationStatus.NEEDS_ATTENTION;
      c.unread = true;
    }
    received(orgId, messageId, optedOut, in.from(), now);
    return new InboundOutcome(true, messageId, OptionalLong.of(c.id));
  }

  private void received(String orgId, long messageId, boolean optedOut, String phone, Instant now) {
    messages.data().emitReceived(orgId, messageId, now);
    if (optedOut) {
      store.emit(orgId, now, new Change.ContactOptedOut(phone, OptOutSource.KEYWORD));
    }
  }

  private OptionalLong conversationOf(long messageId) {
    Long id = links.get(messageId);
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  boolean optOut(String orgId, String phone, OptOutSource source, Instant now) {
    boolean added = optOutQuietly(conversations.org(orgId), phone, source, now);
    if (added) {
      store.emit(orgId, now, new Change.ContactOptedOut(phone, source));
    }
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
      c.status = ConversationStatus.OPTED_OUT;
      c.updatedAt = now;
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
      throw new NotFoundException("conversation", conversationId);
    }
    return c;
  }

  private static void checkTexter(ConvData c, Optional<String> texterId) {
    if (texterId.isEmpty() || !texterId.get().equals(c.texterId)) {
      throw new ForbiddenException(
          "conversation " + c.id + " is not assigned to texter " + texterId.orElse("-"));
    }
  }
}
