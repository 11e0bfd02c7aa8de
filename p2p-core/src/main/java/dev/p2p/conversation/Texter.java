package dev.p2p.conversation;

import dev.p2p.ForbiddenException;
import dev.p2p.Page;
import dev.p2p.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * What one texter does, one message at a time: ask for a batch of contacts, send each its first
 * message, answer replies with scripts or free text, tag, set fields, file reports, opt contacts
 * out, close conversations, and read the inbox. Obtain through {@code Organization.texter(id)}.
 *
 * <p>A texter acts only on conversations assigned to them ({@link ForbiddenException} otherwise);
 * another organization's records are not found. Every send is checked against opt-outs, the
 * action's state and the contact's texting hours, and is one message to one contact. Thread-safe.
 */
public interface Texter {
  /** The texter's id. */
  String id();

  /**
   * Asks for the action's next batch of contacts (dynamic assignment): up to the action's batch
   * size, never past its per-texter maximum, only contacts not opted out and inside texting hours
   * now. With Keep Assignments, the texter's own contacts from earlier actions come first.
   *
   * @return how many contacts were assigned now (0 when none is left for now)
   * @throws ForbiddenException if the texter is not among the action's targets
   * @throws ValidationException naming {@code status} (action not published) or {@code
   *     assignment.policy} (the action uses a fixed split)
   */
  int requestBatch(long actionId);

  /**
   * The next assigned conversation of the action to send a first message to, with its text
   * rendered: a preview of what {@link #send} sends. Only contacts inside texting hours now, not
   * opted out and not within another action's lock window.
   */
  Optional<NextMessage> nextToSend(long actionId);

  /**
   * Sends a conversation's first message and waits for the carrier's answer. The conversation is
   * named by id: its contact's phone, the sender and the text come from the store (the text as
   * {@link #nextToSend} previewed it, or rendered now), never from a value the caller builds.
   *
   * @return the stored message as the carrier's answer left it: once the carrier took it, with the
   *     carrier's id and the status of its receipt, which is {@code QUEUED} (the carrier queues the
   *     message; {@code SENT}, {@code DELIVERED} or a failure arrive later by webhook); if the
   *     carrier refused it, {@code FAILED} with the reason; if its fate is unknown, {@code QUEUED}
   *     without a carrier id, {@linkplain Message#unconfirmed() unconfirmed}
   * @throws dev.p2p.NotFoundException if the organization has no such conversation
   * @throws ForbiddenException if it is not assigned to this texter
   * @throws dev.p2p.OptedOutException if the contact opted out meanwhile (nothing sent)
   * @throws dev.p2p.OutsideTextingHoursException if the contact's window is closed (nothing sent)
   * @throws ValidationException naming {@code status} if the message was sent already or the action
   *     is not published, or {@code contactPhone} if the organization's lock window blocks it
   */
  Message send(long conversationId);

  /**
   * Like {@link #send} without waiting for the carrier: every check runs and the message is
   * recorded before this returns; the stage completes with the stored message once the carrier
   * answers, as {@link #send} returns it (usually {@code QUEUED} with the carrier's id).
   */
  CompletableFuture<Message> sendAsync(long conversationId);

  /**
   * Answers with a reply script, by label path ({@code Yes} or {@code Yes/Where}): renders its body
   * for the contact and applies its tags and field values with the message.
   *
   * @throws ValidationException naming {@code script} if the action has no such reply
   */
  Message reply(long conversationId, String scriptPath);

  /** Answers with free text. */
  Message replyText(long conversationId, String text);

  /**
   * Applies tags.
   *
   * @throws ValidationException naming {@code tags} if one is not a tag of the organization
   */
  Conversation tag(long conversationId, String... tags);

  /**
   * Takes tags off; ones not applied are ignored.
   *
   * @throws ValidationException naming {@code tags} if one is not a well-formed tag name
   */
  Conversation untag(long conversationId, String... tags);

  /**
   * Sets a custom field's value on the conversation.
   *
   * @throws ValidationException naming {@code fields.<name>} if the field does not exist or the
   *     value does not fit its type
   */
  Conversation setField(long conversationId, String field, String value);

  /**
   * Files the conversation's report: for every question of the action's report, by its id ({@link
   * dev.p2p.action.Question#id()}, the prompt unless set otherwise), the answer (tag names for a
   * tag question, one value for a field question). Applies the answers' tags and field values too;
   * a later report replaces it.
   *
   * @throws ValidationException listing every unanswered question and every bad answer
   */
  Conversation fileReport(long conversationId, Map<String, List<String>> answers);

  /**
   * Opts the contact out of the organization: no action texts the phone again. With a confirmation,
   * sends that one text to confirm.
   */
  Conversation optOut(long conversationId, Optional<String> confirmation);

  /** Closes a started conversation; a new message from the contact reopens it. */
  Conversation close(long conversationId);

  /** Reopens a closed conversation. */
  Conversation reopen(long conversationId);

  /** Marks the conversation read. */
  Conversation markRead(long conversationId);

  /** One of the texter's conversations. */
  Conversation conversation(long conversationId);

  /** A conversation's messages, oldest first (up to 1,000). */
  List<Message> messages(long conversationId);

  /** The texter's inbox. */
  Inbox inbox();

  /**
   * The first page of the texter's claimed-but-unsent conversations.
   *
   * @param limit 1 to {@value Inbox#MAX_PAGE}
   * @see #unsent(OptionalLong, String, int)
   */
  Page<Conversation> unsent(OptionalLong actionId, int limit);

  /**
   * A page of the texter's claimed-but-unsent conversations: assigned to the texter, first message
   * not sent yet ({@link ConversationStatus#NEEDS_FIRST_MESSAGE}), lowest id first, the order
   * {@link #nextToSend} offers them in. One whose phone a carrier has since marked invalid stays
   * listed though it will never be sent ({@link InboxCounts#blocked()}); one opted out leaves, as
   * its conversation is {@code OPTED_OUT}. So the listing holds {@link InboxCounts#toSend()} plus
   * {@link InboxCounts#blocked()} conversations.
   *
   * @param actionId only this action's, when present
   * @param cursor {@code ""} for the first page, else the previous page's {@link Page#next()}
   * @param limit 1 to {@value Inbox#MAX_PAGE}
   * @throws ValidationException naming {@code actionId} (null), {@code limit} (out of range) or
   *     {@code cursor} (null, or not returned by this listing for this texter and action)
   */
  Page<Conversation> unsent(OptionalLong actionId, String cursor, int limit);
}
