package dev.p2p.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sender-binding operations behind {@link InMemoryMessageStore}. Every method runs under the
 * store's lock; the caller has checked that the organization exists.
 */
final class InMemorySenders {
  /** Binding by (org, gateway, contact). */
  private final Map<String, Binding> bindings = new HashMap<>();

  /** How many contacts are bound to a number, by (org, gateway, number). */
  private final Map<String, Integer> counts = new HashMap<>();

  /** The organizations with a binding for a contact, by (gateway, contact). */
  private final Map<String, Set<String>> orgsByContact = new HashMap<>();

  /** The organization that used a number last, by (gateway, number); ties go to the lower id. */
  private final Map<String, Use> lastUseOfNumber = new HashMap<>();

  /** An organization's use of a number. */
  private record Use(String orgId, Instant at) {}

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
    lastUseOfNumber.merge(
        key(gatewayId, number),
        new Use(orgId, now),
        (old, use) ->
            use.at().isAfter(old.at())
                    || (use.at().equals(old.at()) && use.orgId().compareTo(old.orgId()) < 0)
                ? use
                : old);
  }

  Optional<String> find(String orgId, String gatewayId, String contactPhone) {
    return Optional.ofNullable(bindings.get(key(orgId, gatewayId, contactPhone)))
        .map(Binding::number);
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
    if (best == null) {
      // No binding for this contact: the organization that used the number last.
      return Optional.ofNullable(lastUseOfNumber.get(key(gatewayId, ourNumber))).map(Use::orgId);
    }
    return Optional.of(best);
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
