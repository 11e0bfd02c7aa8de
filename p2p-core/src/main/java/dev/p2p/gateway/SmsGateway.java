package dev.p2p.gateway;

import dev.p2p.Beta;
import java.util.List;
import java.util.Optional;
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
   * Lists the carrier's outbound messages that may match a send whose fate p2p does not know (the
   * connection was cut after the request went out), so that reconciliation can settle it without
   * sending it again. Optional: the default answers that this gateway cannot look messages up, and
   * such sends are left for a person. Never blocks the caller on the network.
   *
   * <p>An implementation asks the carrier's message list for messages from {@code lookup.from()}
   * (or through that messaging service) to {@code lookup.to()} taken in the lookup's window, and
   * returns all of them, complete: if the carrier's answer is cut short (more pages than the
   * adapter reads), it fails instead, since a partial list cannot prove that a message is absent.
   * The core picks the match ({@link dev.p2p.store.support.ReconcileRule}).
   *
   * @return a stage completed with the messages found (possibly none), or with empty when this
   *     gateway cannot look messages up; or exceptionally with a {@link GatewayException} when the
   *     carrier could not answer (the send is then looked up again next time)
   */
  @Beta
  default CompletableFuture<Optional<List<CarrierMessage>>> findSent(SentLookup lookup) {
    return CompletableFuture.completedFuture(Optional.empty());
  }

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
