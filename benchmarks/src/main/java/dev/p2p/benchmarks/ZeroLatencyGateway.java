package dev.p2p.benchmarks;

import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A zero-latency gateway: accepts every message at once, with a receipt naming a new carrier id
 * (carrier ids are unique per gateway in the JDBC store). Webhooks go to the parser it is given
 * (such as a real adapter's {@code parse}), or are refused.
 */
final class ZeroLatencyGateway implements SmsGateway {
  private final AtomicLong next = new AtomicLong();
  private final Function<WebhookRequest, WebhookResult> parser;

  /** Sends only: every webhook gets 400. */
  ZeroLatencyGateway() {
    this(request -> WebhookResult.badRequest("sends only"));
  }

  /** Sends at once; webhooks are parsed by {@code parser}. */
  ZeroLatencyGateway(Function<WebhookRequest, WebhookResult> parser) {
    this.parser = parser;
  }

  @Override
  public String carrier() {
    return "zero-latency";
  }

  @Override
  public CompletableFuture<SendReceipt> send(OutboundMessage message) {
    return CompletableFuture.completedFuture(SendReceipt.queued("SM" + next.incrementAndGet()));
  }

  @Override
  public WebhookResult parse(WebhookRequest request) {
    return parser.apply(request);
  }
}
