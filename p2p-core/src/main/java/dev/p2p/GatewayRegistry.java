package dev.p2p;

import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.policy.GatewayPolicy;
import dev.p2p.gateway.policy.GatewayStatus;
import dev.p2p.gateway.policy.ResilientGateway;
import dev.p2p.internal.metrics.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The gateways registered with {@link P2P.Builder#gateway(String, SmsGateway)}, by id, in
 * registration order, each wrapped once in the core's {@link ResilientGateway} policy. The policies
 * wait (rate slots, backoffs) on the host's scheduler when it gave one, which is never shut down
 * here; otherwise on one scheduler thread of the registry's own, started only when there is a
 * gateway and stopped by {@link #close()}.
 */
final class GatewayRegistry implements AutoCloseable {
  private final Map<String, SmsGateway> byId;
  private final @Nullable ScheduledExecutorService ownScheduler;

  private GatewayRegistry(
      Map<String, SmsGateway> byId, @Nullable ScheduledExecutorService ownScheduler) {
    this.byId = byId;
    this.ownScheduler = ownScheduler;
  }

  /**
   * The registry of these gateways; ids are already checked and unique.
   *
   * @param policies each gateway's policy, by id; a gateway without one gets {@code fallback}
   * @param hostScheduler the host's scheduler for the policies' waits, or null to start one
   * @param telemetry hears each gateway's policy (rate waits, carrier calls, its breaker)
   */
  static GatewayRegistry of(
      Map<String, SmsGateway> registered,
      Map<String, GatewayPolicy> policies,
      GatewayPolicy fallback,
      Clock clock,
      @Nullable ScheduledExecutorService hostScheduler,
      Telemetry telemetry) {
    if (registered.isEmpty()) {
      return new GatewayRegistry(Map.of(), null);
    }
    ScheduledThreadPoolExecutor own = null;
    ScheduledExecutorService scheduler;
    if (hostScheduler != null) {
      scheduler = hostScheduler;
    } else {
      own = ownScheduler();
      scheduler = own;
    }
    Map<String, SmsGateway> wrapped = new LinkedHashMap<>();
    registered.forEach(
        (id, gateway) ->
            wrapped.put(
                id,
                ResilientGateway.wrap(
                    id,
                    gateway,
                    policies.getOrDefault(id, fallback),
                    clock,
                    scheduler,
                    telemetry.gatewayPolicy(id))));
    return new GatewayRegistry(Collections.unmodifiableMap(wrapped), own);
  }

  private static ScheduledThreadPoolExecutor ownScheduler() {
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "p2p-scheduler");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.setRemoveOnCancelPolicy(true);
    // The thread starts with the first wait and ends after a minute idle: an unused P2P holds none.
    scheduler.setKeepAliveTime(1, TimeUnit.MINUTES);
    scheduler.allowCoreThreadTimeOut(true);
    return scheduler;
  }

  /** Every gateway by id, in registration order, wrapped in its policy. */
  Map<String, SmsGateway> byId() {
    return byId;
  }

  /** Each gateway's id, carrier and circuit, in registration order. */
  List<GatewayStatus> status() {
    List<GatewayStatus> status = new ArrayList<>();
    byId.forEach(
        (id, gateway) -> {
          if (gateway instanceof ResilientGateway resilient) {
            status.add(new GatewayStatus(id, resilient.carrier(), resilient.circuit()));
          }
        });
    return List.copyOf(status);
  }

  /** The gateway registered under this id, wrapped in its policy. */
  Optional<SmsGateway> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Waits until no gateway has a send pending, until the deadline ({@link System#nanoTime()}).
   *
   * @return whether every gateway was idle in time
   */
  boolean awaitIdle(long deadlineNanos) throws InterruptedException {
    for (SmsGateway gateway : byId.values()) {
      if (gateway instanceof ResilientGateway resilient
          && !resilient.awaitIdle(
              Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Closes every wrapped gateway, which fails its pending sends (not retry-safe: left for
   * reconciliation), then stops the registry's own policy scheduler, if it started one. Idempotent.
   */
  @Override
  public void close() {
    for (SmsGateway gateway : byId.values()) {
      if (gateway instanceof ResilientGateway resilient) {
        resilient.close();
      }
    }
    if (ownScheduler != null) {
      ownScheduler.shutdownNow();
    }
  }
}
