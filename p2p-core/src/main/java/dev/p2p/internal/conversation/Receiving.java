package dev.p2p.internal.conversation;

import dev.p2p.action.TextingSettings;
import dev.p2p.contact.Phones;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.Texting;
import dev.p2p.internal.metrics.Mdc;
import dev.p2p.optout.OptOutSource;
import dev.p2p.store.InboundOutcome;
import dev.p2p.store.MessageOwner;
import dev.p2p.store.support.LogSafe;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Internal: what p2p's webhook pipeline does with a verified event. An inbound message is stored
 * once and routed to its conversation (or kept unrouted); a STOP-family keyword opts the phone out
 * in the same transaction; a HELP keyword gets the organization's help text. A status update moves
 * the message forward only; a carrier's opted-out error opts the phone out and an invalid-number
 * error marks it invalid. Every step is idempotent, so a repeated callback changes nothing.
 * Thread-safe.
 */
public final class Receiving {
  private static final Logger log = LoggerFactory.getLogger(Receiving.class);

  private final Texting texting;
  private final Function<String, OrgContext> contexts;

  /**
   * Internal: built by {@code P2P}.
   *
   * @param contexts the context of an organization by id
   */
  public Receiving(Texting texting, Function<String, OrgContext> contexts) {
    this.texting = texting;
    this.contexts = contexts;
  }

  /** Applies a status update; a store failure propagates (the carrier will call again). */
  public void status(String gatewayId, StatusUpdate update) {
    Instant now = texting.clock().instant();
    if (texting.store().messages().applyStatus(gatewayId, update, now)) {
      if (update.status() == MessageStatus.DELIVERED) {
        texting.telemetry().messageDelivered(gatewayId);
      } else if (update.status() == MessageStatus.FAILED
          || update.status() == MessageStatus.UNDELIVERED) {
        texting.telemetry().messageUndelivered(gatewayId, update.error().map(GatewayError::kind));
      }
    } else {
      log.debug(
          "Status {} for message {} of gateway '{}' changed nothing: repeated, late, or for a"
              + " message not stored (yet)",
          update.status(),
          update.carrierMessageId(),
          gatewayId);
    }
    if (update.error().isEmpty()) {
      return;
    }
    GatewayError error = update.error().get();
    if (!(error instanceof GatewayError.OptedOut)
        && !(error instanceof GatewayError.InvalidNumber)) {
      return;
    }
    Optional<MessageOwner> owner =
        texting.store().conversations().ownerOf(gatewayId, update.carrierMessageId());
    if (owner.isEmpty()) {
      return;
    }
    String orgId = owner.get().orgId();
    String phone = owner.get().contactPhone();
    if (error instanceof GatewayError.OptedOut) {
      if (texting.store().optOuts().optOut(orgId, phone, OptOutSource.CARRIER, now)) {
        log.info("Carrier says {} unsubscribed: opted out of {}", Phones.mask(phone), orgId);
      }
    } else if (texting.store().optOuts().markInvalid(orgId, phone, now)) {
      log.info(
          "Carrier says {} cannot receive texts: marked invalid in {}", Phones.mask(phone), orgId);
    }
  }

  /** Stores and routes an inbound message of the organization, then answers HELP. */
  public void inbound(String orgId, String gatewayId, InboundMessage inbound) {
    try (Mdc mdc = Mdc.of(orgId, OptionalLong.empty(), OptionalLong.empty())) {
      receive(orgId, gatewayId, inbound);
    }
  }

  private void receive(String orgId, String gatewayId, InboundMessage inbound) {
    TextingSettings settings = texting.settings(orgId);
    boolean stop = settings.isOptOut(inbound.body()) || inbound.carrierOptOut();
    // One confirmation at most: a second STOP from an opted-out phone gets none.
    boolean confirm =
        stop
            && settings.optOutConfirmation().isPresent()
            && texting.store().optOuts().findOptOut(orgId, inbound.from()).isEmpty();
    InboundOutcome outcome =
        texting
            .store()
            .conversations()
            .receive(orgId, gatewayId, inbound, stop, texting.clock().instant());
    if (!outcome.stored()) {
      log.debug(
          "Inbound message {} of gateway '{}' was already stored",
          inbound.carrierMessageId(),
          gatewayId);
      return;
    }
    texting.telemetry().messageReceived(orgId, gatewayId);
    if (stop) {
      log.info("{} texted an opt-out keyword: opted out of {}", Phones.mask(inbound.from()), orgId);
    }
    Optional<String> answer =
        stop
            ? (confirm ? settings.optOutConfirmation() : Optional.empty())
            : settings.isHelp(inbound.body()) ? settings.helpText() : Optional.empty();
    if (answer.isPresent() && outcome.conversationId().isPresent()) {
      answer(orgId, gatewayId, inbound, outcome.conversationId().getAsLong(), answer.get());
    } else if (answer.isPresent()) {
      log.info(
          "No conversation for {} in {}: the keyword answer was not sent",
          Phones.mask(inbound.from()),
          orgId);
    }
  }

  private void answer(
      String orgId, String gatewayId, InboundMessage inbound, long conversationId, String text) {
    try {
      new SendPipeline(contexts.apply(orgId))
          .automatic(conversationId, gatewayId, inbound.to(), inbound.from(), text);
    } catch (RuntimeException e) {
      // The inbound message is stored; a failed automatic answer must not make the carrier resend.
      log.warn(
          "Keyword answer to {} in {} failed", Phones.mask(inbound.from()), orgId, LogSafe.of(e));
    }
  }
}
