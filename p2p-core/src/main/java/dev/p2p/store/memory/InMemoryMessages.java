package dev.p2p.store.memory;

import dev.p2p.conversation.Direction;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.store.support.OutboundFacts;
import dev.p2p.store.support.Refusals;
import dev.p2p.store.support.StatusRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The message operations behind {@link InMemoryMessageStore}. Every method runs under the store's
 * lock; the caller has checked that the organization exists. Messages are immutable records
 * replaced on change.
 */
final class InMemoryMessages {
  private final AtomicLong ids = new AtomicLong();
  private final InMemorySenders senders;
  private final Map<Long, Stored> byId = new HashMap<>();
  private final Map<String, Long> byCarrierId = new HashMap<>();
  private final Map<String, Long> byReference = new HashMap<>();
  // Status updates that came before their send receipt, by gateway and carrier id, in order;
  // the lists in the order of their newest update.
  private final Map<String, List<Early>> early = new LinkedHashMap<>();

  /** A status update waiting for its message's receipt. */
  private record Early(StatusUpdate update, Instant receivedAt) {}

  /** How long an unclaimed early status update is kept. */
  static final Duration EARLY_KEPT = Duration.ofDays(1);

  /** A message and the organization it belongs to. */
  private record Stored(String orgId, Message message) {}

  /**
   * What reports and events need of a conversation's message beyond the message itself.
   *
   * @param texterId who sent it (outbound), or who held the conversation when it arrived (inbound)
   * @param responseMs for a reply sent while the contact wrote last, the time since their message
   */
  record Link(
      long conversationId, long actionId, @Nullable String texterId, @Nullable Long responseMs) {}

  private final Map<Long, Link> links = new HashMap<>();

  /** Links a message to its conversation. */
  void link(long messageId, Link link) {
    links.put(messageId, link);
  }

  /** The message's conversation link, if it has one. */
  Optional<Link> linkOf(long messageId) {
    return Optional.ofNullable(links.get(messageId));
  }

  private final InMemoryStore store;

  InMemoryMessages(InMemorySenders senders, InMemoryStore store) {
    this.senders = senders;
    this.store = store;
  }

  long recordOutbound(String orgId, QueuedMessage m, Instant now) {
    String refKey = key(orgId, m.reference());
    Long existing = byReference.get(refKey);
    if (existing != null) {
      throw Refusals.referenceUsed();
    }
    long id = ids.incrementAndGet();
    Message message = m.recorded(id, now);
    byId.put(id, new Stored(orgId, message));
    byReference.put(refKey, id);
    return id;
  }

  Optional<Message> markSent(String orgId, long messageId, SendReceipt receipt, Instant now) {
    Message m = awaitingSend(orgId, messageId);
    if (m == null) {
      return Optional.empty();
    }
    String carrierKey = key(m.gatewayId(), receipt.carrierMessageId());
    if (byCarrierId.containsKey(carrierKey)) {
      return Optional.empty(); // another message has the carrier id: the core decides
    }
    byCarrierId.put(carrierKey, messageId);
    replace(
        orgId,
        messageId,
        now,
        b -> {
          b.carrierMessageId = Optional.of(receipt.carrierMessageId());
          b.status = receipt.status();
          b.sender = receipt.from().orElse(b.sender);
          b.segments = receipt.segments().orElse(b.segments);
          b.unconfirmed = false;
          return b;
        });
    receipt
        .from()
        .ifPresent(number -> senders.record(orgId, m.gatewayId(), m.contactPhone(), number, now));
    store.emit(orgId, now, StatusRule.receiptStored(facts(messageId)));
    List<Early> waiting = early.remove(carrierKey);
    if (waiting != null) {
      waiting.forEach(e -> applyStatus(m.gatewayId(), e.update(), now));
    }
    return Optional.of(message(messageId));
  }

  Optional<Message> markFailed(
      String orgId,
      long messageId,
      FailureKind failure,
      Optional<String> carrierCode,
      boolean retrySafe,
      Instant now) {
    if (awaitingSend(orgId, messageId) == null) {
      return Optional.empty();
    }
    replace(
        orgId,
        messageId,
        now,
        b -> {
          b.status = retrySafe ? MessageStatus.FAILED : MessageStatus.QUEUED;
          b.unconfirmed = !retrySafe;
          b.failure = Optional.of(failure);
          b.carrierCode = carrierCode;
          return b;
        });
    StatusRule.sendFailed(facts(messageId), failure, carrierCode, retrySafe)
        .ifPresent(change -> store.emit(orgId, now, change));
    return Optional.of(message(messageId));
  }

  boolean applyStatus(String gatewayId, StatusUpdate update, Instant now) {
    String carrierKey = key(gatewayId, update.carrierMessageId());
    Long id = byCarrierId.get(carrierKey);
    Stored stored = id == null ? null : byId.get(id);
    if (stored == null) {
      park(carrierKey, update, now);
      return false;
    }
    if (stored.message().direction() != Direction.OUTBOUND
        || !stored.message().status().canMoveTo(update.status())) {
      return false;
    }
    replace(
        stored.orgId(),
        stored.message().id(),
        now,
        b -> {
          b.status = update.status();
          if (update.error().isPresent()) {
            b.failure = update.error().map(GatewayError::kind);
          }
          if (update.carrierCode().isPresent()) {
            b.carrierCode = update.carrierCode();
          }
          return b;
        });
    long messageId = stored.message().id();
    Message moved = message(messageId);
    StatusRule.moved(facts(messageId), update.status(), moved.failure(), moved.carrierCode())
        .ifPresent(change -> store.emit(stored.orgId(), now, change));
    return true;
  }

