package dev.p2p.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.p2p.NotFoundException;
import dev.p2p.action.Action;
import dev.p2p.action.SenderSettings;
import dev.p2p.action.TextingHours;
import dev.p2p.action.TextingSettings;
import dev.p2p.assign.Target;
import dev.p2p.contact.Phones;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.internal.metrics.Telemetry;
import dev.p2p.store.Store;
import dev.p2p.store.support.IdOrder;
import dev.p2p.texter.GroupKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;

/**
 * Internal: what p2p's texting code shares per {@code P2P}: the store, the clock, the registered
 * gateways, and short-lived caches of settings and window keys (briefly stale is safe for them:
 * every rule is checked again in the store's transaction). Thread-safe.
 */
public final class Texting implements AutoCloseable {
  private final Store store;
  private final Clock clock;
  private final Map<String, SmsGateway> gateways;
  private final Optional<SenderSettings> defaultSender;
  private final Previews previews = new Previews();
  private final ReceiptQueue receipts;
  private final Telemetry telemetry;
  private final Cache<String, TextingSettings> settings =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(5)).build();
  // The two caches that let contacts added to a live action's list join it within a minute run on
  // p2p's clock, so a host's clock (a test's MutableClock) decides when that minute is over.
  private final Cache<String, Set<String>> windowKeys;
  private final Cache<String, OpenKeys> openKeys =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();
  // Re-opened now and then, so that contacts added to a live action's list join its pool.
  private final Cache<String, Boolean> openPools;

  // Where a send's outcome is stored once the carrier answers (never on the gateway policy's one
  // scheduler thread, which would make every send's database writes wait in one line) and where
  // imports write their chunks.
  private final Workers workers;
  // A live action read for every click; the store checks its status again in each send's
  // transaction, so a copy a second old is safe.
  private final Cache<String, Action> actions =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(1)).build();

  /**
   * Internal: built by {@code P2P}; takes ownership of the workers, which {@link #close} closes.
   */
  public Texting(Store store, Clock clock, Map<String, SmsGateway> gateways, Workers workers) {
    this(store, clock, gateways, workers, Telemetry.NONE);
  }

  /** Internal: as the other constructor, telling the telemetry what the texting code does. */
  public Texting(
      Store store,
      Clock clock,
      Map<String, SmsGateway> gateways,
      Workers workers,
      Telemetry telemetry) {
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    Ticker ticker = clockTicker(clock);
    this.windowKeys =
        Caffeine.newBuilder()
            .ticker(ticker)
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();
    this.openPools =
        Caffeine.newBuilder()
            .ticker(ticker)
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();
    this.gateways = Map.copyOf(gateways);
    this.defaultSender = onlyGatewaysSender(this.gateways);
    this.workers = Objects.requireNonNull(workers, "workers");
    this.receipts = new ReceiptQueue(store, clock);
  }

  /** Where send receipts are written, in groups. */
  public ReceiptQueue receipts() {
    return receipts;
  }

  /** Where p2p's metrics and observations go ({@link Telemetry#NONE} without a registry). */
  public Telemetry telemetry() {
    return telemetry;
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

  /**
   * The sender of an action that names none: the one registered gateway, from its messaging service
   * or its E.164 sender numbers ({@link SmsGateway#senders()}). Empty when no gateway or several
   * are registered, or when the one gateway names no sender of its own. Worked out once: the
   * gateways are fixed for the life of {@code P2P}.
   */
  public Optional<SenderSettings> defaultSender() {
    return defaultSender;
  }

  private static Optional<SenderSettings> onlyGatewaysSender(Map<String, SmsGateway> gateways) {
    if (gateways.size() != 1) {
      return Optional.empty();
    }
    Map.Entry<String, SmsGateway> only = gateways.entrySet().iterator().next();
    List<Sender> senders = only.getValue().senders();
    for (Sender sender : senders) {
      if (sender instanceof Sender.MessagingService service) {
        return Optional.of(SenderSettings.messagingService(only.getKey(), service.id()));
      }
    }
    List<String> numbers =
        senders.stream().map(Sender::address).filter(Phones::isE164).distinct().toList();
    return numbers.isEmpty()
        ? Optional.empty()
        : Optional.of(SenderSettings.numbers(only.getKey(), numbers));
  }

  /**
   * Runs p2p's background work: storing a send's outcome once the carrier answered, writing an
   * import's chunks. Work the executor refuses runs on the calling thread.
   */
  public Executor workers() {
    return workers;
  }

  /**
   * The action, read at most once a second per action (the store re-checks what matters in each
   * send's transaction).
   *
   * @throws NotFoundException if it does not exist
   */
  public Action action(String orgId, long actionId) {
    String key = orgId + '\u0000' + actionId;
    Action action = actions.getIfPresent(key);
    if (action == null) {
      action =
          store
              .actions()
              .findAction(orgId, actionId)
              .orElseThrow(() -> new NotFoundException("action", actionId));
      actions.put(key, action);
    }
    return action;
  }

  /** Forgets a cached action after this node changed it, so its next read is fresh. */
  public void forgetAction(String orgId, long actionId) {
    actions.invalidate(orgId + '\u0000' + actionId);
  }

  /**
   * Lets the sends whose carrier answered finish, writes every queued receipt, then stops p2p's own
   * threads (a host's executor is left running).
   */
  @Override
  public void close() {
    try {
      workers.close();
    } finally {
      receipts.close();
    }
  }

  /** The first messages texters previewed. */
  public Previews previews() {
    return previews;
  }

  /** The organization's settings (cached for a few seconds). */
  public TextingSettings settings(String orgId) {
    return settings.get(
        orgId, id -> store.settings(id).map(SettingsJson::read).orElse(TextingSettings.DEFAULTS));
  }

  /** Saves the organization's settings. */
  public void saveSettings(String orgId, TextingSettings updated) {
    store.saveSettings(orgId, SettingsJson.write(updated), clock.instant());
    settings.put(orgId, updated);
  }

  /**
   * Opens the live action's pool, at most once a minute per action (the store's opening is
   * idempotent and adds only contacts added since).
   */
  public void ensurePool(String orgId, long actionId) {
    String key = orgId + '\u0000' + actionId;
    if (openPools.getIfPresent(key) == null) {
      store.assignments().openPool(orgId, actionId, clock.instant());
      openPools.put(key, Boolean.TRUE);
    }
  }

  /** The action's window keys that are inside texting hours now. */
  public Set<String> openKeys(String orgId, Action action) {
    String key = orgId + '\u0000' + action.id();
    Set<String> keys = windowKeys.getIfPresent(key);
    if (keys == null) {
      keys = store.assignments().windowKeys(orgId, action.id());
      if (!keys.isEmpty()) {
        windowKeys.put(key, keys);
      }
    }
    // Checking every key of a big list is a click's largest cost in the JVM; the answer stands
    // until the first window opens or closes, so it is kept until then.
    Instant now = clock.instant();
    TextingHours hours = action.spec().textingHours();
    TextingSettings orgSettings = settings(orgId);
    OpenKeys cached = openKeys.getIfPresent(key);
    if (cached != null
        && cached.keys() == keys
        && cached.hours().equals(hours)
        && cached.settings().equals(orgSettings)
        && cached.windows().standsAt(now)) {
      return cached.windows().open();
    }
    TextingWindows.OpenWindows windows = TextingWindows.openWindows(keys, hours, orgSettings, now);
    openKeys.put(key, new OpenKeys(keys, hours, orgSettings, windows));
    return windows.open();
  }

  private record OpenKeys(
      Set<String> keys,
      TextingHours hours,
      TextingSettings settings,
      TextingWindows.OpenWindows windows) {}

  /**
   * Every texter the action's targets name now: direct texters and group members, in the targets'
   * order and each group's members by id ({@link IdOrder}). A fixed split deals round robin in this
   * order, so it is fixed here rather than left to the order a store returns members in.
   */
  public Set<String> targetTexters(String orgId, long actionId) {
    Set<String> texters = new LinkedHashSet<>();
    for (Target target : store.assignments().targets(orgId, actionId)) {
      switch (target.kind()) {
        case TEXTER:
          texters.add(target.id());
          break;
        case TEAM:
          texters.addAll(byId(store.members(orgId, GroupKind.TEAM, target.id())));
          break;
        default:
          texters.addAll(byId(store.members(orgId, GroupKind.USER_LIST, target.id())));
          break;
      }
    }
    return texters;
  }

  private static Set<String> byId(Collection<String> ids) {
    Set<String> sorted = new TreeSet<>(IdOrder.CODE_POINTS);
    sorted.addAll(ids);
    return sorted;
  }

  /** Caffeine's time read from the clock: nanoseconds since the epoch. */
  private static Ticker clockTicker(Clock clock) {
    return () -> {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    };
  }
}
