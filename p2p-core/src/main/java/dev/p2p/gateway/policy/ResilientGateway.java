package dev.p2p.gateway.policy;

import dev.p2p.gateway.CarrierMessage;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.SentLookup;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps any {@link SmsGateway} in the core's send policy, so that adapters only translate. {@link
 * #parse} passes through untouched. Each {@link #send} attempt, in order:
 *
 * <ol>
 *   <li><b>circuit breaker</b>, one per wrapped gateway: while open, fails fast without calling the
 *       carrier ({@link GatewayError.Retryable}, retry-safe, saying until when). Only {@link
 *       GatewayError.Retryable} and {@link GatewayError.Authentication} failures count against the
 *       carrier; opted-out, invalid-number, permanent and rate-limited ones never do.
 *   <li><b>rate limiter</b>, per sender ({@link Sender#address()}) at the policy's rate for it: the
 *       send waits for its sender's next slot on the scheduler, without holding a thread, or fails
 *       fast with {@link GatewayError.RateLimited} (retry-after = the time to that slot) when the
 *       slot is further away than {@link GatewayPolicy#maxRateWait()}.
 *   <li><b>bulkhead</b>: at most {@link GatewayPolicy#maxConcurrentSends()} calls in flight at the
 *       carrier; over that, the send waits up to {@link GatewayPolicy#maxBulkheadWait()}, else
 *       fails ({@link GatewayError.Retryable}, retry-safe, "too many concurrent sends"). It bounds
 *       calls at the carrier, not sends waiting for a slot or a backoff, so one busy sender cannot
 *       take every place from the others.
 *   <li>the <b>carrier</b> call.
 * </ol>
 *
 * <p><b>Retry</b> (Resilience4j, scheduled on the scheduler) repeats the attempt only for a carrier
 * failure that is {@link GatewayException#retryable()}: retry-safe and retryable or rate-limited.
 * The wait is exponential with jitter and never shorter than the carrier's retry-after, up to
 * {@link GatewayPolicy#maxAttempts()} attempts. A failure that is not retry-safe (the request may
 * have reached the carrier) is returned at once and never retried: it is left for reconciliation,
 * since a duplicate text to a voter is worse than a late one. Any other exception from the adapter,
 * thrown or returned, is a {@link GatewayError.Retryable} that is not retry-safe, for the same
 * reason. The policy's own refusals (open circuit, rate limit, bulkhead) are never retried either:
 * they are returned to the caller, and nothing was sent.
 *
 * <p>Thread-safe. The returned stage fails with a {@link GatewayException}, never a wrapper; its
 * completion runs on the adapter's thread or the scheduler's. Logs: DEBUG for a retry, WARN when
 * the circuit opens; never a full phone number or a body.
 */
public final class ResilientGateway implements SmsGateway, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ResilientGateway.class);

  private final SmsGateway gateway;
  private final GatewayPolicy policy;
  private final String carrier;
  private final ScheduledExecutorService scheduler;
  private final SendAttempts attempts;
  private final Retry retry;
  private final Set<CompletableFuture<SendReceipt>> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private ResilientGateway(
      String name,
      SmsGateway gateway,
      GatewayPolicy policy,
      Clock clock,
      ScheduledExecutorService scheduler,
      PolicyListener listener) {
    this.gateway = gateway;
    this.policy = policy;
    this.carrier = gateway.carrier();
    this.scheduler = scheduler;
    this.attempts = new SendAttempts(name, gateway, policy, clock, scheduler, listener);
    Backoff backoff = new Backoff(policy, () -> ThreadLocalRandom.current().nextDouble());
    RetryConfig config =
        RetryConfig.<SendReceipt>custom()
            .maxAttempts(policy.maxAttempts())
            .retryOnException(ResilientGateway::mayRetry)
            .intervalBiFunction(waits(backoff))
            .build();
    this.retry = Retry.of(carrier + "-sends", config);
    retry
        .getEventPublisher()
        .onRetry(
            e ->
                log.debug(
                    "{}: attempt {} failed ({}); retrying in {} ms",
                    carrier,
                    e.getNumberOfRetryAttempts(),
                    SendAttempts.loggable(e.getLastThrowable()),
                    e.getWaitInterval().toMillis()));
  }

  /**
   * Wraps a gateway in a policy. Each call makes a new breaker, limiter and bulkhead: wrap each
   * gateway once and share the wrapper.
   *
   * @param clock the time the breaker and rate limiter read
   * @param scheduler runs the waits (rate slots, bulkhead timeouts, backoffs) and the attempts
   *     after them; the wrapper never shuts it down
   */
  public static ResilientGateway wrap(
      SmsGateway gateway, GatewayPolicy policy, Clock clock, ScheduledExecutorService scheduler) {
    Objects.requireNonNull(gateway, "gateway");
    return wrap(
        gateway.carrier() + "-sends", gateway, policy, clock, scheduler, PolicyListener.NONE);
  }

  /**
   * Wraps a gateway in a policy, as {@link #wrap(SmsGateway, GatewayPolicy, Clock,
   * ScheduledExecutorService)} does, naming its circuit breaker and telling a listener what the
   * policy does (for metrics).
   *
   * @param name the circuit breaker's name, such as the gateway's id
   * @param gateway the adapter to wrap
   * @param policy the policy to apply
   * @param clock the time the breaker and rate limiter read
   * @param scheduler runs the waits and the attempts after them; never shut down here
   * @param listener hears the rate waits, the carrier calls and the breaker
   * @return the wrapped gateway
   */
  public static ResilientGateway wrap(
      String name,
      SmsGateway gateway,
      GatewayPolicy policy,
      Clock clock,
      ScheduledExecutorService scheduler,
      PolicyListener listener) {
    return new ResilientGateway(
        Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(gateway, "gateway"),
        Objects.requireNonNull(policy, "policy"),
        Objects.requireNonNull(clock, "clock"),
        Objects.requireNonNull(scheduler, "scheduler"),
        Objects.requireNonNull(listener, "listener"));
  }

  /** The policy this wrapper applies. */
  public GatewayPolicy policy() {
    return policy;
  }

  /**
   * Where this gateway's circuit breaker stands now, for a health check or a dashboard.
   *
   * @return closed, open, or half-open (also once an open circuit's wait has passed)
   */
  public CircuitState circuit() {
    return attempts.circuit();
  }

  /** The wrapped gateway's carrier name. */
  @Override
  public String carrier() {
    return carrier;
  }

  /**
   * Sends one message under the policy. Never blocks and never throws for a carrier failure.
   *
   * @return a stage completed with the carrier's receipt, or exceptionally with a {@link
   *     GatewayException}: the carrier's failure after the retries the policy allows, or the
   *     policy's own refusal
   */
  @Override
  public CompletableFuture<SendReceipt> send(OutboundMessage message) {
    Objects.requireNonNull(message, "message");
    CompletableFuture<SendReceipt> result = new CompletableFuture<>();
    // Added before the check, so that a close() racing this send either sees it or is seen.
    pending.add(result);
    result.whenComplete((receipt, failure) -> pending.remove(result));
    if (closed) {
      result.completeExceptionally(
          GatewayException.builder(carrier, GatewayError.retryable())
              .retrySafe(true)
              .build("the gateway is closed; nothing was sent"));
      return result;
    }
    Retry.decorateCompletionStage(retry, scheduler, () -> attempts.attempt(message))
        .get()
        .whenComplete(
            (receipt, failure) -> {
              if (failure == null) {
                result.complete(receipt);
              } else {
                result.completeExceptionally(outcome(failure));
              }
            });
    return result;
  }

  /**
   * Waits until no send is pending (waiting for a rate slot, a bulkhead place or a retry, or at the
   * carrier), up to {@code timeout}, for a graceful shutdown before {@link #close()}. Sends that
   * start meanwhile are waited for too.
   *
   * @param timeout how long to wait at most
   * @return whether no send was pending when it returned
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!pending.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      try {
        CompletableFuture.allOf(pending.toArray(CompletableFuture<?>[]::new))
            .get(left, TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        // a failed send is done too; loop to see whether others started meanwhile
      } catch (TimeoutException e) {
        return false;
      }
    }
    return true;
  }

  /**
   * Stops taking sends and fails every send still pending (waiting for a rate slot, a bulkhead
   * place or a retry, or at the carrier) with a {@link GatewayError.Retryable} that is not
   * retry-safe: some may have reached the carrier, so each is left for reconciliation rather than
   * sent again. From then on the carrier is never called: not by a later send, which fails at once,
   * retry-safe, nor by a pending one once its wait ends. Idempotent; the scheduler is not touched.
   */
  @Override
  public void close() {
    attempts.close();
    closed = true;
    for (CompletableFuture<SendReceipt> send : List.copyOf(pending)) {
      send.completeExceptionally(
          GatewayException.builder(carrier, GatewayError.retryable())
              .build(
                  "the gateway closed while the send was pending; it may have reached the carrier"));
    }
  }

  /** Passes the request to the wrapped gateway untouched. */
  @Override
  public List<Sender> senders() {
    return gateway.senders();
  }

  @Override
  public WebhookResult parse(WebhookRequest request) {
    return gateway.parse(request);
  }

  /**
   * Passes the lookup to the wrapped gateway: a read that sends nothing, outside the send policy.
   */
  @Override
  public CompletableFuture<Optional<List<CarrierMessage>>> findSent(SentLookup lookup) {
    try {
      return gateway.findSent(Objects.requireNonNull(lookup, "lookup"));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static boolean mayRetry(Throwable failure) {
    return failure instanceof GatewayException e && e.retryable();
  }

  private static IntervalBiFunction<SendReceipt> waits(Backoff backoff) {
    return (attempt, outcome) -> {
      Optional<Duration> retryAfter = Optional.empty();
      if (outcome.isLeft()
          && outcome.getLeft() instanceof GatewayException e
          && e.error() instanceof GatewayError.RateLimited limited) {
        retryAfter = limited.retryAfter();
      }
      long nanos = backoff.delay(attempt, retryAfter).toNanos();
      return Math.max(1, (nanos + 999_999) / 1_000_000); // Resilience4j waits in whole ms
    };
  }

  /** The caller's failure: the policy's refusal or the carrier's failure, unwrapped. */
  private GatewayException outcome(Throwable failure) {
    Throwable cause = SendAttempts.unwrap(failure);
    if (cause instanceof SendAttempts.Refusal r) {
      return r.failure;
    }
    if (cause instanceof GatewayException e) {
      return e;
    }
    return GatewayException.builder(carrier, GatewayError.retryable())
        .cause(cause)
        .build("the send policy failed unexpectedly (" + cause.getClass().getName() + ")");
  }
}
