package dev.p2p.store;

import dev.p2p.assign.Target;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.InboxCounts;
import dev.p2p.conversation.Message;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.optout.OptOut;
import dev.p2p.optout.OptOutSource;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The storage SPI for texting: conversations, assignment, opt-outs, inbound routing and the
 * organization's texting settings. It is the part of a {@link Store} returned by {@link
 * Store#conversations()}, sharing its transactions (or lock) and lifecycle. Each method is one
 * domain operation, atomic: it completes or changes nothing. The rules that race across threads and
 * app nodes hold here, in the store (SQL stores: row locks, {@code FOR UPDATE SKIP LOCKED}, unique
 * constraints), never in JVM memory alone:
 *
 * <ul>
 *   <li>a conversation is assigned to one texter at most;
 *   <li>an opted-out or invalid phone gets no message from {@link #recordSend} (except an {@link
 *       SendRecord.Kind#AUTOMATIC} one);
 *   <li>one action records one initial message per conversation, and two actions do not record
 *       initial messages to one phone within the lock window;
 *   <li>a texter acts only on conversations assigned to them.
 * </ul>
 *
 * <p><b>The pool.</b> When an action goes live its pool is opened ({@link #openPool}): one
 * conversation per contact of its list, {@code NEEDS_FIRST_MESSAGE}, unassigned. Each conversation
 * has a <em>window key</em>, {@code zone|areaCodeState|zipState} from its contact ({@code
 * contact.timeZone().map(ZoneId::getId).orElse("") + "|" + areaCodeState.orElse("") + "|" +
 * zipState.orElse("")}), so that the core can say which keys are inside texting hours now and the
 * store can filter by them without time-zone arithmetic. Each conversation also remembers the
 * texter who last had the same phone in an earlier action of the organization (for Keep
 * Assignments).
 *
 * <p><b>Needs attention.</b> A conversation needs attention when its status is {@code
 * NEEDS_ATTENTION}, or when it is {@code AWAITING_REPLY}, the contact has replied at least once,
 * its action has report questions (as the action is now) and no report is filed.
 *
 * <p>Methods take the organization id and never see another organization's records, except {@link
 * #ownerOf}, which the webhook pipeline calls before it knows the organization.
 */
public interface ConversationStore {

  // ---- the pool and assignment ----

  /**
   * Opens a live action's pool: creates a conversation for every contact of its list that has none
   * yet (status {@code NEEDS_FIRST_MESSAGE}, unassigned, with its window key and earlier texter).
   * Idempotent and cheap once done; safe when several nodes call it at once.
   *
   * @return how many conversations it created now
   * @throws dev.p2p.NotFoundException if the action does not exist
   */
  int openPool(String orgId, long actionId, Instant now);

  /**
   * The distinct window keys of the action's conversations (an empty set before its pool opens).
   */
  Set<String> windowKeys(String orgId, long actionId);

  /**
   * Assigns up to {@code request.count()} unassigned {@code NEEDS_FIRST_MESSAGE} conversations of
   * the action to the texter, lowest id first (Keep Assignments: the texter's own earlier contacts
   * first). Skips conversations whose phone is opted out or invalid, whose window key is not in
   * {@code request.windowKeys()}, or whose phone another action's initial message locks ({@code
   * request.lockedAfter()}). With {@code maxHeld > 0}, the texter never holds more than {@code
   * maxHeld} conversations of the action, even when the same texter asks twice at once. Each
   * conversation goes to one texter however many claim at once.
   *
   * @return the ids of the conversations claimed now, ascending; empty when none is left
   */
  List<Long> claim(String orgId, long actionId, String texterId, ClaimRequest request, Instant now);

  /**
   * The fixed split: assigns every unassigned, not opted-out {@code NEEDS_FIRST_MESSAGE}
   * conversation of the action to the texters, round robin in the given order by conversation id,
   * skipping a texter who holds {@code maxPerTexter} (0: no cap). With {@code keep}, a contact
   * whose earlier texter is among {@code texterIds} goes to that texter (cap permitting) first.
   *
   * @return how many conversations each texter got now, for every texter given (0 included)
   */
  Map<String, Integer> assignAll(
      String orgId,
      long actionId,
      List<String> texterIds,
      int maxPerTexter,
      boolean keep,
      Instant now);

  /**
   * Moves every conversation of the action assigned to {@code fromTexter} (any status) to {@code
   * toTexter}.
   *
   * @return how many moved
   */
  int reassign(String orgId, long actionId, String fromTexter, String toTexter, Instant now);

  /**
   * Puts the texter's unsent ({@code NEEDS_FIRST_MESSAGE}) conversations of the action back in the
   * pool, unassigned.
   *
   * @return how many were released
   */
  int release(String orgId, long actionId, String texterId, Instant now);

  /** Adds targets to the action; ones already there are kept once. */
  void addTargets(String orgId, long actionId, Collection<Target> targets);

  /** Removes a target. Returns whether it was there. */
  boolean removeTarget(String orgId, long actionId, Target target);

  /** The action's targets, in the order they were added. */
  List<Target> targets(String orgId, long actionId);

  /**
   * Sets (or, when empty, revokes) the action's join token, stored as the hash the core gives.
   *
   * @throws dev.p2p.NotFoundException if the action does not exist
   */
  void setJoinToken(String orgId, long actionId, Optional<String> tokenHash);

  /** The action whose current join token has this hash. */
  OptionalLong findActionByJoinToken(String orgId, String tokenHash);

  // ---- conversations ----

  /** The organization's conversation with this id. */
  Optional<Conversation> findConversation(String orgId, long conversationId);

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

  /** The texter's counts per inbox filter, for one action or all. */
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
   * Each check and move is {@link dev.p2p.store.support.SendRule}'s verdict on the facts read under
   * the conversation's lock.
   *
   * <p>The sender of a texter's message: the conversation's own once it has one (sticky); else,
   * with a {@code senderPool}, the number {@link MessageStore#bindSender} would bind the contact
   * to, bound in the same transaction; else the message's. It becomes the conversation's sender
   * when it has none. An automatic answer goes out from the message's sender.
   *
   * <p>Events: the effects' tag.added, tag.removed, field.set and report.filed ({@link
   * dev.p2p.store.support.EffectRule}); the message's own events come with its receipt.
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
   * AWAITING_REPLY}.
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
   * transaction. With no conversation, the message is kept unrouted (see {@link #unrouted}).
   */
  InboundOutcome receive(
      String orgId, String gatewayId, InboundMessage message, boolean optOut, Instant now);

  /** Inbound messages kept without a conversation, oldest first, ids above {@code afterId}. */
  List<Message> unrouted(String orgId, long afterId, int limit);

  /** The organization and phone of the outbound message with this gateway and carrier id. */
  Optional<MessageOwner> ownerOf(String gatewayId, String carrierMessageId);

  // ---- opt-outs and invalid phones ----

  /**
   * Opts a phone out of the organization: records it (the first source and time are kept) and makes
   * every conversation of the organization with that phone {@code OPTED_OUT}, not needing
   * attention.
   *
   * @return whether the phone was opted out now (false: it already was)
   */
  boolean optOut(String orgId, String phone, OptOutSource source, Instant now);

  /** The phone's opt-out, if it is opted out. */
  Optional<OptOut> findOptOut(String orgId, String phone);

  /**
   * Opt-outs ordered by phone, strictly after {@code afterPhone} (empty string: from the start).
   */
  List<OptOut> optOuts(String orgId, String afterPhone, int limit);

  /**
   * Marks a phone invalid (the carrier said it cannot receive texts): no action sends to it or
   * hands it out again.
   *
   * @return whether it was marked now
   */
  boolean markInvalid(String orgId, String phone, Instant now);

  /** Whether the phone is marked invalid. */
  boolean isInvalid(String orgId, String phone);

  // ---- settings ----

  /** The organization's texting settings as the core serialized them, if ever saved. */
  Optional<String> settings(String orgId);

  /** Saves the organization's texting settings (JSON written by the core). */
  void saveSettings(String orgId, String json, Instant now);
}
