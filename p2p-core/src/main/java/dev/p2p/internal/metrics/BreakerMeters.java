package dev.p2p.internal.metrics;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The circuit breakers' meters, through Resilience4j's own Micrometer binding ({@code
 * resilience4j.circuitbreaker.*}, tagged by gateway id). That binding is a second optional
 * dependency: an application with Micrometer but without {@code resilience4j-micrometer} gets every
 * other p2p meter and no breaker meters (logged once at INFO), never a failed start.
 */
final class BreakerMeters {
  private static final Logger log = LoggerFactory.getLogger(BreakerMeters.class);
  private static final String BINDING =
      "io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher";

  private BreakerMeters() {}

  /** Publishes each breaker handed to it in the registry, or does nothing without the binding. */
  static Consumer<CircuitBreaker> in(MeterRegistry registry) {
    if (!present()) {
      log.info(
          "Circuit breaker meters are off: add io.github.resilience4j:resilience4j-micrometer to"
              + " the classpath to get resilience4j.circuitbreaker.* for each gateway");
      return breaker -> {};
    }
    return Binding.of(registry);
  }

  /** Holds the only reference to the binding, so it is loaded only once known present. */
  private static final class Binding {
    static Consumer<CircuitBreaker> of(MeterRegistry registry) {
      TaggedCircuitBreakerMetricsPublisher publisher =
          new TaggedCircuitBreakerMetricsPublisher(registry);
      return publisher::publishMetrics;
    }
  }

  private static boolean present() {
    try {
      Class.forName(BINDING, false, classLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static @Nullable ClassLoader classLoader() {
    return BreakerMeters.class.getClassLoader();
  }
}
