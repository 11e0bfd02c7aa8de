package dev.p2p.store.support;

import dev.p2p.ForbiddenException;
import dev.p2p.NotFoundException;
import dev.p2p.OptedOutException;
import dev.p2p.StoreException;
import dev.p2p.ValidationException;
import dev.p2p.action.ActionStatus;
import dev.p2p.contact.Phones;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.texter.GroupKind;
import java.time.Duration;

/**
 * The one wording of each refusal a store's operation can end in. The rules here throw them; a
 * store that must refuse on a fact only it can see (a unique constraint) throws the same ones, so
 * that every store answers the same input with the same exception and message.
 */
public final class Refusals {
  private Refusals() {}

  /** The organization has no conversation with this id. */
  public static NotFoundException noConversation(long conversationId) {
    return new NotFoundException("conversation", conversationId);
  }

  /** The organization has no action with this id. */
  public static NotFoundException noAction(long actionId) {
    return new NotFoundException("action", actionId);
  }

  /** The organization has no contact list with this id. */
  public static NotFoundException noList(long listId) {
    return new NotFoundException("contact list", listId);
  }

  /** The organization has no team or user list of this kind with this id. */
  public static NotFoundException noGroup(GroupKind kind, String groupId) {
    return new NotFoundException(kind.noun(), groupId);
  }

  /** The organization has no texter with this id. */
  public static NotFoundException noTexter(String texterId) {
    return new NotFoundException("texter", texterId);
  }

  /** No organization has this id. */
  public static NotFoundException noOrganization(String orgId) {
    return new NotFoundException("organization", orgId);
  }

  /** An unfinished import went too long without writing and was removed as abandoned. */
  public static StoreException importAbandoned(long listId) {
    return new StoreException(
        "The import of list "
            + listId
            + " wrote nothing for "
            + ImportRule.ABANDONED_AFTER.toMinutes()
            + " minutes and was removed as abandoned; nothing of it was kept, import the file"
            + " again",
        true);
  }

  /** A contact list already holds the phone (its unique key). */
  public static ValidationException phoneInList(long listId) {
    return ValidationException.of("phone", "is already in list " + listId);
  }

  /** The conversation is not assigned to the texter acting on it. */
  public static ForbiddenException notAssigned(long conversationId, String texterId) {
    return new ForbiddenException(
        "conversation " + conversationId + " is not assigned to texter " + texterId);
  }

  /** The phone is opted out of the organization. */
  public static OptedOutException optedOut(String phone) {
    return new OptedOutException(Phones.mask(phone));
  }

  /** The conversation's action is not live. */
  public static ValidationException actionNotLive(ActionStatus status) {
    return ValidationException.of(
        "status",
        "the action is " + status + ": only a published action sends (resume it to send again)");
  }

  /** The carrier said the phone cannot receive texts. */
  public static ValidationException invalidPhone() {
    return ValidationException.of(
        "contactPhone", "was marked invalid by the carrier: it cannot receive texts");
  }

  /** An initial message rendering a variant the action's script does not have. */
  public static ValidationException noVariant(int variant, int variants) {
    return ValidationException.of(
        "variant",
        "is "
            + variant
            + " but the action has "
            + variants
            + " initial message"
            + (variants == 1 ? "" : "s")
            + ": a variant is an index from 0 to "
            + (variants - 1));
  }

  /** An initial message for a conversation that has one. */
  public static ValidationException alreadyStarted(ConversationStatus status) {
    return ValidationException.of(
        "status", "the conversation is " + status + ": its initial message was sent already");
  }

  /** Another action's initial message to the phone is within the organization's lock window. */
  public static ValidationException lockWindow(Duration window) {
    return ValidationException.of(
        "contactPhone",
        "got another action's initial message within the organization's lock window of "
            + describe(window)
            + "; it can be texted once that window has passed");
  }

  /** A reply on a conversation that is not started and open. */
  public static ValidationException replyNeedsOpen(ConversationStatus status) {
    return ValidationException.of(
        "status", "the conversation is " + status + ": a reply needs a started, open one");
  }

  /** Closing or reopening a conversation that cannot be. */
  public static ValidationException cannotCloseOrReopen(ConversationStatus status, boolean close) {
    return ValidationException.of(
        "status",
        "the conversation is "
            + status
            + ": only a started conversation that is not opted out can be "
            + (close ? "closed" : "reopened"));
  }

  /** An outbound message whose reference another message of the organization has. */
  public static ValidationException referenceUsed() {
    return ValidationException.of(
        "reference", "is already used by another message of the organization");
  }

  /** Defining a tag whose name the organization uses. */
  public static ValidationException tagExists(String name) {
    return ValidationException.of(
        "name", "tag '" + name + "' already exists; change it with tags().update(..)");
  }

  /** Defining a custom field whose name the organization uses. */
  public static ValidationException fieldExists(String name) {
    return ValidationException.of(
        "name",
        "custom field '" + name + "' already exists; change it with customFields().update(..)");
  }

  /**
   * Deleting a tag or custom field that an action which is not closed uses.
   *
   * @param kind {@code tag} or {@code custom field}
   * @param name the tag's or field's name
   * @param actionId the first such action (lowest id), with its name and status
   */
  public static ValidationException inUse(
      String kind, String name, long actionId, String actionName, ActionStatus status) {
    return ValidationException.of(
        "name",
        "cannot delete "
            + kind
            + " '"
            + name
            + "': action "
            + actionId
            + " ('"
            + actionName
            + "', "
            + status
            + ") uses it; close that action or remove it from its scripts and report first");
  }

  private static String describe(Duration window) {
    long minutes = window.toMinutes();
    if (minutes % 60 != 0) {
      return minutes + " minutes";
    }
    long hours = window.toHours();
    return hours == 1 ? "1 hour" : hours + " hours";
  }
}
