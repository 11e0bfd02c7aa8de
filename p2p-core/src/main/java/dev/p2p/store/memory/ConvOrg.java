package dev.p2p.store.memory;

import dev.p2p.assign.Target;
import dev.p2p.optout.OptOut;
import dev.p2p.store.support.SendFacts;
import dev.p2p.store.support.SendRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** One organization's texting data in the in-memory store; used under the store's lock only. */
final class ConvOrg {
  final TreeMap<Long, ConvData> byId = new TreeMap<>();
  final Map<Long, TreeMap<Long, ConvData>> byAction = new HashMap<>();
  final Map<String, List<ConvData>> byPhone = new HashMap<>();
  final Map<Long, Long> pooledThrough = new HashMap<>();
  final Map<Long, Set<String>> windowKeys = new HashMap<>();
  final Map<Long, LinkedHashSet<Target>> targets = new HashMap<>();
  final Map<Long, String> joinTokens = new HashMap<>();
  final TreeMap<String, OptOut> optOuts = new TreeMap<>();
  final Set<String> invalid = new HashSet<>();
  final Map<String, SendFacts.InitialLock> initialLocks = new HashMap<>();
  final TreeSet<Long> unrouted = new TreeSet<>();

  TreeMap<Long, ConvData> action(long actionId) {
    return byAction.computeIfAbsent(actionId, a -> new TreeMap<>());
  }

  boolean blocked(String phone) {
    return optOuts.containsKey(phone) || invalid.contains(phone);
  }

  /** Whether another action's initial message to the conversation's phone came after the cutoff. */
  boolean lockedByAnother(ConvData c, Optional<Instant> lockedAfter) {
    return SendRule.lockedAfter(
        Optional.ofNullable(initialLocks.get(c.phone)), c.actionId, lockedAfter);
  }

  void add(ConvData c) {
    byId.put(c.id, c);
    action(c.actionId).put(c.id, c);
    byPhone.computeIfAbsent(c.phone, p -> new ArrayList<>()).add(c);
    windowKeys.computeIfAbsent(c.actionId, a -> new TreeSet<>()).add(c.windowKey);
  }
}
