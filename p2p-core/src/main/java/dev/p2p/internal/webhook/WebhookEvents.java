package dev.p2p.internal.webhook;

import dev.p2p.contact.Phones;
import dev.p2p.gateway.GatewayEvent;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.internal.conversation.Receiving;
import dev.p2p.store.Store;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the organization of one verified webhook event and hands it to {@link Receiving},
 * idempotently. Thread-safe.
 */
final class WebhookEvents {
  private static final Logger log = LoggerFactory.getLogger(WebhookEvents.class);

  private final Store store;
  private final Receiving receiving;

  WebhookEvents(Store store, Receiving receiving) {
    this.store = store;
    this.receiving = receiving;
  }

  /** Applies the event; a store failure propagates. */
  void apply(String gatewayId, GatewayEvent event) {
    if (event instanceof StatusUpdate update) {
      receiving.status(gatewayId, update);
    } else if (event instanceof InboundMessage inbound) {
      inbound(gatewayId, inbound);
    }
  }

  private void inbound(String gatewayId, InboundMessage inbound) {
    Optional<String> orgId =
        store.messages().findOrganization(gatewayId, inbound.to(), inbound.from());
    if (orgId.isEmpty()) {
      log.warn(
          "Inbound message {} on gateway '{}' from {} to {} matches no organization (no"
              + " organization ever sent from that number): acknowledged and not stored",
          inbound.carrierMessageId(),
          gatewayId,
          Phones.mask(inbound.from()),
          Phones.mask(inbound.to()));
      return;
    }
    receiving.inbound(orgId.get(), gatewayId, inbound);
  }
}
