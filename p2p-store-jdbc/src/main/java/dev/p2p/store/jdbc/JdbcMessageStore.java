package dev.p2p.store.jdbc;

import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.Message;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.store.MessageStore;
import dev.p2p.store.Receipt;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link JdbcStore}'s message part: messages through {@link MessageSql}, status updates through
 * {@link StatusSql}, sender bindings through {@link SenderSql}; every method one transaction of the
 * store's {@link Tx}.
 */
final class JdbcMessageStore implements MessageStore {
  private final MessageSql messages;
  private final StatusSql statuses;
  private final SenderSql senders;

  /** The sender bindings, for sends that bind in their own transaction. */
  SenderSql senders() {
    return senders;
  }

  JdbcMessageStore(Tx tx) {
    SenderLoads loads = new SenderLoads();
    this.statuses = new StatusSql(tx);
    this.messages = new MessageSql(tx, statuses, loads);
    this.senders = new SenderSql(tx, loads);
  }

  @Override
  public List<Optional<Message>> markSentAll(String orgId, List<Receipt> receipts, Instant now) {
    return messages.markSentAll(orgId, receipts, now);
  }

  @Override
  public Optional<Message> markFailed(
      String orgId,
      long messageId,
      FailureKind failure,
      Optional<String> carrierCode,
      boolean retrySafe,
      Instant now) {
    return messages.markFailed(orgId, messageId, failure, carrierCode, retrySafe, now);
  }

  @Override
  public boolean applyStatus(String gatewayId, StatusUpdate update, Instant now) {
    return statuses.applyStatus(gatewayId, update, now);
  }

  @Override
  public List<Message> awaitingReceipt(String orgId, Instant changedBy, long afterId, int limit) {
    return messages.awaitingReceipt(orgId, changedBy, afterId, limit);
  }

  @Override
  public Optional<Message> findMessage(String orgId, long messageId) {
    return messages.find(orgId, messageId);
  }

  @Override
  public Optional<String> findOrganization(
      String gatewayId, String ourNumber, String contactPhone) {
    return senders.organization(gatewayId, ourNumber, contactPhone);
  }
}
