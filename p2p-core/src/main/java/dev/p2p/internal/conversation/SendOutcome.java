package dev.p2p.internal.conversation;

import dev.p2p.NotFoundException;
import dev.p2p.contact.Phones;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.Texting;
import dev.p2p.internal.metrics.Mdc;
import dev.p2p.internal.metrics.Telemetry;
import dev.p2p.optout.OptOutSource;
import dev.p2p.store.Store;
import dev.p2p.store.support.LogSafe;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of one recorded send once the gateway answers: the receipt queued for writing, or
 * the failure stored (a carrier's opted-out error opts the phone out, an invalid-number error marks
 * it invalid); the telemetry hears which. Used once, by {@link SendPipeline}.
 */
final class SendOutcome {
  private static final Logger log = LoggerFactory.getLogger(SendPipeline.class);

  private final OrgContext ctx;
  private final Texting texting;
  private final Store store;
  private final long conversationId;
  private final String gatewayId;
  private final String phone;

  SendOutcome(OrgContext ctx, long conversationId, String gatewayId, String phone) {
    this.ctx = ctx;
    this.texting = ctx.texting();
    this.store = ctx.store();
    this.conversationId = conversationId;
    this.gatewayId = gatewayId;
    this.phone = phone;
  }

  /** The stored message once the gateway's answer to the send is stored. */
  CompletableFuture<Message> settle(long messageId, CompletableFuture<SendReceipt> sent) {
    Telemetry telemetry = texting.telemetry();
    return sent.handle(
            (receipt, error) -> {
              if (error == null) {
                telemetry.messageSent(ctx.orgId(), gatewayId);
                return receipt(messageId, receipt);
              }
              Throwable cause = unwrap(error);
              telemetry.messageFailed(
                  ctx.orgId(),
                  gatewayId,
                  cause instanceof GatewayException g ? g.error().kind() : FailureKind.RETRYABLE);
              return CompletableFuture.supplyAsync(
                  () -> {
                    try (Mdc mdc =
                        Mdc.of(
                            ctx.orgId(), OptionalLong.empty(), OptionalLong.of(conversationId))) {
                      Instant now = texting.clock().instant();
                      return failed(messageId, cause, now).orElseGet(() -> message(messageId));
                    }
                  },
                  texting.workers());
            })
        .thenCompose(stage -> stage);
  }

  /**
   * Queues the carrier's receipt to be written with those of concurrent sends. A receipt the store
   * could not take for a message still waiting for one names a carrier id another message has: the
   * carrier has the message, so it is kept unconfirmed for reconciliation rather than left looking
   * unsent.
   */
  private CompletableFuture<Message> receipt(long messageId, SendReceipt receipt) {
    return texting
        .receipts()
        .submit(ctx.orgId(), messageId, receipt)
        .thenCompose(
            stored ->
                stored.isPresent()
                    ? CompletableFuture.completedFuture(stored.get())
                    : CompletableFuture.supplyAsync(
                        () -> notStored(messageId, receipt), texting.workers()));
  }

  private Message notStored(long messageId, SendReceipt receipt) {
    Message current = message(messageId);
    if (current.status() != MessageStatus.QUEUED || current.carrierMessageId().isPresent()) {
      return current;
    }
    log.warn(
        "Message {} to {}: the carrier accepted it as {}, an id another message has; kept"
            + " unconfirmed for reconciliation",
        messageId,
        Phones.mask(current.contactPhone()),
        receipt.carrierMessageId());
    return store
        .messages()
        .markFailed(
            ctx.orgId(),
            messageId,
            FailureKind.RETRYABLE,
            Optional.empty(),
            false,
            texting.clock().instant())
        .orElseGet(() -> message(messageId));
  }

  private Message message(long messageId) {
    return store
        .messages()
        .findMessage(ctx.orgId(), messageId)
        .orElseThrow(() -> new NotFoundException("message", messageId));
  }

  private Optional<Message> failed(long messageId, Throwable error, Instant now) {
    Optional<Message> stored;
    if (error instanceof GatewayException g) {
      stored =
          store
              .messages()
              .markFailed(
                  ctx.orgId(),
                  messageId,
                  g.error().kind(),
                  g.carrierCode(),
                  // A classified refusal is the carrier's answer: it did not take the message.
                  g.retrySafe() || !(g.error() instanceof GatewayError.Retryable),
                  now);
      if (g.error() instanceof GatewayError.OptedOut) {
        store.optOuts().optOut(ctx.orgId(), phone, OptOutSource.CARRIER, now);
      } else if (g.error() instanceof GatewayError.InvalidNumber) {
        store.optOuts().markInvalid(ctx.orgId(), phone, now);
      }
      // The kind and codes only: a carrier's own words may quote the body or the number.
      log.info(
          "Message {} to {} failed on gateway {}: {} (carrier code {}, HTTP {})",
          messageId,
          Phones.mask(phone),
          g.gateway(),
          g.error().kind(),
          g.carrierCode().orElse("none"),
          g.httpStatus().isPresent() ? g.httpStatus().getAsInt() : "none");
    } else {
      // Not a classified carrier answer: the carrier may have the message.
      stored =
          store
              .messages()
              .markFailed(
                  ctx.orgId(), messageId, FailureKind.RETRYABLE, Optional.empty(), false, now);
      log.warn(
          "Message {} to {}: gateway call failed unexpectedly",
          messageId,
          Phones.mask(phone),
          LogSafe.of(error));
    }
    return stored;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
