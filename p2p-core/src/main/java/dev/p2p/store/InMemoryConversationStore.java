package dev.p2p.store;

import dev.p2p.NotFoundException;
import dev.p2p.action.Action;
import dev.p2p.assign.Target;
import dev.p2p.contact.Contact;
import dev.p2p.contact.ContactDetails;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.InboxCounts;
import dev.p2p.conversation.InboxFilter;
import dev.p2p.conversation.Message;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.optout.OptOut;
import dev.p2p.optout.OptOutSource;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** The in-memory {@link ConversationStore}: pool, assignment and reads, under the store's lock. */
final class InMemoryConversationStore implements ConversationStore {
  private final InMemoryStore store;
  private final Map<String, ConvOrg> orgs = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final InMemoryConversationWrites writes;

  InMemoryConversationStore(InMemoryStore store, InMemoryMessageStore messages) {
    this.store = store;
    this.writes = new InMemoryConversationWrites(store, messages, this);
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

  static String windowKey(ContactDetails d) {
    return d.timeZone().map(ZoneId::getId).orElse("")
        + "|"
        + d.areaCodeState().orElse("")
        + "|"
        + d.zipState().orElse("");
  }

  @Override
  public int openPool(String orgId, long actionId, Instant now) {
    return store.locked(
        () -> {
          ConvOrg org = org(orgId);
          Action action = action(orgId, actionId);
          org.windowKeys.computeIfAbsent(actionId, a -> new java.util.TreeSet<>());
          OptionalLong listId = action.spec().contactListId();
          if (listId.isEmpty()) {
            return 0;
          }
          // Contacts added to the list since the last opening join the pool too.
          long after = org.pooledThrough.getOrDefault(actionId, 0L);
          int created = 0;
          List<Contact> page;
          while (!(page = store.contacts(orgId, listId.getAsLong(), after, 1_000)).isEmpty()) {
            for (Contact contact : page) {
              String earlier = earlierTexter(org, contact.phone(), actionId);
              org.add(
                  new ConvData(
                      ids.incrementAndGet(),
                      actionId,
                      contact.id(),
                      contact.phone(),
                      windowKey(contact.details()),
                      earlier,
                      now));
              created++;
              after = contact.id();
            }
          }
          org.pooledThrough.put(actionId, after);
          return created;
        });
  }

  /** The texter of the phone's conversation in the latest earlier action that assigned one. */
  private static @org.jspecify.annotations.Nullable String earlierTexter(
      ConvOrg org, String phone, long actionId) {
    return org.byPhone.getOrDefault(phone, List.of()).stream()
        .filter(c -> c.actionId < actionId && c.texterId != null)
        .max(Comparator.comparingLong((ConvData c) -> c.actionId).thenComparingLong(c -> c.id))
        .map(c -> c.texterId)
        .orElse(null);
  }

  @Override
  public Set<String> windowKeys(String orgId, long actionId) {
    return store.locked(() -> Set.copyOf(org(orgId).windowKeys.getOrDefault(actionId, Set.of())));
  }

  @Override
  public List<Long> claim(
      String orgId, long actionId, String texterId, ClaimRequest request, Instant now) {
    return store.locked(
        () -> {
          ConvOrg org = org(orgId);
          Collection<ConvData> pool = org.action(actionId).values();
          int room = request.count();
          if (request.maxHeld() > 0) {
            long held = pool.stream().filter(c -> texterId.equals(c.texterId)).count();
            room = (int) Math.max(0, Math.min(room, request.maxHeld() - held));
          }
          Stream<ConvData> free =
              pool.stream()
                  .filter(c -> c.texterId == null && !c.started())
                  .filter(c -> !org.blocked(c.phone))
                  .filter(c -> request.windowKeys().contains(c.windowKey));
          if (request.keepTargets().isPresent()) {
            Set<String> keep = request.keepTargets().get();
            free =
                free.filter(
                        c ->
                            c.earlierTexter == null
                                || c.earlierTexter.equals(texterId)
                                || !keep.contains(c.earlierTexter))
                    .sorted(
                        Comparator.comparing((ConvData c) -> !texterId.equals(c.earlierTexter))
                            .thenComparingLong(c -> c.id));
          }
          List<ConvData> chosen = free.limit(room).toList();
          chosen.forEach(c -> assign(c, texterId, now));
          return chosen.stream().map(c -> c.id).sorted().toList();
        });
  }

  private static void assign(ConvData c, String texterId, Instant now) {
    c.texterId = texterId;
    c.updatedAt = now;
  }

  @Override
  public Map<String, Integer> assignAll(
      String orgId,
      long actionId,
      List<String> texterIds,
      int maxPerTexter,
      boolean keep,
      Instant now) {
    return store.locked(
        () -> {
          ConvOrg org = org(orgId);
          Map<String, Integer> got = new LinkedHashMap<>();
          Map<String, Long> held = new LinkedHashMap<>();
          for (String t : texterIds) {
            got.put(t, 0);
            held.put(
                t,
                org.action(actionId).values().stream().filter(c -> t.equals(c.texterId)).count());
          }
          List<ConvData> free =
              org.action(actionId).values().stream()
                  .filter(c -> c.texterId == null && !c.started() && !org.blocked(c.phone))
                  .toList();
          List<ConvData> rest = new ArrayList<>();
          for (ConvData c : free) {
            if (keep && c.earlierTexter != null && got.containsKey(c.earlierTexter)) {
              if (give(c, c.earlierTexter, maxPerTexter, got, held, now)) {
                continue;
              }
            }
            rest.add(c);
          }
          int next = 0;
          for (ConvData c : rest) {
            for (int tried = 0; tried < texterIds.size(); tried++) {
              String t = texterIds.get(next);
              next = (next + 1) % texterIds.size();
              if (give(c, t, maxPerTexter, got, held, now)) {
                break;
              }
            }
          }
          return got;
        });
  }

  private static boolean give(
      ConvData c,
      String texterId,
      int cap,
      Map<String, Integer> got,
      Map<String, Long> held,
      Instant now) {
    long has = held.getOrDefault(texterId, 0L);
    if (cap > 0 && has >= cap) {
      return false;
    }
    assign(c, texterId, now);
    held.put(texterId, has + 1);
    got.merge(texterId, 1, Integer::sum);
    return true;
  }

  @Override
  public int reassign(
      String orgId, long actionId, String fromTexter, String toTexter, Instant now) {
    return store.locked(
        () -> {
          List<ConvData> moving =
              org(orgId).action(actionId).values().stream()
                  .filter(c -> fromTexter.equals(c.texterId))
                  .toList();
          moving.forEach(c -> assign(c, toTexter, now));
          return moving.size();
        });
  }

  @Override
  public int release(String orgId, long actionId, String texterId, Instant now) {
    return store.locked(
        () -> {
          List<ConvData> released =
              org(orgId).action(actionId).values().stream()
                  .filter(c -> texterId.equals(c.texterId) && !c.started())
                  .toList();
          for (ConvData c : released) {
            c.texterId = null;
            if (texterId.equals(c.earlierTexter)) {
              c.earlierTexter = null;
            }
            c.updatedAt = now;
          }
          return released.size();
        });
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
      String orgId, long actionId, String texterId, Set<String> windowKeys) {
    return store.locked(
        () -> {
          ConvOrg org = org(orgId);
          return org.action(actionId).values().stream()
              .filter(c -> texterId.equals(c.texterId) && !c.started())
              .filter(c -> !org.blocked(c.phone) && windowKeys.contains(c.windowKey))
              .findFirst()
              .map(c -> snapshot(orgId, c));
        });
  }

  @Override
  public List<Conversation> inbox(String orgId, InboxQuery q) {
    return store.locked(
        () ->
            mine(orgId, q.texterId(), q.actionId())
                .filter(c -> q.after().map(p -> before(c, p)).orElse(true))
                .filter(c -> shows(q.filter(), c))
                .sorted(
                    Comparator.comparing((Conversation c) -> c.lastMessageAt().orElseThrow())
                        .thenComparingLong(Conversation::id)
                        .reversed())
                .limit(q.limit())
                .toList());
  }

  private static boolean before(Conversation c, InboxQuery.Position p) {
    Instant at = c.lastMessageAt().orElseThrow();
    int cmp = at.compareTo(p.lastMessageAt());
    return cmp < 0 || (cmp == 0 && c.id() < p.conversationId());
  }

  private static boolean shows(InboxFilter filter, Conversation c) {
    switch (filter) {
      case NEEDS_ATTENTION:
        return c.needsAttention();
      case UNREAD:
        return c.unread();
      default:
        return true;
    }
  }

  private Stream<Conversation> mine(String orgId, String texterId, OptionalLong actionId) {
    ConvOrg org = org(orgId);
    Collection<ConvData> scope =
        actionId.isPresent() ? org.action(actionId.getAsLong()).values() : org.byId.values();
    Map<Long, Boolean> reports = new java.util.HashMap<>();
    return scope.stream()
        .filter(c -> texterId.equals(c.texterId) && c.started())
        .map(c -> c.snapshot(reports.computeIfAbsent(c.actionId, a -> reportRequired(orgId, a))));
  }

  @Override
  public InboxCounts inboxCounts(String orgId, String texterId, OptionalLong actionId) {
    return store.locked(
        () -> {
          List<Conversation> started = mine(orgId, texterId, actionId).toList();
          ConvOrg org = org(orgId);
          Collection<ConvData> scope =
              actionId.isPresent() ? org.action(actionId.getAsLong()).values() : org.byId.values();
          long toSend =
              scope.stream().filter(c -> texterId.equals(c.texterId) && !c.started()).count();
          return new InboxCounts(
              started.size(),
              started.stream().filter(Conversation::needsAttention).count(),
              started.stream().filter(Conversation::unread).count(),
              toSend);
        });
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
  public long recordSend(String orgId, SendRecord record, Instant now) {
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
