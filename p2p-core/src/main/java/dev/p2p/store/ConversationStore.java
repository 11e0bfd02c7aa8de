package dev.p2p.store;

import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.InboxCounts;
import dev.p2p.conversation.Message;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The storage SPI for conversations: finding them, a texter's inbox, sending, updating, and routing
 * inbound messages. It is the part of a {@link Store} returned by {@link Store#conversations()},
 * sharing its transactions (or lock) and lifecycle. Each method is one domain operation, atomic: it
 * completes or changes nothing. The rules that race across threads and app nodes hold here, in the
 * store (SQL stores: row locks, unique constraints), never in JVM memory alone:
 *
 * <ul>
 *   <li>an opted-out or invalid phone ({@link OptOutStore}) gets no message from {@link
 *       #recordSend} (except an {@link SendRecord.Kind#AUTOMATIC} one);
 *   <li>one action records one initial message per conversation, and two actions do not record
 *       initial messages to one phone within the lock window;
 *   <li>a texter acts only on conversations assigned to them ({@link AssignmentStore}).
 * </ul>
 *
 * <p><b>Needs attention.</b> A conversation needs attention when its status is {@code
 * NEEDS_ATTENTION}, or when it is {@code AWAITING_REPLY}, the contact has replied at least once,
 * its action has report questions (as the action is now) and no report is filed.
 *
 * <p>Methods take the organization id and never see another organization's records, except {@link
 * #ownerOf}, which the webhook pipeline calls before it knows the organization.
 */
public interface ConversationStore {

  /** The organization's conversation with this id. */
  Optional<Conversation> findConversation(String orgId, long conversationId);

  /**
   * The action's conversation with this phone (E.164, as the core normalized it), whoever it is
   * assigned to; when the phone is in the action twice (its contact was removed from the list and
   * added again after the pool opened), the one with the highest id. Empty when the action is not
   * the organization's.
   */
  Optional<Conversation> findConversationByPhone(String orgId, long actionId, String phone);

  /**
   * The organization's conversations with this phone (E.164), in every action, newest first (by id,
   * descending), with ids strictly below {@code beforeId}; at most {@code limit}.
   */
  List<Conversation> conversationsByPhone(String orgId, String phone, long beforeId, int limit);

  /**
   * The texter's claimed-but-unsent conversations: assigned to the texter and {@code
   * NEEDS_FIRST_MESSAGE}, for one action or all, those whose phone is opted out or invalid included
   * (the inbox counts' {@code toSend} plus {@code blocked}); lowest id first (the order {@link
   * #nextToSend} offers them in), with ids strictly above {@code afterId}; at most {@code limit}.
   */
  List<Conversation> unsent(
      String orgId, String texterId, OptionalLong actionId, long afterId, int limit);

  /**
   * The texter's next conversation of the action to send its first message to: assigned to the
   * texter, {@code NEEDS_FIRST_MESSAGE}, phone neither opted out nor invalid, window key in {@code
   * windowKeys}, and (with {@code lockedAfter}) phone not locked by another action's initial
   * message after that instant; lowest id first.
   */
  Optional<Conversation> nextToSend(
      String orgId,
      long actionId,
      String texterId,
      Set<String> windowKeys,
      Optional<Instant> lockedAfter);

  /** One page of a texter's inbox (see {@link InboxQuery}). */
  List<Conversation> inbox(String orgId, InboxQuery query);

  /**
   * The texter's counts per inbox filter, for one action or all: made by {@link
   * dev.p2p.store.support.WaitingRule#inboxCounts} from what the store counts, so that assigned
   * conversations whose phone is opted out or marked invalid count as blocked, not to send.
   */
  InboxCounts inboxCounts(String orgId, String texterId, OptionalLong actionId);

  /** A conversation's messages, oldest first, with ids above {@code afterId}. */
  List<Message> thread(String orgId, long conversationId, long afterId, int limit);

  /**
   * Records an outbound message of a conversation as {@code QUEUED} and moves the conversation, in
   * one transaction. For {@code INITIAL} and {@code REPLY}: the conversation is assigned to the
   * texter and its action is {@code PUBLISHED}; its phone is neither opted out nor invalid; an
   * initial message needs {@code NEEDS_FIRST_MESSAGE} and no other action's initial message to the
   * phone within {@code lockWindow}; a reply needs {@code AWAITING_REPLY} or {@code
   * NEEDS_ATTENTION}. The conversation then becomes {@code AWAITING_REPLY}, read, with the
   * message's time as its last message time; the record's effects apply. An {@code AUTOMATIC}
   * message only needs the conversation to exist and changes nothing but the last message time.
   * Each check and move is {@link dev.p2p.store.support.SendRule#decide}'s verdict on the {@link
   * dev.p2p.store.support.SendFacts} read under the conversation's lock; the effects are {@link
   * dev.p2p.store.support.EffectRule#decide}'s. A reference the organization used before is refused
   * with {@link dev.p2p.store.support.Refusals#referenceUsed}.
   *
   * <p>The sender of a texter's message: the conversation's own once it has one (sticky); else,
   * with a {@code senderPool}, the contact's sender binding for the message's gateway, bound in the
   * same transaction: the bound number while the pool holds it, otherwise the pool's number with
   * the fewest bindings in the organization and gateway (ties to the earlier in the pool), which
   * becomes the binding, stamped as used now (see {@link MessageStore#findOrganization}); however
   * many threads or app nodes bind one contact at once, one binding remains. Else the message's own
   * sender. It becomes the conversation's sender when it has none. An automatic answer goes out
   * from the message's sender.
   *
   * <p>Events: for an initial message or a reply, the effects' tag.added, tag.removed, field.set
   * and report.filed, in that order ({@link dev.p2p.store.support.EffectRule#decide}); none for an
   * automatic answer. The message's own events come later: message.sent with its receipt ({@link
   * MessageStore#markSent}), message.failed if it fails.
   *
   * @return the message as recorded, {@code QUEUED}, with the sender it goes out from
   * @throws dev.p2p.NotFoundException if the conversation is not in the organization
   * @throws dev.p2p.ForbiddenException if it is not assigned to the texter
   * @throws dev.p2p.OptedOutException if the phone is opted out
   * @throws dev.p2p.ValidationException naming {@code status} (wrong conversation or action
   *     status), {@code contactPhone} (invalid phone, or locked by another action's initial
   *     message) or {@code reference} (already used)
   */
  Message recordSend(String orgId, SendRecord record, Instant now);

  /**
   * Applies a texter's (or, with an empty texter, an admin's) update to a conversation: tags,
   * fields, report, close or reopen, read. Closing needs a started, not opted-out conversation;
   * reopening a closed one makes it {@code NEEDS_ATTENTION} if the contact wrote last, else {@code
   * AWAITING_REPLY}. The status move is {@link dev.p2p.store.support.EditRule#decide}'s verdict on
   * the conversation as locked; the tags, fields and report are {@link
   * dev.p2p.store.support.EffectRule#decide}'s.
   *
   * <p>Events: tag.added, tag.removed, field.set and report.filed for what changed, in that order
   * ({@link dev.p2p.store.support.EffectRule#decide}); closing, reopening and marking read write
   * none.
   *
   * @return the conversation after the update
   * @throws dev.p2p.NotFoundException if the conversation is not in the organization
   * @throws dev.p2p.ForbiddenException if a texter is given and it is not assigned to them
   * @throws dev.p2p.ValidationException naming {@code status} if it cannot be closed or reopened
   */
  Conversation update(
      String orgId,
      long conversationId,
      Optional<String> texterId,
      ConversationUpdate update,
      Instant now);

  // ---- inbound ----

  /**
   * Stores an inbound message once (the same gateway and carrier id again is a no-op, in any
   * organization) and routes it: to the conversation of the organization with the sender's phone
   * that was last active, preferring those whose sender is the number written to. The conversation
   * becomes {@code NEEDS_ATTENTION} (a closed one reopens) and unread, unless opted out. With
   * {@code optOut} (a STOP keyword), the phone is opted out of the organization in the same
   * transaction, as {@link OptOutStore#optOut} does. With no conversation, the message is kept
   * unrouted (see {@link #unrouted}). What the conversation becomes is {@link
   * dev.p2p.store.support.InboundRule#decide}'s verdict on its status as locked.
   *
   * <p>Events: message.received, then contact.opted_out when the message opted the phone out now
   * ({@link dev.p2p.store.support.InboundRule#changes}); none when the message was stored before.
   */
  InboundOutcome receive(
      String orgId, String gatewayId, InboundMessage message, boolean optOut, Instant now);

  /** Inbound messages kept without a conversation, oldest first, ids above {@code afterId}. */
  List<Message> unrouted(String orgId, long afterId, int limit);

  /** The organization and phone of the outbound message with this gateway and carrier id. */
  Optional<MessageOwner> ownerOf(String gatewayId, String carrierMessageId);
}
