package dev.p2p.benchmarks;

import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A zero-latency gateway: accepts every message at once, with a receipt naming a new carrier id
 * (carrier ids are unique per gateway in the JDBC store).
 */
final class ZeroLatencyGateway implements SmsGateway {
  private final AtomicLong next = new AtomicLong();

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
    return WebhookResult.badRequest("sends only");
  }
}
