package dev.p2p.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.p2p.TextingSettings;
import dev.p2p.action.Action;
import dev.p2p.assign.Target;
import dev.p2p.gateway.SenderNumbers;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.store.Store;
import dev.p2p.texter.GroupKind;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Internal: what p2p's texting code shares per {@code P2P}: the store, the clock, the registered
 * gateways, the sticky sender numbers, and short-lived caches of settings and window keys (briefly
 * stale is safe for them: every rule is checked again in the store's transaction). Thread-safe.
 */
public final class Texting {
  private final Store store;
  private final Clock clock;
  private final Map<String, SmsGateway> gateways;
  private final SenderNumbers senders;
  private final Cache<String, TextingSettings> settings =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(5)).build();
  private final Cache<String, Set<String>> windowKeys =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();
  // Re-opened now and then, so that contacts added to a live action's list join its pool.
  private final Cache<String, Boolean> openPools =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

  /** Internal: built by {@code P2P}. */
  public Texting(Store store, Clock clock, Map<String, SmsGateway> gateways) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.gateways = Map.copyOf(gateways);
    this.senders = new SenderNumbers(store, clock);
  }

  /** The store. */
  public Store store() {
    return store;
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }

  /** The registered (resilient) gateway with this id. */
  public Optional<SmsGateway> gateway(String id) {
    return Optional.ofNullable(gateways.get(id));
  }

  /** The sticky sender numbers. */
  public SenderNumbers senders() {
    return senders;
  }

  /** The organization's settings (cached for a few seconds). */
  public TextingSettings settings(String orgId) {
    return settings.get(
        orgId,
        id ->
            store
                .conversations()
                .settings(id)
                .map(SettingsJson::read)
                .orElse(TextingSettings.DEFAULTS));
  }

  /** Saves the organization's settings. */
  public void saveSettings(String orgId, TextingSettings updated) {
    store.conversations().saveSettings(orgId, SettingsJson.write(updated), clock.instant());
    settings.put(orgId, updated);
  }

  /**
   * Opens the live action's pool, at most once a minute per action (the store's opening is
   * idempotent and adds only contacts added since).
   */
  public void ensurePool(String orgId, long actionId) {
    String key = orgId + '\u0000' + actionId;
    if (openPools.getIfPresent(key) == null) {
      store.conversations().openPool(orgId, actionId, clock.instant());
      openPools.put(key, Boolean.TRUE);
    }
  }

  /** The action's window keys that are inside texting hours now. */
  public Set<String> openKeys(String orgId, Action action) {
    String key = orgId + '\u0000' + action.id();
    Set<String> keys = windowKeys.getIfPresent(key);
    if (keys == null) {
      keys = store.conversations().windowKeys(orgId, action.id());
      if (!keys.isEmpty()) {
        windowKeys.put(key, keys);
      }
    }
    return TextingWindows.openKeys(
        keys, action.spec().textingHours(), settings(orgId), clock.instant());
  }

  /** Every texter the action's targets name now: direct texters and group members. */
  public Set<String> targetTexters(String orgId, long actionId) {
    Set<String> texters = new LinkedHashSet<>();
    for (Target target : store.conversations().targets(orgId, actionId)) {
      switch (target.kind()) {
        case TEXTER:
          texters.add(target.id());
          break;
        case TEAM:
          texters.addAll(store.members(orgId, GroupKind.TEAM, target.id()));
          break;
        default:
          texters.addAll(store.members(orgId, GroupKind.USER_LIST, target.id()));
          break;
      }
    }
    return texters;
  }
}
