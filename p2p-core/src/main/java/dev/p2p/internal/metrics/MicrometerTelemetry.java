package dev.p2p.internal.metrics;

import dev.p2p.conversation.FailureKind;
import dev.p2p.event.Change;
import dev.p2p.event.Event;
import dev.p2p.gateway.policy.PolicyListener;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Internal: {@link Telemetry} on Micrometer, the only class of p2p that touches Micrometer (and
 * Resilience4j's Micrometer binding). Built only when the host gave a registry, so without one no
 * Micrometer class is loaded. Meters are described in {@code docs/metrics.md}; their tags are
 * gateway ids, outcomes, error kinds, sources and HTTP statuses, and the organization only when the
 * host opted in. Thread-safe.
 */
public final class MicrometerTelemetry implements Telemetry {
  private static final String GATEWAY = "gateway";
  private static final String ORGANIZATION = "organization";
  private static final String OUTCOME = "outcome";

  private final @Nullable MeterRegistry meters;
  private final ObservationRegistry observations;
  private final boolean tagOrganization;
  private final @Nullable Consumer<CircuitBreaker> breakers;
  private final AtomicLong unconfirmed = new AtomicLong();
  private final AtomicLong head = new AtomicLong();
  private final ConcurrentMap<String, AtomicLong> heads = new ConcurrentHashMap<>();

  private MicrometerTelemetry(
      @Nullable MeterRegistry meters,
      @Nullable ObservationRegistry observations,
      boolean tagOrganization) {
    this.meters = meters;
    this.observations = observations == null ? ObservationRegistry.NOOP : observations;
    this.tagOrganization = tagOrganization;
    this.breakers = meters == null ? null : BreakerMeters.in(meters);
    if (meters != null) {
      Gauge.builder("p2p.sends.unconfirmed", unconfirmed, AtomicLong::get)
          .description("Sends handed to a carrier whose outcome is not stored yet")
          .strongReference(true)
          .register(meters);
      if (!tagOrganization) {
        headGauge(meters, head, Tags.empty());
      }
    }
  }

  /**
   * The telemetry recording into these registries; at least one is set.
   *
   * @param meters the host's meter registry, or null for observations only
   * @param observations the host's observation registry, or null for meters only
   * @param tagOrganization whether meters of one organization's work carry its id
   * @return the telemetry
   */
  public static Telemetry create(
      @Nullable MeterRegistry meters,
      @Nullable ObservationRegistry observations,
      boolean tagOrganization) {
    return new MicrometerTelemetry(meters, observations, tagOrganization);
  }

  private static void headGauge(MeterRegistry meters, AtomicLong position, Tags tags) {
    Gauge.builder("p2p.events.head", position, AtomicLong::get)
        .description("The newest event feed position p2p saw committed")
        .tags(tags)
        .strongReference(true)
        .register(meters);
  }

  @Override
  public Span sendStarted(String orgId, String gatewayId) {
    unconfirmed.incrementAndGet();
    Tags tags = org(orgId).and(GATEWAY, gatewayId);
    Span timed = timed("p2p.send.latency", "The time of a whole send through p2p", tags);
    Span observed = observed("p2p.send", tags, OUTCOME);
    return outcome -> {
      unconfirmed.decrementAndGet();
      timed.end(outcome);
      observed.end(outcome);
    };
  }

  @Override
  public void messageSent(String orgId, String gatewayId) {
    count("p2p.messages.sent", org(orgId).and(GATEWAY, gatewayId));
  }

  @Override
  public void messageFailed(String orgId, String gatewayId, FailureKind kind) {
    count("p2p.messages.failed", org(orgId).and(GATEWAY, gatewayId).and("kind", word(kind)));
  }

  @Override
  public void messageDelivered(String gatewayId) {
    count("p2p.messages.delivered", Tags.of(GATEWAY, gatewayId));
  }

  @Override
  public void messageUndelivered(String gatewayId, Optional<FailureKind> kind) {
    count(
        "p2p.messages.undelivered",
        Tags.of(GATEWAY, gatewayId)
            .and("kind", kind.map(MicrometerTelemetry::word).orElse("unknown")));
  }

  @Override
  public void messageReceived(String orgId, String gatewayId) {
    count("p2p.messages.received", org(orgId).and(GATEWAY, gatewayId));
  }

  @Override
  public Span webhookStarted(String gatewayId) {
    Tags tags = Tags.of(GATEWAY, gatewayId);
    Span observed = observed("p2p.webhook", tags, "status");
    return status -> {
      count("p2p.webhooks", tags.and("status", status));
      observed.end(status);
    };
  }

  @Override
  public Span claimStarted(String orgId, String kind) {
    Tags tags = org(orgId).and("kind", kind);
    Span timed = timed("p2p.claim.latency", "The time of a texter's claim", tags);
    Span observed = observed("p2p.claim", tags, OUTCOME);
    return outcome -> {
      timed.end(outcome);
      observed.end(outcome);
    };
  }

  @Override
  public void imported(String orgId, long read, long stored, long rejected) {
    Tags tags = org(orgId);
    count("p2p.import.rows", tags.and("result", "read"), read);
    count("p2p.import.rows", tags.and("result", "stored"), stored);
    count("p2p.import.rows", tags.and("result", "rejected"), rejected);
  }

  @Override
  public void eventsCommitted(List<Event> events) {
    MeterRegistry registry = meters;
    if (registry == null) {
      return;
    }
    for (Event event : events) {
      if (event.change() instanceof Change.ContactOptedOut optOut) {
        count("p2p.optouts", org(event.organization()).and("source", word(optOut.source())));
      }
      AtomicLong position =
          tagOrganization
              ? heads.computeIfAbsent(
                  event.organization(),
                  id -> {
                    AtomicLong p = new AtomicLong();
                    headGauge(registry, p, Tags.of(ORGANIZATION, id));
                    return p;
                  })
              : head;
      position.accumulateAndGet(event.position(), Math::max);
    }
  }

  @Override
  public PolicyListener gatewayPolicy(String gatewayId) {
    MeterRegistry registry = meters;
    Consumer<CircuitBreaker> published = breakers;
    if (registry == null || published == null) {
      return PolicyListener.NONE;
    }
    Tags tags = Tags.of(GATEWAY, gatewayId);
    Timer waits =
        Timer.builder("p2p.ratelimit.wait")
            .description("How long sends waited for their sender's rate slot")
            .tags(tags)
            .register(registry);
    return new PolicyListener() {
      @Override
      public void rateWaited(Duration wait) {
        waits.record(wait);
      }

      @Override
      public void carrierCalled(Duration took, Optional<FailureKind> failure) {
        Timer.builder("p2p.gateway.latency")
            .description("The time of each call at the carrier")
            .tags(tags.and(OUTCOME, failure.map(MicrometerTelemetry::word).orElse("success")))
            .register(registry)
            .record(took);
      }

      @Override
      public void circuitBreaker(CircuitBreaker breaker) {
        published.accept(breaker);
      }
    };
  }

  private Tags org(String orgId) {
    return tagOrganization ? Tags.of(ORGANIZATION, orgId) : Tags.empty();
  }

  private void count(String name, Tags tags) {
    count(name, tags, 1);
  }

  private void count(String name, Tags tags, long amount) {
    if (meters != null) {
      Counter.builder(name).tags(tags).register(meters).increment(amount);
    }
  }

  private Span timed(String name, String description, Tags tags) {
    MeterRegistry registry = meters;
    if (registry == null) {
      return Span.NONE;
    }
    Timer.Sample sample = Timer.start(registry);
    return outcome ->
        sample.stop(
            Timer.builder(name)
                .description(description)
                .tags(tags.and(OUTCOME, outcome))
                .register(registry));
  }

  private Span observed(String name, Tags tags, String outcomeKey) {
    if (observations.isNoop()) {
      return Span.NONE;
    }
    KeyValues keys = KeyValues.of(tags, tag -> tag.getKey(), tag -> tag.getValue());
    Observation observation =
        Observation.createNotStarted(name, observations).lowCardinalityKeyValues(keys).start();
    return outcome -> {
      observation.lowCardinalityKeyValue(outcomeKey, outcome);
      observation.stop();
    };
  }

  private static String word(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
