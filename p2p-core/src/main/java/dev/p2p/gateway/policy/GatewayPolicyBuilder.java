package dev.p2p.gateway.policy;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.gateway.NumberType;
import dev.p2p.gateway.Sender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link GatewayPolicy}, starting from the defaults. Setters take any value; {@link
 * #build()} checks them all and lists every bad one at once. Not thread-safe; the policy it builds
 * is.
 */
public final class GatewayPolicyBuilder {
  static final double MIN_RATE = 0.001;
  static final double MAX_RATE = 10_000;
  private static final Duration ONE_MS = Duration.ofMillis(1);
  private static final Duration ONE_HOUR = Duration.ofHours(1);

  final Map<NumberType, Double> typeRates = new EnumMap<>(NumberType.class);
  final Map<String, Double> senderRates = new LinkedHashMap<>();
  Duration maxRateWait = GatewayPolicy.DEFAULT_MAX_RATE_WAIT;
  int maxAttempts = GatewayPolicy.DEFAULT_MAX_ATTEMPTS;
  Duration initialBackoff = GatewayPolicy.DEFAULT_INITIAL_BACKOFF;
  double backoffMultiplier = GatewayPolicy.DEFAULT_BACKOFF_MULTIPLIER;
  Duration maxBackoff = GatewayPolicy.DEFAULT_MAX_BACKOFF;
  double jitterFactor = GatewayPolicy.DEFAULT_JITTER_FACTOR;
  float failureRateThreshold = GatewayPolicy.DEFAULT_FAILURE_RATE_THRESHOLD;
  int slidingWindowSize = GatewayPolicy.DEFAULT_SLIDING_WINDOW_SIZE;
  int minimumCalls = GatewayPolicy.DEFAULT_MINIMUM_CALLS;
  Duration waitInOpenState = GatewayPolicy.DEFAULT_WAIT_IN_OPEN_STATE;
  int halfOpenCalls = GatewayPolicy.DEFAULT_HALF_OPEN_CALLS;
  int maxConcurrentSends = GatewayPolicy.DEFAULT_MAX_CONCURRENT_SENDS;
  Duration maxBulkheadWait = GatewayPolicy.DEFAULT_MAX_BULKHEAD_WAIT;

  GatewayPolicyBuilder() {
    typeRates.put(NumberType.LONG_CODE, GatewayPolicy.DEFAULT_LONG_CODE_RATE);
    typeRates.put(NumberType.TOLL_FREE, GatewayPolicy.DEFAULT_TOLL_FREE_RATE);
    typeRates.put(NumberType.SHORT_CODE, GatewayPolicy.DEFAULT_SHORT_CODE_RATE);
    typeRates.put(NumberType.MESSAGING_SERVICE, GatewayPolicy.DEFAULT_MESSAGING_SERVICE_RATE);
  }

  GatewayPolicyBuilder(GatewayPolicy p) {
    typeRates.putAll(p.typeRates);
    senderRates.putAll(p.senderRates);
    maxRateWait = p.maxRateWait;
    maxAttempts = p.maxAttempts;
    initialBackoff = p.initialBackoff;
    backoffMultiplier = p.backoffMultiplier;
    maxBackoff = p.maxBackoff;
    jitterFactor = p.jitterFactor;
    failureRateThreshold = p.failureRateThreshold;
    slidingWindowSize = p.slidingWindowSize;
    minimumCalls = p.minimumCalls;
    waitInOpenState = p.waitInOpenState;
    halfOpenCalls = p.halfOpenCalls;
    maxConcurrentSends = p.maxConcurrentSends;
    maxBulkheadWait = p.maxBulkheadWait;
  }

  /** Messages per second for every sender of a type (0.001 to 10,000). */
  public GatewayPolicyBuilder messagesPerSecond(NumberType type, double rate) {
    typeRates.put(Objects.requireNonNull(type, "type"), rate);
    return this;
  }

  /** Messages per second for one sender, whatever its type (0.001 to 10,000). */
  public GatewayPolicyBuilder messagesPerSecond(Sender sender, double rate) {
    senderRates.put(Objects.requireNonNull(sender, "sender").address(), rate);
    return this;
  }

  /** The longest a send waits for its sender's slot (0 to 1 hour; 0 never waits). */
  public GatewayPolicyBuilder maxRateWait(Duration wait) {
    this.maxRateWait = Objects.requireNonNull(wait, "wait");
    return this;
  }

  /** Attempts in all, the first included (1 to 10; 1 never retries). */
  public GatewayPolicyBuilder maxAttempts(int attempts) {
    this.maxAttempts = attempts;
    return this;
  }

  /** The backoff before the first retry (1 ms to the max backoff). */
  public GatewayPolicyBuilder initialBackoff(Duration backoff) {
    this.initialBackoff = Objects.requireNonNull(backoff, "backoff");
    return this;
  }

  /** The factor from one backoff to the next (1 to 10; 1 keeps it constant). */
  public GatewayPolicyBuilder backoffMultiplier(double multiplier) {
    this.backoffMultiplier = multiplier;
    return this;
  }

  /** The longest backoff the policy chooses (1 ms to 1 hour). */
  public GatewayPolicyBuilder maxBackoff(Duration backoff) {
    this.maxBackoff = Objects.requireNonNull(backoff, "backoff");
    return this;
  }

  /** How much each backoff varies at random either way (0 inclusive to 1 exclusive). */
  public GatewayPolicyBuilder jitterFactor(double factor) {
    this.jitterFactor = factor;
    return this;
  }

  /** The failure percentage that opens the circuit (above 0, at most 100). */
  public GatewayPolicyBuilder failureRateThreshold(float percent) {
    this.failureRateThreshold = percent;
    return this;
  }

  /** How many of the latest recorded sends the failure rate covers (1 to 10,000). */
  public GatewayPolicyBuilder slidingWindowSize(int sends) {
    this.slidingWindowSize = sends;
    return this;
  }

  /** Recorded sends needed before the circuit can open (1 to the sliding window size). */
  public GatewayPolicyBuilder minimumCalls(int sends) {
    this.minimumCalls = sends;
    return this;
  }

  /** How long the circuit stays open before trial sends (1 ms to 1 hour). */
  public GatewayPolicyBuilder waitInOpenState(Duration wait) {
    this.waitInOpenState = Objects.requireNonNull(wait, "wait");
    return this;
  }

  /** Trial sends in the half-open state (1 to 1,000). */
  public GatewayPolicyBuilder halfOpenCalls(int sends) {
    this.halfOpenCalls = sends;
    return this;
  }

  /** The most sends in flight at the carrier at once (1 to 10,000). */
  public GatewayPolicyBuilder maxConcurrentSends(int sends) {
    this.maxConcurrentSends = sends;
    return this;
  }

  /** The longest a send waits for a place in the bulkhead (0 to 1 hour; 0 never waits). */
  public GatewayPolicyBuilder maxBulkheadWait(Duration wait) {
    this.maxBulkheadWait = Objects.requireNonNull(wait, "wait");
    return this;
  }

  /**
   * Checks every setting and builds the policy.
   *
   * @throws ValidationException listing every bad setting, in the order of this class's setters
   */
  public GatewayPolicy build() {
    List<Violation> problems = new ArrayList<>();
    typeRates.forEach((type, rate) -> checkRate(problems, "messagesPerSecond." + type, rate));
    senderRates.forEach(
        (sender, rate) ->
            checkRate(problems, "messagesPerSecond." + SenderRateLimiter.mask(sender), rate));
    checkDuration(problems, "maxRateWait", maxRateWait, Duration.ZERO, ONE_HOUR);
    checkInt(problems, "maxAttempts", maxAttempts, 1, 10);
    checkDuration(problems, "initialBackoff", initialBackoff, ONE_MS, ONE_HOUR);
    if (initialBackoff.compareTo(maxBackoff) > 0) {
      problems.add(
          new Violation("initialBackoff", "must not exceed maxBackoff (" + maxBackoff + ")"));
    }
    if (!(backoffMultiplier >= 1 && backoffMultiplier <= 10)) {
      problems.add(new Violation("backoffMultiplier", "must be 1 to 10, was " + backoffMultiplier));
    }
    checkDuration(problems, "maxBackoff", maxBackoff, ONE_MS, ONE_HOUR);
    if (!(jitterFactor >= 0 && jitterFactor < 1)) {
      problems.add(
          new Violation("jitterFactor", "must be at least 0 and below 1, was " + jitterFactor));
    }
    if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
      problems.add(
          new Violation(
              "failureRateThreshold",
              "must be above 0 and at most 100, was " + failureRateThreshold));
    }
    checkInt(problems, "slidingWindowSize", slidingWindowSize, 1, 10_000);
    checkInt(problems, "minimumCalls", minimumCalls, 1, Math.max(1, slidingWindowSize));
    checkDuration(problems, "waitInOpenState", waitInOpenState, ONE_MS, ONE_HOUR);
    checkInt(problems, "halfOpenCalls", halfOpenCalls, 1, 1_000);
    checkInt(problems, "maxConcurrentSends", maxConcurrentSends, 1, 10_000);
    checkDuration(problems, "maxBulkheadWait", maxBulkheadWait, Duration.ZERO, ONE_HOUR);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new GatewayPolicy(this);
  }

  private static void checkRate(List<Violation> problems, String field, double rate) {
    if (!(rate >= MIN_RATE && rate <= MAX_RATE)) {
      problems.add(new Violation(field, "must be 0.001 to 10000 messages per second, was " + rate));
    }
  }

  private static void checkInt(
      List<Violation> problems, String field, int value, int min, int max) {
    if (value < min || value > max) {
      problems.add(new Violation(field, "must be " + min + " to " + max + ", was " + value));
    }
  }

  private static void checkDuration(
      List<Violation> problems, String field, Duration value, Duration min, Duration max) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      problems.add(new Violation(field, "must be " + min + " to " + max + ", was " + value));
    }
  }
}
