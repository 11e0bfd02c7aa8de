package dev.p2p.examples.webhooks;

import dev.p2p.contact.Phones;
import dev.p2p.event.Change;
import dev.p2p.event.Event;
import dev.p2p.event.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what the webhooks changed, from {@code p2p.events()}: one line per inbound message, status
 * and opt-out, with phones masked and never a message's text. A CRM would push these events to its
 * inbox and dashboards instead.
 */
final class EventLog implements EventListener {
  private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);

  @Override
  public void onEvent(Event event) {
    Change change = event.change();
    String org = event.organization();
    if (change instanceof Change.MessageReceived received) {
      log.info(
          "[{}] message {} received from {} on {}: {}",
          org,
          received.messageId(),
          Phones.mask(received.contactPhone()),
          Phones.mask(received.sender()),
          received.conversationId().isPresent()
              ? "conversation " + received.conversationId().getAsLong()
              : "unrouted (no conversation with this contact)");
    } else if (change instanceof Change.MessageDelivered delivered) {
      log.info(
          "[{}] message {} delivered to {}",
          org,
          delivered.messageId(),
          Phones.mask(delivered.contactPhone()));
    } else if (change instanceof Change.MessageFailed failed) {
      log.info(
          "[{}] message {} to {} failed: {}{}",
          org,
          failed.messageId(),
          Phones.mask(failed.contactPhone()),
          failed.failure(),
          failed.carrierCode().map(code -> " (carrier code " + code + ")").orElse(""));
    } else if (change instanceof Change.ContactOptedOut optedOut) {
      log.info("[{}] {} opted out ({})", org, Phones.mask(optedOut.phone()), optedOut.source());
    }
  }
}
