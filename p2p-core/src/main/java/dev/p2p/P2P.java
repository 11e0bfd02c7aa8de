package dev.p2p;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.p2p.contact.ImportOptions;
import dev.p2p.event.Events;
import dev.p2p.gateway.SchedulingClock;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.policy.GatewayPolicy;
import dev.p2p.gateway.policy.GatewayStatus;
import dev.p2p.internal.Ids;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.Texting;
import dev.p2p.internal.Workers;
import dev.p2p.internal.conversation.Receiving;
import dev.p2p.internal.event.EventsImpl;
import dev.p2p.internal.metrics.MicrometerTelemetry;
import dev.p2p.internal.metrics.Telemetry;
import dev.p2p.internal.webhook.WebhooksImpl;
import dev.p2p.sms.CostModel;
import dev.p2p.store.Store;
import dev.p2p.store.StoreHealth;
import dev.p2p.webhook.Webhooks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of p2p: one per application, shared by every thread. Built with explicit wiring:
 *
 * <pre>{@code
 * P2P p2p = P2P.builder()
 *     .store(JdbcStore.h2(Path.of("p2p-data")))
 *     .gateway("twilio-acme", twilio)
 *     .build();
 * Organization acme = p2p.organization("acme");
 * WebhookResponse response = p2p.webhooks().handle(request);
 * }</pre>
 *
 * <p>Thread-safe. p2p runs its background work on the host's {@link Builder#executor(Executor)
 * executor} and {@link Builder#scheduler(ScheduledExecutorService) scheduler} when given, else on
 * bounded pools of named daemon threads of its own; {@link #close()} stops only its own threads,
 * then closes the store.
 */
public final class P2P implements AutoCloseable {
  private final Store store;
  private final Clock clock;
  private final String defaultRegion;
  private final CostModel costModel;
  private final GatewayRegistry gateways;
  private final WebhooksImpl webhooks;
  private final Texting texting;
  private final EventsImpl events;
  // Organizations are never deleted, so one known to exist needs no further write.
  private final Cache<String, Organization> organizations =
      Caffeine.newBuilder().maximumSize(10_000).build();

  private P2P(Builder b) {
    this.store = Objects.requireNonNull(b.store);
    // Microseconds are the finest time every store keeps (SQL TIMESTAMP(6)): reading the clock at
    // that grain gives the same timestamps on every store.
    this.clock = Clock.tick(b.clock, Duration.ofNanos(1_000));
    this.defaultRegion = b.defaultRegion;
    this.costModel = b.costModel;
    @Nullable ScheduledExecutorService waits =
        b.scheduler != null || !(b.clock instanceof SchedulingClock own)
            ? b.scheduler
            : own.scheduler();
    // Micrometer's classes load only here, when the host gave a registry: it is optional.
    Telemetry telemetry =
        b.meterRegistry == null && b.observationRegistry == null
            ? Telemetry.NONE
            : MicrometerTelemetry.create(
                b.meterRegistry, b.observationRegistry, b.tagMetricsWithOrganization);
    this.gateways =
        GatewayRegistry.of(b.gateways, b.policies, b.gatewayPolicy, clock, waits, telemetry);
    this.texting =
        new Texting(
            store,
            clock,
            gateways.byId(),
            Workers.of(b.executor, Builder.defaultWorkerThreads(), Builder.DEFAULT_WORKER_QUEUE),
            telemetry);
    this.events = new EventsImpl(store, clock, telemetry);
    this.webhooks =
        new WebhooksImpl(
            gateways.byId(),
            store,
            new Receiving(texting, id -> organization(id).context()),
            telemetry);
  }

  /** A builder; {@link Builder#store(Store)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The organization (tenant) with this id, created on first use. Nothing crosses organizations.
   *
   * @param orgId the CRM's id for the organization: 1 to 64 letters, digits, {@code . _ : -}
   * @throws ValidationException naming {@code orgId} if the id is malformed
   */
  public Organization organization(String orgId) {
    Objects.requireNonNull(orgId, "orgId");
    Optional<String> problem = Ids.problem(orgId);
    if (problem.isPresent()) {
      throw ValidationException.of("orgId", problem.get());
    }
    return organizations.get(
        orgId,
        id -> {
          store.ensureOrganization(id, clock.instant());
          return new Organization(
              new OrgContext(
                  id, store, clock, defaultRegion, costModel, gateways.byId().keySet(), texting),
              events);
        });
  }

  /**
   * The webhook pipeline: hand it each carrier request, write back the response it returns.
   * Thread-safe.
   */
  public Webhooks webhooks() {
    return webhooks;
  }

  /**
   * The event feed of every organization: read with a cursor, or subscribe in-process. Thread-safe.
   */
  public Events events() {
    return events;
  }

  /**
   * Each registered gateway's id, carrier and circuit breaker state, in registration order: for a
   * health check or a dashboard. Thread-safe; reads the breakers' state now.
   *
   * @return one status per gateway; empty without gateways
   */
  public List<GatewayStatus> gatewayStatus() {
    return gateways.status();
  }

  /**
   * The store's health now: reachable, and its schema at the version this build expects. Asks the
   * database anew on each call; never throws for an unreachable database.
   *
   * @return the store's answer
   */
  public StoreHealth storeHealth() {
    return store.health();
  }

  /** The registered gateways; the texting code sends through them. */
  GatewayRegistry gateways() {
    return gateways;
  }

  /**
   * Stops the gateways (failing their pending sends), waits up to ten seconds for the work p2p
   * handed to the executor to finish, writes the queued send receipts, stops p2p's own executor and
   * scheduler (never the host's), and closes the store. Idempotent.
   */
  @Override
  public void close() {
    try {
      events.close();
      gateways.close();
    } finally {
      try {
        texting.close();
      } finally {
        store.close();
      }
    }
  }

  /**
   * Closes gracefully: first waits up to {@code grace} for the sends already under way to get the
   * carrier's answer (and for sends started meanwhile), then closes as {@link #close()} does, which
   * stores their outcomes and writes the queued receipts. Stop taking new work (the web server's
   * own graceful shutdown) before calling it. A send still pending after the grace is failed as
   * {@link #close()} says, left for reconciliation.
   *
   * @param grace how long to wait for pending sends at most; zero closes at once
   * @throws IllegalArgumentException if {@code grace} is negative
   */
  public void close(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative, was " + grace);
    }
    try {
      gateways.awaitIdle(System.nanoTime() + grace.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      close();
    }
  }

  /** Builds a {@link P2P}; {@link #build()} lists every missing or bad setting at once. */
  public static final class Builder {
    /**
     * How many tasks p2p's own worker pool holds waiting when every worker is busy (used unless
     * {@link #executor(Executor)} is set); beyond that, the thread that hands the work over runs
     * it.
     */
    public static final int DEFAULT_WORKER_QUEUE = 1_000;

    private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

    private @Nullable Store store;
    private Clock clock = Clock.systemUTC();
    private String defaultRegion = ImportOptions.DEFAULT_REGION;
    private CostModel costModel = CostModel.defaults();
    private final Map<String, SmsGateway> gateways = new LinkedHashMap<>();
    private final Map<String, GatewayPolicy> policies = new LinkedHashMap<>();
    private GatewayPolicy gatewayPolicy = GatewayPolicy.ofDefaults();
    private @Nullable ScheduledExecutorService scheduler;
    private @Nullable Executor executor;
    private @Nullable MeterRegistry meterRegistry;
    private @Nullable ObservationRegistry observationRegistry;
    private boolean tagMetricsWithOrganization;
    private final List<Violation> gatewayProblems = new ArrayList<>();

    private Builder() {}

    /** The store: {@code InMemoryStore.create()}, or {@code JdbcStore} from p2p-store-jdbc. */
    public Builder store(Store store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Registers a carrier gateway under an id of the CRM's choosing; call once per gateway (one per
     * carrier account, say). The id names the gateway in stored messages and sender bindings, so
     * keep it stable; it is also how {@link Webhooks#handle} finds the gateway from the webhook
     * URL's path.
     *
     * @param id 1 to 64 letters, digits, {@code . _ : -}, starting alphanumeric; unique
     */
    public Builder gateway(String id, SmsGateway gateway) {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(gateway, "gateway");
      Optional<String> problem = Ids.problem(id);
      if (problem.isPresent()) {
        gatewayProblems.add(new Violation("gateway", "id " + problem.get()));
      } else if (gateways.putIfAbsent(id, gateway) != null) {
        gatewayProblems.add(new Violation("gateway", "id '" + id + "' is registered twice"));
      }
      return this;
    }

    /**
     * Registers a gateway with its own send policy instead of the {@link #gatewayPolicy default
     * one}; otherwise as {@link #gateway(String, SmsGateway)}.
     */
    public Builder gateway(String id, SmsGateway gateway, GatewayPolicy policy) {
      Objects.requireNonNull(policy, "policy");
      gateway(id, gateway);
      if (gateways.get(id) == gateway) {
        policies.put(id, policy);
      }
      return this;
    }

    /**
     * The send policy (rate per sender number, retry, circuit breaker, bulkhead) every gateway is
     * wrapped in unless registered with its own; {@link GatewayPolicy#ofDefaults()} unless set.
     */
    public Builder gatewayPolicy(GatewayPolicy policy) {
      this.gatewayPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The clock every timestamp and texting-hours check reads; tests inject a fixed one. p2p reads
     * it to the microsecond, the finest time every store keeps.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The scheduler the gateway policies wait on (a sender's next rate slot, a retry's backoff, a
     * bulkhead's max wait) and run the sends after those waits on. Unless set, p2p starts one
     * daemon thread of its own, named {@code p2p-scheduler}, when there is a gateway; it waits in
     * real time, ends after a minute idle, and {@link P2P#close()} stops it; a scheduler set here
     * belongs to the host and is never shut down by p2p. When the {@link #clock(Clock) clock} is a
     * {@link SchedulingClock} (the testkit's {@code MutableClock}) and no scheduler is set, p2p
     * waits on the clock's own scheduler, so a test that drives the clock never waits in real time.
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * The executor p2p runs its background work on: storing a send's outcome once the carrier
     * answered, and writing an import's chunks while the caller reads the next rows. An executor
     * set here belongs to the host and is never shut down by p2p; a task it rejects (saturated or
     * shut down) runs on the thread that handed it over, so no send's outcome is lost. An import
     * never waits on the executor, even a busy one of a single thread: a chunk whose writer task
     * has not started is written on the importing thread. A send waits for its outcome to be
     * stored, which may run on this executor: with a bounded executor, call the blocking {@code
     * Texter.send} from threads other than its own (or use {@code sendAsync}), or a send that fails
     * may wait on itself.
     *
     * <p>Send receipts are written in groups by one daemon thread of p2p's own, {@code
     * p2p-receipts}, whatever the executor; {@link P2P#close()} stops it.
     *
     * <p>Unless set, p2p starts a pool of its own: {@link #defaultWorkerThreads()} daemon threads
     * named {@code p2p-worker-N}, started on demand and ended after a minute idle, with a queue of
     * {@value #DEFAULT_WORKER_QUEUE} tasks (beyond which the handing thread runs the task). {@link
     * P2P#close()} waits up to ten seconds for p2p's work to finish, on either executor, and stops
     * only p2p's own.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Turns metrics on: p2p registers its meters, named {@code p2p.*} (see the README's Metrics
     * section), in this registry, with low-cardinality tags only (gateway, outcome, error kind,
     * source; never a phone or an id). Micrometer is an optional dependency: without this call p2p
     * loads none of its classes.
     */
    public Builder meterRegistry(MeterRegistry registry) {
      this.meterRegistry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Turns observations on: sends, claims and webhooks are observed ({@code p2p.send}, {@code
     * p2p.claim}, {@code p2p.webhook}) through this registry, for the host's tracing and timers.
     */
    public Builder observationRegistry(ObservationRegistry registry) {
      this.observationRegistry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Adds an {@code organization} tag (the organization's id) to the meters of one organization's
     * work: sends, failures, inbound messages, opt-outs, claims, import rows and the event feed's
     * head. Off by default: each organization multiplies those series, so opt in only with a
     * bounded number of organizations.
     *
     * @return this builder
     */
    public Builder tagMetricsWithOrganization() {
      this.tagMetricsWithOrganization = true;
      return this;
    }

    /** The size of p2p's own worker pool: the number of available processors, at least 2. */
    public static int defaultWorkerThreads() {
      return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The ISO 3166 region assumed for phones written without a country code, {@value
     * ImportOptions#DEFAULT_REGION} by default.
     */
    public Builder defaultRegion(String region) {
      this.defaultRegion = Objects.requireNonNull(region, "region").toUpperCase(Locale.ROOT);
      return this;
    }

    /** The prices cost estimates use; {@link CostModel#defaults()} unless set. */
    public Builder costModel(CostModel costModel) {
      this.costModel = Objects.requireNonNull(costModel, "costModel");
      return this;
    }

    /** Checks the settings and builds the instance. */
    public P2P build() {
      List<Violation> problems = new ArrayList<>();
      if (store == null) {
        problems.add(
            new Violation("store", "is required: pass InMemoryStore.create() or a JdbcStore"));
      }
      if (!REGIONS.contains(defaultRegion)) {
        problems.add(
            new Violation("defaultRegion", "must be a two-letter ISO 3166 region such as US"));
      }
      problems.addAll(gatewayProblems);
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return new P2P(this);
    }
  }
}
