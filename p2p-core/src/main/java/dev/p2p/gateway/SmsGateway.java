package dev.p2p.gateway;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A carrier adapter: sends one message and parses the carrier's webhook requests. Adapters only
 * translate between p2p and one carrier's wire format; the core wraps every gateway in its rate
 * limiter, retry, circuit breaker and bulkhead, so an adapter never retries, sleeps or throttles.
 *
 * <p>Implementations are thread-safe, hold no global state (several instances, one per carrier
 * account, live side by side) and pass {@code GatewayContract} from {@code p2p-testkit}.
 */
public interface SmsGateway {

  /**
   * A short lowercase name of the carrier, such as {@code twilio}, {@code bandwidth} or {@code
   * fake}, used in logs and in {@link GatewayException#gateway()}.
   */
  String carrier();

  /**
   * Sends one message. Never blocks the caller on the network.
   *
   * @return a stage completed with the carrier's receipt once the carrier accepted the message, or
   *     exceptionally with a {@link GatewayException} that classifies the failure; an adapter never
   *     throws from this method for a carrier or network failure
   */
  CompletableFuture<SendReceipt> send(OutboundMessage message);

  /**
   * Verifies and parses one webhook request from the carrier. Never throws for bad input: a request
   * whose signature or credentials do not verify is {@link WebhookResult#forbidden forbidden}
   * (nothing of it may be trusted), a verified request that cannot be read is a {@link
   * WebhookResult#badRequest bad request}.
   *
   * @return the verified events with the response the carrier expects, or the rejection
   */
  WebhookResult parse(WebhookRequest request);

  /**
   * What this gateway sends from when an action names no sender: its messaging service, or its
   * sender numbers in E.164 form, as configured. When this is the one gateway registered with p2p,
   * an action without {@code ActionDraft.sender(..)} is published with these. Empty (the default)
   * when the gateway was given none; then every action names its own.
   */
  default List<Sender> senders() {
    return List.of();
  }
}
