package dev.p2p.store.memory;

import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.Message;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.store.MessageStore;
import dev.p2p.store.Receipt;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link InMemoryStore}'s message part: each operation runs {@link InMemoryMessages} or {@link
 * InMemorySenders} under the store's one lock, after the store checked the organization where the
 * operation writes.
 */
final class InMemoryMessageStore implements MessageStore {
  private final InMemoryStore store;
  private final InMemorySenders senders = new InMemorySenders();
  private final InMemoryMessages messages;

  /** The messages themselves, for the conversation part (under the store's lock). */
  InMemoryMessages data() {
    return messages;
  }

  /** The sender bindings, for the conversation part (under the store's lock). */
  InMemorySenders senders() {
    return senders;
  }

  InMemoryMessageStore(InMemoryStore store) {
    this.store = store;
    this.messages = new InMemoryMessages(senders, store);
  }

  @Override
  public List<Optional<Message>> markSentAll(String orgId, List<Receipt> receipts, Instant now) {
    return store.locked(
        () ->
            receipts.stream()
                .map(r -> messages.markSent(orgId, r.messageId(), r.receipt(), now))
                .toList());
  }

  @Override
  public Optional<Message> markFailed(
      String orgId,
      long messageId,
      FailureKind failure,
      Optional<String> carrierCode,
      boolean retrySafe,
      Instant now) {
    return store.locked(
        () -> messages.markFailed(orgId, messageId, failure, carrierCode, retrySafe, now));
  }

  @Override
  public boolean applyStatus(String gatewayId, StatusUpdate update, Instant now) {
    return store.locked(() -> messages.applyStatus(gatewayId, update, now));
  }

  @Override
  public List<Message> awaitingReceipt(String orgId, Instant changedBy, long afterId, int limit) {
    return store.locked(() -> messages.awaitingReceipt(orgId, changedBy, afterId, limit));
  }

  @Override
  public Optional<Message> findMessage(String orgId, long messageId) {
    return store.locked(() -> messages.find(orgId, messageId));
  }

  @Override
  public Optional<String> findOrganization(
      String gatewayId, String ourNumber, String contactPhone) {
    return store.locked(() -> senders.organization(gatewayId, ourNumber, contactPhone));
  }
}
