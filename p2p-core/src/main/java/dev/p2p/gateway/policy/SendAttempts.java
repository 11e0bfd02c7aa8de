package dev.p2p.gateway.policy;

import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.SmsGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at a send, as {@link ResilientGateway} describes it: the circuit breaker's permit,
 * the sender's rate slot (waited for on the scheduler), a place in the bulkhead, then the carrier.
 * Every permit taken is given back on every path. The breaker's permit is taken before the waits
 * and kept through them, so a send already waiting when the circuit opens still goes. Once {@link
 * #close() closed}, no attempt calls the carrier any more, whatever it was waiting for.
 * Thread-safe.
 */
final class SendAttempts {
  private static final Logger log = LoggerFactory.getLogger(ResilientGateway.class);

  private final SmsGateway gateway;
  private final String carrier;
  private final ScheduledExecutorService scheduler;
  private final CarrierBreaker breaker;
  private final SenderRateLimiter limiter;
  private final SendBulkhead bulkhead;
  private final PolicyListener listener;
  private volatile boolean closed;

  SendAttempts(
      String name,
      SmsGateway gateway,
      GatewayPolicy policy,
      Clock clock,
      ScheduledExecutorService scheduler,
      PolicyListener listener) {
    this.gateway = gateway;
    this.carrier = gateway.carrier();
    this.scheduler = scheduler;
    this.listener = listener;
    this.breaker = new CarrierBreaker(name, carrier, policy, clock);
    listener.circuitBreaker(breaker.resilience4j());
    this.limiter = new SenderRateLimiter(policy, clock);
    this.bulkhead = new SendBulkhead(carrier, policy, scheduler);
  }

  /**
   * One attempt: never throws; fails with a {@link GatewayException} from the carrier, or with a
   * {@link Refusal} when the policy refused without calling it.
   */
  CompletableFuture<SendReceipt> attempt(OutboundMessage message) {
    if (closed) {
      return CompletableFuture.failedFuture(new Refusal(closedFailure()));
    }
    if (!breaker.tryAcquire()) {
      return CompletableFuture.failedFuture(new Refusal(breaker.refusal()));
    }
    SenderRateLimiter.Reservation slot = limiter.reserve(message.from());
    if (!slot.granted()) {
      breaker.release();
      return CompletableFuture.failedFuture(new Refusal(rateLimited(message.from(), slot.delay())));
    }
    listener.rateWaited(slot.delay());
    CompletableFuture<SendReceipt> done = new CompletableFuture<>();
    Runnable call =
        () ->
            bulkhead
                .acquire()
                .whenComplete(
                    (permit, full) -> {
                      if (full != null) {
                        breaker.release();
                        done.completeExceptionally(new Refusal(asGatewayException(full)));
                        return;
                      }
                      if (closed) { // closed while waiting for the slot or the place
                        bulkhead.release();
                        breaker.release();
                        done.completeExceptionally(new Refusal(closedFailure()));
                        return;
                      }
                      callCarrier(message)
                          .whenComplete(
                              (receipt, failure) -> {
                                bulkhead.release();
                                if (failure == null) {
                                  done.complete(receipt);
                                } else {
                                  done.completeExceptionally(failure);
                                }
                              });
                    });
    if (slot.delay().isZero()) {
      call.run();
    } else {
      try {
        scheduler.schedule(call, slot.delay().toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        breaker.release();
        done.completeExceptionally(new Refusal(unavailable()));
      }
    }
    return done;
  }

  /** Where the carrier's circuit breaker stands. */
  CircuitState circuit() {
    return breaker.state();
  }

  /**
   * From now on, attempts fail without calling the carrier (retry-safe: nothing was sent),
   * including those already waiting for a rate slot, a bulkhead place or a retry. Idempotent.
   */
  void close() {
    closed = true;
  }

  /** Calls the adapter, records the outcome on the breaker; fails with a GatewayException. */
  private CompletableFuture<SendReceipt> callCarrier(OutboundMessage message) {
    CompletableFuture<SendReceipt> sent;
    long start = System.nanoTime();
    try {
      sent = Objects.requireNonNull(gateway.send(message), "the adapter returned no stage");
    } catch (Throwable e) { // as CompletableFuture.supplyAsync does: any throwable fails the stage,
      // so the bulkhead place is released and the caller hears, even for an Error
      sent = CompletableFuture.failedFuture(e);
    }
    return sent.handle(
        (receipt, failure) -> {
          Duration took = Duration.ofNanos(System.nanoTime() - start);
          if (failure == null) {
            breaker.onSuccess();
            listener.carrierCalled(took, Optional.empty());
            return receipt;
          }
          GatewayException classified = classify(message, failure);
          breaker.onFailure(classified);
          listener.carrierCalled(took, Optional.of(classified.error().kind()));
          throw new CompletionException(classified);
        });
  }

  private GatewayException classify(OutboundMessage message, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof GatewayException e) {
      return e;
    }
    log.warn(
        "{}: adapter failed with {} for message {}; left for reconciliation, not retried",
        carrier,
        cause.getClass().getName(),
        message.reference());
    return GatewayException.builder(carrier, GatewayError.retryable())
        .retrySafe(false)
        .cause(cause)
        .build(
            "the adapter failed unexpectedly ("
                + cause.getClass().getName()
                + "); the message may have reached the carrier, so it is not retried");
  }

  private GatewayException rateLimited(Sender sender, Duration untilSlot) {
    return GatewayException.builder(carrier, GatewayError.rateLimited(Optional.of(untilSlot)))
        .retrySafe(true)
        .build(
            "sender "
                + SenderRateLimiter.mask(sender.address())
                + " is at its rate limit: its next free slot is in "
                + untilSlot
                + ", longer than the policy waits; nothing was sent, try again after that");
  }

  private GatewayException closedFailure() {
    return GatewayException.builder(carrier, GatewayError.retryable())
        .retrySafe(true)
        .build("the gateway is closed; nothing was sent");
  }

  private GatewayException unavailable() {
    return GatewayException.builder(carrier, GatewayError.retryable())
        .retrySafe(true)
        .build("the send scheduler is shut down; nothing was sent");
  }

  private GatewayException asGatewayException(Throwable failure) {
    Throwable cause = unwrap(failure);
    return cause instanceof GatewayException e
        ? e
        : GatewayException.builder(carrier, GatewayError.retryable())
            .cause(cause)
            .build("the bulkhead failed unexpectedly (" + cause.getClass().getName() + ")");
  }

  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** The policy's own refusal: carries the caller's failure past the retry, which skips it. */
  static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient GatewayException failure;

    Refusal(GatewayException failure) {
      super(failure.getMessage(), failure, false, false);
      this.failure = failure;
    }
  }

  /**
   * A failure as a log line may show it: for a gateway exception its kind, carrier code and HTTP
   * status, never its message (a carrier's words may quote the body or the number); for anything
   * else its class.
   */
  static String loggable(Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof Refusal r) {
      t = r.failure;
    }
    if (!(t instanceof GatewayException g)) {
      return t.getClass().getName();
    }
    return g.error().getClass().getSimpleName()
        + " (carrier code "
        + g.carrierCode().orElse("none")
        + ", HTTP "
        + (g.httpStatus().isPresent() ? String.valueOf(g.httpStatus().getAsInt()) : "none")
        + ")";
  }
}
