package dev.p2p.store.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sender bindings of the in-memory store: bound by a send ({@link InMemoryConversationWrites})
 * or a receipt ({@link InMemoryMessages}), read by {@link InMemoryMessageStore#findOrganization}.
 * Every method runs under the store's lock; the caller has checked that the organization exists.
 */
final class InMemorySenders {
  /** Binding by (org, gateway, contact). */
  private final Map<String, Binding> bindings = new HashMap<>();

  /** How many contacts are bound to a number, by (org, gateway, number). */
  private final Map<String, Integer> counts = new HashMap<>();

  /** The organizations with a binding for a contact, by (gateway, contact). */
  private final Map<String, Set<String>> orgsByContact = new HashMap<>();

  /** A contact's number and when it was last used. */
  private record Binding(String number, Instant usedAt) {}

  String bind(String orgId, String gatewayId, String contactPhone, List<String> pool, Instant now) {
    Binding current = bindings.get(key(orgId, gatewayId, contactPhone));
    String number =
        current != null && pool.contains(current.number())
            ? current.number()
            : leastBound(orgId, gatewayId, pool);
    record(orgId, gatewayId, contactPhone, number, now);
    return number;
  }

  /** Binds the contact to the number, replacing any other binding, stamped as used now. */
  void record(String orgId, String gatewayId, String contactPhone, String number, Instant now) {
    Binding previous = bindings.put(key(orgId, gatewayId, contactPhone), new Binding(number, now));
    if (previous != null) {
      counts.merge(key(orgId, gatewayId, previous.number()), -1, Integer::sum);
    }
    counts.merge(key(orgId, gatewayId, number), 1, Integer::sum);
    orgsByContact.computeIfAbsent(key(gatewayId, contactPhone), k -> new TreeSet<>()).add(orgId);
  }

  Optional<String> organization(String gatewayId, String ourNumber, String contactPhone) {
    Set<String> orgs = orgsByContact.getOrDefault(key(gatewayId, contactPhone), Set.of());
    String best = null;
    Instant bestAt = Instant.MIN;
    for (String orgId : orgs) {
      Binding b = bindings.get(key(orgId, gatewayId, contactPhone));
      if (b != null && b.number().equals(ourNumber) && b.usedAt().isAfter(bestAt)) {
        best = orgId;
        bestAt = b.usedAt();
      }
    }
    return best != null ? Optional.of(best) : lastUserOf(gatewayId, ourNumber);
  }

  /** No binding for this contact: the organization whose binding used the number last. */
  private Optional<String> lastUserOf(String gatewayId, String ourNumber) {
    String best = null;
    Instant bestAt = Instant.MIN;
    for (Map.Entry<String, Binding> e : bindings.entrySet()) {
      String[] key = e.getKey().split("\u0000", -1);
      Binding b = e.getValue();
      if (key[1].equals(gatewayId) && b.number().equals(ourNumber)) {
        boolean later = b.usedAt().isAfter(bestAt);
        boolean tieLower = b.usedAt().equals(bestAt) && best != null && key[0].compareTo(best) < 0;
        if (later || tieLower) {
          best = key[0];
          bestAt = b.usedAt();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private String leastBound(String orgId, String gatewayId, List<String> pool) {
    return pool.stream()
        .min(Comparator.comparingInt(n -> counts.getOrDefault(key(orgId, gatewayId, n), 0)))
        .orElseThrow(() -> new IllegalArgumentException("the sender pool is empty"));
  }

  private static String key(String... parts) {
    return String.join("\u0000", parts);
  }
}
