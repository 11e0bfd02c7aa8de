package dev.p2p.store.memory;

import dev.p2p.action.Action;
import dev.p2p.contact.Contact;
import dev.p2p.event.Change.AssignmentChanged.Reason;
import dev.p2p.internal.TextingWindows;
import dev.p2p.store.ClaimRequest;
import dev.p2p.store.support.AssignmentRule;
import dev.p2p.store.support.IdOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The in-memory pool and assignment operations, each under the store's lock. */
final class InMemoryAssignments {
  private final InMemoryStore store;
  private final InMemoryConversationStore conversations;

  InMemoryAssignments(InMemoryStore store, InMemoryConversationStore conversations) {
    this.store = store;
    this.conversations = conversations;
  }

  int openPool(String orgId, long actionId, Instant now) {
    return store.locked(
        () -> {
          ConvOrg org = conversations.org(orgId);
          Action action = conversations.action(orgId, actionId);
          org.windowKeys.computeIfAbsent(actionId, a -> new TreeSet<>());
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
                      conversations.nextId(),
                      actionId,
                      contact.id(),
                      contact.phone(),
                      TextingWindows.key(contact.details()),
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
  private static @Nullable String earlierTexter(ConvOrg org, String phone, long actionId) {
    return org.byPhone.getOrDefault(phone, List.of()).stream()
        .filter(c -> c.actionId < actionId && c.texterId != null)
        .max(Comparator.comparingLong((ConvData c) -> c.actionId).thenComparingLong(c -> c.id))
        .map(c -> c.texterId)
        .orElse(null);
  }

  List<Long> claim(
      String orgId, long actionId, String texterId, ClaimRequest request, Instant now) {
    return store.locked(
        () -> {
          ConvOrg org = conversations.org(orgId);
          Collection<ConvData> pool = org.action(actionId).values();
          int room = request.count();
          if (request.maxHeld() > 0) {
            long held = pool.stream().filter(c -> texterId.equals(c.texterId)).count();
            room = (int) Math.max(0, Math.min(room, request.maxHeld() - held));
          }
          Stream<ConvData> free =
              pool.stream()
                  .filter(c -> c.texterId == null && c.waiting())
                  .filter(c -> !org.blocked(c.phone))
                  .filter(c -> request.windowKeys().contains(c.windowKey))
                  .filter(c -> !org.lockedByAnother(c, request.lockedAfter()));
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
          List<Long> ids = chosen.stream().map(c -> c.id).sorted().toList();
          moved(orgId, actionId, Reason.CLAIMED, Optional.of(texterId), Optional.empty(), ids, now);
          return ids;
        });
  }

  /** Writes the assignment events of a move, as {@link AssignmentRule} gives them. */
  private void moved(
      String orgId,
      long actionId,
      Reason reason,
      Optional<String> to,
      Optional<String> from,
      List<Long> ids,
      Instant now) {
    AssignmentRule.moved(actionId, reason, to, from, ids)
        .forEach(change -> store.emit(orgId, now, change));
  }

  private static void assign(ConvData c, String texterId, Instant now) {
    c.texterId = texterId;
    c.updatedAt = now;
  }

  Map<String, Integer> assignAll(
      String orgId,
      long actionId,
      List<String> texterIds,
      int maxPerTexter,
      boolean keep,
      Instant now) {
    return store.locked(
        () -> {
          ConvOrg org = conversations.org(orgId);
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
                  .filter(c -> c.texterId == null && c.waiting() && !org.blocked(c.phone))
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
          SortedSet<String> byId = new TreeSet<>(IdOrder.CODE_POINTS);
          byId.addAll(texterIds);
          for (String t : byId) {
            List<Long> ids =
                free.stream().filter(c -> t.equals(c.texterId)).map(c -> c.id).toList();
            moved(orgId, actionId, Reason.ASSIGNED, Optional.of(t), Optional.empty(), ids, now);
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

  int reassign(String orgId, long actionId, String fromTexter, String toTexter, Instant now) {
    return store.locked(
        () -> {
          List<ConvData> moving =
              conversations.org(orgId).action(actionId).values().stream()
                  .filter(c -> fromTexter.equals(c.texterId))
                  .toList();
          moving.forEach(c -> assign(c, toTexter, now));
          moved(
              orgId,
              actionId,
              Reason.REASSIGNED,
              Optional.of(toTexter),
              Optional.of(fromTexter),
              moving.stream().map(c -> c.id).toList(),
              now);
          return moving.size();
        });
  }

  int release(String orgId, long actionId, String texterId, Instant now) {
    return store.locked(
        () -> {
          List<ConvData> released =
              conversations.org(orgId).action(actionId).values().stream()
                  .filter(c -> texterId.equals(c.texterId) && c.waiting())
                  .toList();
          for (ConvData c : released) {
            c.texterId = null;
            if (texterId.equals(c.earlierTexter)) {
              c.earlierTexter = null;
            }
            c.updatedAt = now;
          }
          moved(
              orgId,
              actionId,
              Reason.RELEASED,
              Optional.empty(),
              Optional.of(texterId),
              released.stream().map(c -> c.id).toList(),
              now);
          return released.size();
        });
  }
}
