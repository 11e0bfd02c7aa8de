package dev.p2p.store;

import dev.p2p.Beta;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.Message;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.gateway.SendReceipt;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The storage SPI for what happens to a message once it is recorded: the part of a {@link Store}
 * returned by {@link Store#messages()}, sharing its transactions (or lock) and lifecycle. Each
 * method is one domain operation, atomic like every store operation: it completes or changes
 * nothing.
 *
 * <p>Messages: an outbound message is recorded {@code QUEUED} by {@link
 * ConversationStore#recordSend}, then marked sent with the carrier's receipt or marked failed here;
 * carrier callbacks then move its status forward only. Inbound messages are stored once by {@link
 * ConversationStore#receive}.
 *
 * <p>Sender bindings: for each organization, gateway and contact phone, the number p2p texts that
 * contact from (sticky across actions). {@link ConversationStore#recordSend} binds a contact when
 * its first message goes out from a pool, and {@link #markSent} when a receipt names the number a
 * messaging service used. Inbound messages find their organization through them ({@link
 * #findOrganization}).
 *
 * <p>Methods take the organization id and never see another organization's records, except the two
 * the webhook pipeline calls before it knows the organization: {@link #applyStatus} and {@link
 * #findOrganization}. They key on the gateway id and the carrier's ids, which no two organizations
 * share.
 */
public interface MessageStore {

  /**
   * Stores the carrier's receipt for a queued message: its carrier id, its status, its segments (if
   * the carrier counted) and the number it went out from (if the carrier said, as a messaging
   * service does). When the receipt names the number, the contact's sender binding for the gateway
   * becomes that number, so replies route to this organization. Status updates that arrived for the
   * carrier id before the receipt (see {@link #applyStatus}) are applied now, in arrival order,
   * each only if {@link dev.p2p.store.support.StatusRule#moves} says the status moves.
   *
   * <p>Events: message.sent ({@link dev.p2p.store.support.StatusRule#receiptStored}), then
   * message.delivered or message.failed for each kept update that moves the message there ({@link
   * dev.p2p.store.support.StatusRule#moved}); none when nothing was written.
   *
   * @return the message as stored now; empty when nothing was written: the message is unknown, is
   *     no longer {@code QUEUED} without a carrier id, or another message of the gateway has the
   *     receipt's carrier id (the core then decides what becomes of it)
   */
  default Optional<Message> markSent(
      String orgId, long messageId, SendReceipt receipt, Instant now) {
    return markSentAll(orgId, List.of(new Receipt(messageId, receipt)), now).get(0);
  }

  /**
   * Stores several receipts of the organization's queued messages in one transaction, each as
   * {@link #markSent} does, in order. p2p writes the receipts of concurrent sends together this
   * way, so that a busy campaign pays one commit for a group of them.
   *
   * <p>Events: each receipt's, as {@link #markSent} writes them, receipt by receipt.
   *
   * @return for each receipt, in order, what {@link #markSent} returns for it
   */
  List<Optional<Message>> markSentAll(String orgId, List<Receipt> receipts, Instant now);

  /**
   * Stores why a queued message could not be sent. A retry-safe failure (the carrier surely did not
   * act) makes it {@code FAILED}; any other leaves it {@code QUEUED}, flagged {@link
   * Message#unconfirmed()} for reconciliation (it may have reached the carrier).
   *
   * <p>Events: message.failed for a retry-safe failure, none for an unconfirmed one ({@link
   * dev.p2p.store.support.StatusRule#sendFailed}).
   *
   * @return the message as stored now; empty if it is unknown or no longer {@code QUEUED} without a
   *     carrier id
   */
  Optional<Message> markFailed(
      String orgId,
      long messageId,
      FailureKind failure,
      Optional<String> carrierCode,
      boolean retrySafe,
      Instant now);

  /**
   * Applies a carrier's status update to the outbound message with this gateway and carrier id,
   * forward only ({@link dev.p2p.store.support.StatusRule#moves}; SQL stores: one {@code UPDATE ...
   * WHERE status_rank < ?}). A repeated, late or out-of-order update changes nothing. The update's
   * failure kind and carrier code are stored when it has them.
   *
   * <p>An update for a carrier id no message has yet is kept: a fast carrier can call back before
   * the send's receipt is stored. {@link #markSent} applies the kept updates, in arrival order and
   * forward only; ones never claimed are dropped after a day.
   *
   * <p>Events: message.delivered for a move to {@code DELIVERED}, message.failed for a move to
   * {@code FAILED} or {@code UNDELIVERED}, none for other moves, updates that change nothing, or
   * updates kept for later ({@link dev.p2p.store.support.StatusRule#moved}).
   *
   * @return whether a message changed now
   */
  boolean applyStatus(String gatewayId, StatusUpdate update, Instant now);

  /**
   * The organization's sends of unknown fate, for reconciliation: outbound messages still {@code
   * QUEUED} without a carrier id (flagged {@link Message#unconfirmed()}, or recorded by a node that
   * stopped before the carrier answered) that last changed at or before {@code changedBy}, with ids
   * above {@code afterId}, by id ascending, at most {@code limit} of them. A read: it writes
   * nothing. The core settles each with {@link #markSent} or {@link #markFailed} (retry-safe), as
   * {@link dev.p2p.store.support.ReconcileRule} decides; both write only while the message still
   * waits, so a receipt or a reconciliation racing it changes it once.
   *
   * <p>Events: none.
   *
   * @param limit at most this many, 1 or more
   */
  @Beta
  List<Message> awaitingReceipt(String orgId, Instant changedBy, long afterId, int limit);

  /** The organization's message with this id. */
  Optional<Message> findMessage(String orgId, long messageId);

  /**
   * The organization an inbound message belongs to: the one whose binding for this gateway and
   * contact is {@code ourNumber}; when several organizations have that binding, the one that used
   * it last (a first message sent from a pool, or a receipt naming the number), ties by
   * organization id. When no organization binds this contact to {@code ourNumber}, the organization
   * that used {@code ourNumber} last on this gateway for any contact (same ordering), so that a
   * contact who writes first still reaches the organization that owns the number.
   */
  Optional<String> findOrganization(String gatewayId, String ourNumber, String contactPhone);
}
