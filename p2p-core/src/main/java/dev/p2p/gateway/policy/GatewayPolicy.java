package dev.p2p.gateway.policy;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.gateway.NumberType;
import dev.p2p.gateway.Sender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link ResilientGateway} protects a carrier and the contacts: the send rate of each sender,
 * retries with backoff, the circuit breaker and the bulkhead. Immutable and thread-safe; start from
 * {@link #ofDefaults()} or {@link #builder()}.
 *
 * <p>Rates are messages per second per sender ({@link Sender#address()}), set per {@link
 * NumberType} with optional overrides for single senders. Carriers count segments, not messages:
 * for long texts set a lower rate.
 */
public final class GatewayPolicy {

  /**
   * 1 message/s for a long code: a US long code sends one segment per second by default at Twilio
   * (shared/docs/domain.md §1.4; gateways.md §1.11) and Bandwidth's per-number P2P dequeue rate is
   * 1 MPS (gateways.md §2.9).
   */
  public static final double DEFAULT_LONG_CODE_RATE = 1.0;

  /** 3 messages/s for a toll-free number: Twilio's US/CA toll-free default (gateways.md §1.11). */
  public static final double DEFAULT_TOLL_FREE_RATE = 3.0;

  /** 100 messages/s for a short code: Twilio cites "over 100 segments/s" (gateways.md §1.11). */
  public static final double DEFAULT_SHORT_CODE_RATE = 100.0;

  /**
   * 4 messages/s for a messaging service: the lowest vetted standard 10DLC tier (AT&amp;T class
   * E/F, 240 SMS/min; T-Mobile score 1–49), domain.md §1.4. Raise it to the campaign's tier.
   */
  public static final double DEFAULT_MESSAGING_SERVICE_RATE = 4.0;

  /**
   * 10 s: the longest a send waits for its sender's next slot before failing fast as rate-limited.
   * Our choice: long enough to absorb a burst of a few texters on one long code, short enough for a
   * texter to see the failure while still looking at the conversation.
   */
  public static final Duration DEFAULT_MAX_RATE_WAIT = Duration.ofSeconds(10);

  /** 3 attempts in all (the first and two retries): Resilience4j's default. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  /** 1 s before the first retry: a throttled carrier asks for seconds, not milliseconds. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);

  /** Each backoff doubles the one before: Resilience4j's exponential default multiplier. */
  public static final double DEFAULT_BACKOFF_MULTIPLIER = 2.0;

  /** No backoff longer than 30 s (a carrier's {@code Retry-After} may still ask for more). */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

  /** Each backoff varies by up to ±50%: Resilience4j's default randomization factor. */
  public static final double DEFAULT_JITTER_FACTOR = 0.5;

  /** The circuit opens when half the recorded sends failed: Resilience4j's default. */
  public static final float DEFAULT_FAILURE_RATE_THRESHOLD = 50.0f;

  /**
   * The breaker looks at the last 50 sends (Resilience4j counts 100; a P2P campaign sends a few per
   * second, so 50 reacts within a minute).
   */
  public static final int DEFAULT_SLIDING_WINDOW_SIZE = 50;

  /** No verdict before 10 recorded sends, so that two early failures do not open the circuit. */
  public static final int DEFAULT_MINIMUM_CALLS = 10;

  /** 30 s open before trial sends (Resilience4j waits 60 s; texters are waiting here). */
  public static final Duration DEFAULT_WAIT_IN_OPEN_STATE = Duration.ofSeconds(30);

  /** 3 trial sends in the half-open state (Resilience4j allows 10; each one texts a voter). */
  public static final int DEFAULT_HALF_OPEN_CALLS = 3;

  /** 25 sends in flight at the carrier at once: Resilience4j's bulkhead default. */
  public static final int DEFAULT_MAX_CONCURRENT_SENDS = 25;

  /** A send never waits for the bulkhead: Resilience4j's default of zero. */
  public static final Duration DEFAULT_MAX_BULKHEAD_WAIT = Duration.ZERO;

  private static final GatewayPolicy DEFAULTS = builder().build();

  final Map<NumberType, Double> typeRates;
  final Map<String, Double> senderRates;
  final Duration maxRateWait;
  final int maxAttempts;
  final Duration initialBackoff;
  final double backoffMultiplier;
  final Duration maxBackoff;
  final double jitterFactor;
  final float failureRateThreshold;
  final int slidingWindowSize;
  final int minimumCalls;
  final Duration waitInOpenState;
  final int halfOpenCalls;
  final int maxConcurrentSends;
  final Duration maxBulkheadWait;

  GatewayPolicy(Builder b) {
    this.typeRates = Collections.unmodifiableMap(new EnumMap<>(b.typeRates));
    this.senderRates = Collections.unmodifiableMap(new LinkedHashMap<>(b.senderRates));
    this.maxRateWait = b.maxRateWait;
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.backoffMultiplier = b.backoffMultiplier;
    this.maxBackoff = b.maxBackoff;
    this.jitterFactor = b.jitterFactor;
    this.failureRateThreshold = b.failureRateThreshold;
    this.slidingWindowSize = b.slidingWindowSize;
    this.minimumCalls = b.minimumCalls;
    this.waitInOpenState = b.waitInOpenState;
    this.halfOpenCalls = b.halfOpenCalls;
    this.maxConcurrentSends = b.maxConcurrentSends;
    this.maxBulkheadWait = b.maxBulkheadWait;
  }

  /** The policy with every default ({@code DEFAULT_*} constants). */
  public static GatewayPolicy ofDefaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults; {@link Builder#build()} checks it. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this policy's settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The rate for a sender: its override if it has one, else its {@link NumberType}'s. */
  public double messagesPerSecond(Sender sender) {
    Double override = senderRates.get(sender.address());
    return override != null ? override : messagesPerSecond(NumberType.of(sender));
  }

  /** The rate for senders of a type without an override. */
  public double messagesPerSecond(NumberType type) {
    return Objects.requireNonNull(typeRates.get(type));
  }

  /** The per-sender overrides, by {@link Sender#address()}. */
  public Map<String, Double> senderOverrides() {
    return senderRates;
  }

  /** The longest a send waits for its sender's slot before failing as rate-limited. */
  public Duration maxRateWait() {
    return maxRateWait;
  }

  /** Attempts in all, the first included; 1 turns retries off. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The backoff before the first retry, before jitter. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The factor from one backoff to the next. */
  public double backoffMultiplier() {
    return backoffMultiplier;
  }

  /** The longest backoff the policy chooses (a carrier's retry-after may be longer). */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** How much a backoff varies at random either way, from 0 (never) to 1 (0 to twice). */
  public double jitterFactor() {
    return jitterFactor;
  }

  /** The failure percentage (of recorded sends) that opens the circuit. */
  public float failureRateThreshold() {
    return failureRateThreshold;
  }

  /** How many of the latest recorded sends the failure rate is computed over. */
  public int slidingWindowSize() {
    return slidingWindowSize;
  }

  /** How many sends must be recorded before the failure rate can open the circuit. */
  public int minimumCalls() {
    return minimumCalls;
  }

  /** How long the circuit stays open before letting trial sends through. */
  public Duration waitInOpenState() {
    return waitInOpenState;
  }

  /** How many trial sends the half-open circuit lets through. */
  public int halfOpenCalls() {
    return halfOpenCalls;
  }

  /** The most sends in flight at the carrier at once. */
  public int maxConcurrentSends() {
    return maxConcurrentSends;
  }

  /** The longest a send waits for a place in the bulkhead before failing. */
  public Duration maxBulkheadWait() {
    return maxBulkheadWait;
  }

  /** Every setting, on one line. */
  @Override
  public String toString() {
    return "GatewayPolicy[rates/s "
        + typeRates
        + (senderRates.isEmpty() ? "" : ", overrides for " + senderRates.size() + " senders")
        + ", max rate wait "
        + maxRateWait
        + "; retry: "
        + maxAttempts
        + " attempts, backoff "
        + initialBackoff
        + " x"
        + backoffMultiplier
        + " up to "
        + maxBackoff
        + " ±"
        + Math.round(jitterFactor * 100)
        + "%; circuit: opens at "
        + failureRateThreshold
        + "% of the last "
        + slidingWindowSize
        + " (at least "
        + minimumCalls
        + "), open "
        + waitInOpenState
        + ", "
        + halfOpenCalls
        + " trial sends; bulkhead: "
        + maxConcurrentSends
        + " in flight, wait "
        + maxBulkheadWait
        + "]";
  }

  /**
   * Builds a {@link GatewayPolicy}, starting from the defaults. Setters take any value; {@link
   * #build()} checks them all and lists every bad one at once. Not thread-safe; the policy it
   * builds is.
   */
  public static final class Builder {
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

    Builder() {
      typeRates.put(NumberType.LONG_CODE, GatewayPolicy.DEFAULT_LONG_CODE_RATE);
      typeRates.put(NumberType.TOLL_FREE, GatewayPolicy.DEFAULT_TOLL_FREE_RATE);
      typeRates.put(NumberType.SHORT_CODE, GatewayPolicy.DEFAULT_SHORT_CODE_RATE);
      typeRates.put(NumberType.MESSAGING_SERVICE, GatewayPolicy.DEFAULT_MESSAGING_SERVICE_RATE);
    }

    Builder(GatewayPolicy p) {
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
    public Builder messagesPerSecond(NumberType type, double rate) {
      typeRates.put(Objects.requireNonNull(type, "type"), rate);
      return this;
    }

    /** Messages per second for one sender, whatever its type (0.001 to 10,000). */
    public Builder messagesPerSecond(Sender sender, double rate) {
      senderRates.put(Objects.requireNonNull(sender, "sender").address(), rate);
      return this;
    }

    /** The longest a send waits for its sender's slot (0 to 1 hour; 0 never waits). */
    public Builder maxRateWait(Duration wait) {
      this.maxRateWait = Objects.requireNonNull(wait, "wait");
      return this;
    }

    /** Attempts in all, the first included (1 to 10; 1 never retries). */
    public Builder maxAttempts(int attempts) {
      this.maxAttempts = attempts;
      return this;
    }

    /** The backoff before the first retry (1 ms to the max backoff). */
    public Builder initialBackoff(Duration backoff) {
      this.initialBackoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /** The factor from one backoff to the next (1 to 10; 1 keeps it constant). */
    public Builder backoffMultiplier(double multiplier) {
      this.backoffMultiplier = multiplier;
      return this;
    }

    /** The longest backoff the policy chooses (1 ms to 1 hour). */
    public Builder maxBackoff(Duration backoff) {
      this.maxBackoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /** How much each backoff varies at random either way (0 inclusive to 1 exclusive). */
    public Builder jitterFactor(double factor) {
      this.jitterFactor = factor;
      return this;
    }

    /** The failure percentage that opens the circuit (above 0, at most 100). */
    public Builder failureRateThreshold(float percent) {
      this.failureRateThreshold = percent;
      return this;
    }

    /** How many of the latest recorded sends the failure rate covers (1 to 10,000). */
    public Builder slidingWindowSize(int sends) {
      this.slidingWindowSize = sends;
      return this;
    }

    /** Recorded sends needed before the circuit can open (1 to the sliding window size). */
    public Builder minimumCalls(int sends) {
      this.minimumCalls = sends;
      return this;
    }

    /** How long the circuit stays open before trial sends (1 ms to 1 hour). */
    public Builder waitInOpenState(Duration wait) {
      this.waitInOpenState = Objects.requireNonNull(wait, "wait");
      return this;
    }

    /** Trial sends in the half-open state (1 to 1,000). */
    public Builder halfOpenCalls(int sends) {
      this.halfOpenCalls = sends;
      return this;
    }

    /** The most sends in flight at the carrier at once (1 to 10,000). */
    public Builder maxConcurrentSends(int sends) {
      this.maxConcurrentSends = sends;
      return this;
    }

    /** The longest a send waits for a place in the bulkhead (0 to 1 hour; 0 never waits). */
    public Builder maxBulkheadWait(Duration wait) {
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
        problems.add(
            new Violation("backoffMultiplier", "must be 1 to 10, was " + backoffMultiplier));
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
        problems.add(
            new Violation(field, "must be 0.001 to 10000 messages per second, was " + rate));
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
}
