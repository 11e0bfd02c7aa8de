package dev.p2p.gateway.policy;

import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.gateway.WebhookResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A hand-written carrier for the decorator's tests: answers each send by its script (a failure, a
 * thrown exception, a stage the test completes later), else accepts it at once; records every call
 * with the clock's time. Single-threaded, like the tests that drive it.
 */
final class ScriptedGateway implements SmsGateway {
  /** One call to {@link #send}: the message and when it reached the carrier. */
  record Call(OutboundMessage message, Instant at) {}

  private final Clock clock;
  private final Deque<Supplier<CompletableFuture<SendReceipt>>> script = new ArrayDeque<>();
  private final List<Call> calls = new ArrayList<>();
  private final List<WebhookRequest> parsed = new ArrayList<>();
  private WebhookResult parseResult =
      WebhookResult.accepted(List.of(), WebhookResponse.noContent());

  ScriptedGateway(Clock clock) {
    this.clock = clock;
  }

  /** The next {@code times} sends fail with the given failure. */
  ScriptedGateway failing(int times, Supplier<? extends Throwable> failure) {
    for (int i = 0; i < times; i++) {
      script.add(() -> CompletableFuture.failedFuture(failure.get()));
    }
    return this;
  }

  /** The next send fails with the given failure. */
  ScriptedGateway failing(Throwable failure) {
    return failing(1, () -> failure);
  }

  /** The next send throws from {@code send} itself instead of returning a stage. */
  ScriptedGateway throwing(RuntimeException failure) {
    script.add(
        () -> {
          throw failure;
        });
    return this;
  }

  /** The next send stays in flight until the test completes the returned stage. */
  CompletableFuture<SendReceipt> holding() {
    CompletableFuture<SendReceipt> inFlight = new CompletableFuture<>();
    script.add(() -> inFlight);
    return inFlight;
  }

  /** What {@link #parse} answers. */
  ScriptedGateway parsing(WebhookResult result) {
    this.parseResult = result;
    return this;
  }

  List<Call> calls() {
    return calls;
  }

  List<Instant> callTimes() {
    return calls.stream().map(Call::at).toList();
  }

  List<WebhookRequest> parsed() {
    return parsed;
  }

  @Override
  public String carrier() {
    return "scripted";
  }

  @Override
  public CompletableFuture<SendReceipt> send(OutboundMessage message) {
    calls.add(new Call(message, clock.instant()));
    Supplier<CompletableFuture<SendReceipt>> next = script.poll();
    return next != null
        ? next.get()
        : CompletableFuture.completedFuture(SendReceipt.queued("SM" + calls.size()));
  }

  @Override
  public WebhookResult parse(WebhookRequest request) {
    parsed.add(request);
    return parseResult;
  }
}
