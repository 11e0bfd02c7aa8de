package dev.p2p.gateway;

import dev.p2p.contact.Phones;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.store.Store;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies one verified webhook event to the store, idempotently. Thread-safe. */
final class WebhookEvents {
  private static final Logger log = LoggerFactory.getLogger(WebhookEvents.class);

  private final Store store;
  private final Clock clock;

  WebhookEvents(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Applies the event in one store operation; a store failure propagates. */
  void apply(String gatewayId, GatewayEvent event) {
    if (event instanceof StatusUpdate update) {
      status(gatewayId, update);
    } else if (event instanceof InboundMessage inbound) {
      inbound(gatewayId, inbound);
    }
  }

  private void status(String gatewayId, StatusUpdate update) {
    if (!store.messages().applyStatus(gatewayId, update, clock.instant())) {
      log.debug(
          "Status {} for message {} of gateway '{}' changed nothing: repeated, late, or for a"
              + " message not stored (yet)",
          update.status(),
          update.carrierMessageId(),
          gatewayId);
    }
  }

  private void inbound(String gatewayId, InboundMessage inbound) {
    Optional<String> orgId =
        store.messages().findOrganization(gatewayId, inbound.to(), inbound.from());
    if (orgId.isEmpty()) {
      log.warn(
          "Inbound message {} on gateway '{}' from {} to {} matches no organization (no sender"
              + " binding): acknowledged and not stored",
          inbound.carrierMessageId(),
          gatewayId,
          Phones.mask(inbound.from()),
          Phones.mask(inbound.to()));
      return;
    }
    if (!store.messages().recordInbound(orgId.get(), gatewayId, inbound, clock.instant())) {
      log.debug(
          "Inbound message {} of gateway '{}' was already stored",
          inbound.carrierMessageId(),
          gatewayId);
    }
  }
}