  /** What the events of an outbound message say about it. */
  private OutboundFacts facts(long messageId) {
    Message m = message(messageId);
    Optional<Link> link = linkOf(messageId);
    return new OutboundFacts(
        messageId,
        m.reference().orElse(""),
        conversation(link),
        action(link),
        link.flatMap(l -> Optional.ofNullable(l.texterId())),
        m.contactPhone(),
        m.sender(),
        m.carrierMessageId(),
        m.segments());
  }

  private Message message(long id) {
    return Objects.requireNonNull(byId.get(id), "message").message();
  }

  private static OptionalLong conversation(Optional<Link> link) {
    return link.isPresent() ? OptionalLong.of(link.get().conversationId()) : OptionalLong.empty();
  }

  private static OptionalLong action(Optional<Link> link) {
    return link.isPresent() ? OptionalLong.of(link.get().actionId()) : OptionalLong.empty();
  }

  /** Keeps an update for a message whose receipt is not stored yet; prunes unclaimed old ones. */
  private void park(String carrierKey, StatusUpdate update, Instant now) {
    prune(now.minus(EARLY_KEPT));
    List<Early> waiting = early.computeIfAbsent(carrierKey, k -> new ArrayList<>());
    if (waiting.stream().noneMatch(e -> e.update().status() == update.status())) {
      waiting.add(new Early(update, now));
      // Moved last, so that the map stays in the order of each list's newest update.
      early.remove(carrierKey);
      early.put(carrierKey, waiting);
    }
  }

  /**
   * Drops the lists whose newest update came before the cutoff: those at the head of the map, so a
   * park costs what it prunes rather than a walk over every parked update.
   */
  private void prune(Instant cutoff) {
    Iterator<List<Early>> lists = early.values().iterator();
    while (lists.hasNext()) {
      List<Early> list = lists.next();
      if (!list.get(list.size() - 1).receivedAt().isBefore(cutoff)) {
        return;
      }
      lists.remove();
    }
  }

  boolean recordInbound(String orgId, String gatewayId, InboundMessage in, Instant now) {
    String carrierKey = key(gatewayId, in.carrierMessageId());
    if (byCarrierId.containsKey(carrierKey)) {
      return false;
    }
    long id = ids.incrementAndGet();
    Message message =
        new Message(
            id,
            Direction.INBOUND,
            gatewayId,
            Optional.empty(),
            Optional.of(in.carrierMessageId()),
            in.to(),
            in.from(),
            in.body(),
            in.truncated(),
            in.media(),
            0,
            MessageStatus.RECEIVED,
            false,
            Optional.empty(),
            Optional.empty(),
            now,
            now);
    byId.put(id, new Stored(orgId, message));
    byCarrierId.put(carrierKey, id);
    return true;
  }

  Optional<Message> find(String orgId, long messageId) {
    Stored stored = byId.get(messageId);
    return stored != null && stored.orgId().equals(orgId)
        ? Optional.of(stored.message())
        : Optional.empty();
  }

  List<Message> awaitingReceipt(String orgId, Instant changedBy, long afterId, int limit) {
    return byId.values().stream()
        .filter(s -> s.orgId().equals(orgId))
        .map(Stored::message)
        .filter(m -> m.id() > afterId && !m.updatedAt().isAfter(changedBy))
        .filter(m -> awaitingSend(orgId, m.id()) != null)
        .sorted(Comparator.comparingLong(Message::id))
        .limit(limit)
        .toList();
  }

  /** The id of the message with this gateway and carrier id, in any organization. */
  Optional<Long> idOf(String gatewayId, String carrierMessageId) {
    return Optional.ofNullable(byCarrierId.get(key(gatewayId, carrierMessageId)));
  }

  /** The organization and message with this id, in any organization. */
  Optional<Map.Entry<String, Message>> anyOrg(long messageId) {
    Stored stored = byId.get(messageId);
    return stored == null
        ? Optional.empty()
        : Optional.of(Map.entry(stored.orgId(), stored.message()));
  }

  /** The message if it belongs to the organization and awaits its receipt or failure. */
  private @Nullable Message awaitingSend(String orgId, long messageId) {
    return find(orgId, messageId)
        .filter(m -> m.direction() == Direction.OUTBOUND)
        .filter(m -> m.status() == MessageStatus.QUEUED && m.carrierMessageId().isEmpty())
        .orElse(null);
  }

  private void replace(String orgId, long id, Instant now, UnaryOperator<Draft> change) {
    Message m = Objects.requireNonNull(byId.get(id), "message").message();
    Draft d = change.apply(new Draft(m));
    byId.put(
        id,
        new Stored(
            orgId,
            new Message(
                id,
                m.direction(),
                m.gatewayId(),
                m.reference(),
                d.carrierMessageId,
                d.sender,
                m.contactPhone(),
                m.body(),
                m.truncated(),
                m.media(),
                d.segments,
                d.status,
                d.unconfirmed,
                d.failure,
                d.carrierCode,
                m.createdAt(),
                now)));
  }

  private static String key(String scope, String id) {
    return scope + '\u0000' + id;
  }

  /** The changeable parts of a message. */
  private static final class Draft {
    Optional<String> carrierMessageId;
    String sender;
    int segments;
    MessageStatus status;
    boolean unconfirmed;
    Optional<FailureKind> failure;
    Optional<String> carrierCode;

    Draft(Message m) {
      carrierMessageId = m.carrierMessageId();
      sender = m.sender();
      segments = m.segments();
      status = m.status();
      unconfirmed = m.unconfirmed();
      failure = m.failure();
      carrierCode = m.carrierCode();
    }
  }
}
