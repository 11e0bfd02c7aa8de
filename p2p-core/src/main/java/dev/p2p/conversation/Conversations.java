package dev.p2p.conversation;

import dev.p2p.Beta;
import dev.p2p.Page;
import dev.p2p.ValidationException;
import java.util.Optional;

/**
 * An admin's view of the organization's conversations: any conversation by id, whatever its texter,
 * its messages, and the inbound messages no conversation claimed (a contact p2p never texted wrote
 * to one of its numbers). Obtain through {@code Organization.conversations()}.
 */
public interface Conversations {
  /** The largest page: {@value}. */
  int MAX_PAGE = Page.MAX_LIMIT;

  /** The conversation with this id, whoever it is assigned to. */
  Optional<Conversation> find(long conversationId);

  // ---- lookups by phone ----

  /**
   * The action's conversation with this phone, whoever it is assigned to: the CRM's way from a
   * contact's record to the thread of an action. Empty when the phone is not in the action, or the
   * action is not the organization's.
   *
   * @param phone the phone, in any form the organization's default region reads, such as {@code
   *     (312) 555-0100} or {@code +13125550100}
   * @throws ValidationException naming {@code phone} if it is null or not a phone number
   */
  Optional<Conversation> findByPhone(long actionId, String phone);

  /**
   * The first page of the phone's conversations in every action of the organization, newest first.
   *
   * @param limit 1 to {@value #MAX_PAGE}
   * @see #ofPhone(String, String, int)
   */
  Page<Conversation> ofPhone(String phone, int limit);

  /**
   * A page of the phone's conversations in every action of the organization, newest first (the most
   * recently created first, so the latest action's leads); whoever they are assigned to.
   *
   * @param phone the phone, in any form the organization's default region reads
   * @param cursor {@code ""} for the first page, else the previous page's {@link Page#next()}
   * @param limit 1 to {@value #MAX_PAGE}
   * @throws ValidationException naming {@code phone} (null or not a phone number), {@code limit}
   *     (out of range) or {@code cursor} (null, or not returned by this listing for this phone)
   */
  Page<Conversation> ofPhone(String phone, String cursor, int limit);

  /**
   * The first page of a conversation's messages, oldest first; empty for a conversation the
   * organization does not have.
   *
   * @param limit 1 to {@value #MAX_PAGE}
   */
  Page<Message> messages(long conversationId, int limit);

  /**
   * A page of a conversation's messages, oldest first.
   *
   * @param cursor {@code ""} for the first page, else the previous page's {@link Page#next()}
   * @param limit 1 to {@value #MAX_PAGE}
   * @throws ValidationException naming {@code limit} or {@code cursor}
   */
  Page<Message> messages(long conversationId, String cursor, int limit);

  /**
   * The first page of inbound messages kept without a conversation, oldest first: they were stored,
   * never dropped, and wait for someone to read them.
   *
   * @param limit 1 to {@value #MAX_PAGE}
   */
  Page<Message> unrouted(int limit);

  /**
   * A page of inbound messages kept without a conversation, oldest first.
   *
   * @param cursor {@code ""} for the first page, else the previous page's {@link Page#next()}
   * @param limit 1 to {@value #MAX_PAGE}
   * @throws ValidationException naming {@code limit} or {@code cursor}
   */
  Page<Message> unrouted(String cursor, int limit);

  /**
   * Settles by hand a send that {@code Organization.reconcile()} left for a person, as sent: a
   * person found it at the carrier under this id. Writes message.sent, as a receipt would.
   *
   * @return the message as stored now
   * @throws dev.p2p.NotFoundException if the organization has no such message
   * @throws ValidationException naming {@code messageId} if the message is not a send of unknown
   *     fate (an outbound message still {@code QUEUED} without a carrier id), or {@code
   *     carrierMessageId} if the id is malformed or another message has it
   */
  @Beta
  Message settleAsSent(long messageId, String carrierMessageId);

  /**
   * Settles by hand a send that {@code Organization.reconcile()} left for a person, as failed: a
   * person found that the carrier never took it. It becomes {@code FAILED} ({@link
   * FailureKind#RETRYABLE}, safe to send again by hand) and writes message.failed.
   *
   * @return the message as stored now
   * @throws dev.p2p.NotFoundException if the organization has no such message
   * @throws ValidationException naming {@code messageId} if the message is not a send of unknown
   *     fate (an outbound message still {@code QUEUED} without a carrier id)
   */
  @Beta
  Message settleAsFailed(long messageId);
}
