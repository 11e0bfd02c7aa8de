package dev.p2p.event;

import dev.p2p.contact.Phones;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.FiledReport;
import dev.p2p.optout.OptOutSource;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an {@link Event} records. A closed set: each kind has a stable {@link #type()} name and JSON
 * form ({@code docs/events.md}). Ids are the store's ids, as the rest of the API returns them.
 */
public sealed interface Change
    permits Change.MessageSent,
        Change.MessageDelivered,
        Change.MessageFailed,
        Change.MessageReceived,
        Change.ContactOptedOut,
        Change.TagAdded,
        Change.TagRemoved,
        Change.FieldSet,
        Change.ReportFiled,
        Change.AssignmentChanged {

  /** The type name, such as {@code message.sent}; stable across versions. */
  String type();

  /** A sender for a log line: an E.164 number masked; a short code or service id as it is. */
  private static String maskSender(String sender) {
    return Phones.maskSender(sender);
  }

  /**
   * The carrier accepted an outbound message.
   *
   * @param messageId the message
   * @param reference p2p's reference, as given to the gateway
   * @param conversationId its conversation, when it belongs to one
   * @param actionId its action, when it belongs to one
   * @param texterId who sent it; empty for p2p's automatic answers
   * @param contactPhone the contact's phone, E.164
   * @param sender the number (or messaging service) it went out from
   * @param carrierMessageId the carrier's id for it
   * @param segments the segments counted
   */
  record MessageSent(
      long messageId,
      String reference,
      OptionalLong conversationId,
      OptionalLong actionId,
      Optional<String> texterId,
      String contactPhone,
      String sender,
      String carrierMessageId,
      int segments)
      implements Change {
    /** Checks presence. */
    public MessageSent {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(conversationId, "conversationId");
      Objects.requireNonNull(actionId, "actionId");
      Objects.requireNonNull(texterId, "texterId");
      Objects.requireNonNull(contactPhone, "contactPhone");
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(carrierMessageId, "carrierMessageId");
    }

    @Override
    public String type() {
      return "message.sent";
    }

    /** Masks the phones and leaves the body out, so the change is safe to log. */
    @Override
    public String toString() {
      return "MessageSent[messageId="
          + messageId
          + ", reference="
          + reference
          + ", conversationId="
          + conversationId
          + ", actionId="
          + actionId
          + ", texterId="
          + texterId
          + ", contactPhone="
          + Phones.mask(contactPhone)
          + ", sender="
          + maskSender(sender)
          + ", carrierMessageId="
          + carrierMessageId
          + ", segments="
          + segments
          + "]";
    }
  }

  /**
   * The carrier reported an outbound message delivered to the handset.
   *
   * @param messageId the message
   * @param reference p2p's reference
   * @param conversationId its conversation, when it belongs to one
   * @param actionId its action, when it belongs to one
   * @param contactPhone the contact's phone, E.164
   */
  record MessageDelivered(
      long messageId,
      String reference,
      OptionalLong conversationId,
      OptionalLong actionId,
      String contactPhone)
      implements Change {
    /** Checks presence. */
    public MessageDelivered {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(conversationId, "conversationId");
      Objects.requireNonNull(actionId, "actionId");
      Objects.requireNonNull(contactPhone, "contactPhone");
    }

    @Override
    public String type() {
      return "message.delivered";
    }

    /** Masks the phones and leaves the body out, so the change is safe to log. */
    @Override
    public String toString() {
      return "MessageDelivered[messageId="
          + messageId
          + ", reference="
          + reference
          + ", conversationId="
          + conversationId
          + ", actionId="
          + actionId
          + ", contactPhone="
          + Phones.mask(contactPhone)
          + "]";
    }
  }

  /**
   * An outbound message failed: the gateway refused it, or the carrier reported it failed or
   * undelivered.
   *
   * @param messageId the message
   * @param reference p2p's reference
   * @param conversationId its conversation, when it belongs to one
   * @param actionId its action, when it belongs to one
   * @param contactPhone the contact's phone, E.164
   * @param failure why, as p2p classifies it
   * @param carrierCode the carrier's error code, when it gave one
   */
  record MessageFailed(
      long messageId,
      String reference,
      OptionalLong conversationId,
      OptionalLong actionId,
      String contactPhone,
      FailureKind failure,
      Optional<String> carrierCode)
      implements Change {
    /** Checks presence. */
    public MessageFailed {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(conversationId, "conversationId");
      Objects.requireNonNull(actionId, "actionId");
      Objects.requireNonNull(contactPhone, "contactPhone");
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(carrierCode, "carrierCode");
    }

    @Override
    public String type() {
      return "message.failed";
    }

    /** Masks the phones and leaves the body out, so the change is safe to log. */
    @Override
    public String toString() {
      return "MessageFailed[messageId="
          + messageId
          + ", reference="
          + reference
          + ", conversationId="
          + conversationId
          + ", actionId="
          + actionId
          + ", contactPhone="
          + Phones.mask(contactPhone)
          + ", failure="
          + failure
          + ", carrierCode="
          + carrierCode
          + "]";
    }
  }

  /**
   * A contact's message arrived.
   *
   * @param messageId the message
   * @param conversationId the conversation it was routed to; empty when unrouted
   * @param actionId that conversation's action
   * @param texterId the texter holding that conversation, if any
   * @param contactPhone the contact's phone, E.164
   * @param sender the organization's number it reached
   * @param body the text, possibly empty
   * @param media URLs of attached media, possibly empty
   */
  record MessageReceived(
      long messageId,
      OptionalLong conversationId,
      OptionalLong actionId,
      Optional<String> texterId,
      String contactPhone,
      String sender,
      String body,
      List<URI> media)
      implements Change {
    /** Checks presence and copies the media. */
    public MessageReceived {
      Objects.requireNonNull(conversationId, "conversationId");
      Objects.requireNonNull(actionId, "actionId");
      Objects.requireNonNull(texterId, "texterId");
      Objects.requireNonNull(contactPhone, "contactPhone");
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(body, "body");
      media = List.copyOf(media);
    }

    @Override
    public String type() {
      return "message.received";
    }

    /** Masks the phones and leaves the body out, so the change is safe to log. */
    @Override
    public String toString() {
      return "MessageReceived[messageId="
          + messageId
          + ", conversationId="
          + conversationId
          + ", actionId="
          + actionId
          + ", texterId="
          + texterId
          + ", contactPhone="
          + Phones.mask(contactPhone)
          + ", sender="
          + maskSender(sender)
          + ", body="
          + body.length()
          + " chars, media="
          + media.size()
          + "]";
    }
  }

  /**
   * A phone joined the organization's opt-out list (only the first time).
   *
   * @param phone the phone, E.164
   * @param source who opted it out
   */
  record ContactOptedOut(String phone, OptOutSource source) implements Change {
    /** Checks presence. */
    public ContactOptedOut {
      Objects.requireNonNull(phone, "phone");
      Objects.requireNonNull(source, "source");
    }

    @Override
    public String type() {
      return "contact.opted_out";
    }

    /** Masks the phones and leaves the body out, so the change is safe to log. */
    @Override
    public String toString() {
      return "ContactOptedOut[phone=" + Phones.mask(phone) + ", source=" + source + "]";
    }
  }

  /**
   * A tag was applied to a conversation that did not have it.
   *
   * @param conversationId the conversation
   * @param actionId its action
   * @param tag the tag's name
   */
  record TagAdded(long conversationId, long actionId, String tag) implements Change {
    /** Checks presence. */
    public TagAdded {
      Objects.requireNonNull(tag, "tag");
    }

    @Override
    public String type() {
      return "tag.added";
    }
  }

  /**
   * A tag was taken off a conversation that had it.
   *
   * @param conversationId the conversation
   * @param actionId its action
   * @param tag the tag's name
   */
  record TagRemoved(long conversationId, long actionId, String tag) implements Change {
    /** Checks presence. */
    public TagRemoved {
      Objects.requireNonNull(tag, "tag");
    }

    @Override
    public String type() {
      return "tag.removed";
    }
  }

  /**
   * A custom field of a conversation was given a new value.
   *
   * @param conversationId the conversation
   * @param actionId its action
   * @param field the custom field's name
   * @param value the value, as text
   */
  record FieldSet(long conversationId, long actionId, String field, String value)
      implements Change {
    /** Checks presence. */
    public FieldSet {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String type() {
      return "field.set";
    }
  }

  /**
   * A texter filed (or filed again) the report of a conversation.
   *
   * @param conversationId the conversation
   * @param actionId its action
   * @param report the answers, who filed them and when
   */
  record ReportFiled(long conversationId, long actionId, FiledReport report) implements Change {
    /** Checks presence. */
    public ReportFiled {
      Objects.requireNonNull(report, "report");
    }

    @Override
    public String type() {
      return "report.filed";
    }
  }

  /**
   * Conversations of an action changed hands. One event covers at most {@value #MAX_IDS}
   * conversations; a larger move is written as several events.
   *
   * @param actionId the action
   * @param reason what moved them
   * @param texterId the texter who holds them now; empty when they went back to the pool
   * @param previousTexterId the texter who held them before; empty when they came from the pool
   * @param conversationIds the conversations, ascending
   */
  record AssignmentChanged(
      long actionId,
      Reason reason,
      Optional<String> texterId,
      Optional<String> previousTexterId,
      List<Long> conversationIds)
      implements Change {
    /** The most conversation ids one event lists. */
    public static final int MAX_IDS = 1_000;

    /** Checks presence, copies the ids and checks there are 1 to {@value #MAX_IDS} of them. */
    public AssignmentChanged {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(texterId, "texterId");
      Objects.requireNonNull(previousTexterId, "previousTexterId");
      conversationIds = List.copyOf(conversationIds);
      if (conversationIds.isEmpty() || conversationIds.size() > MAX_IDS) {
        throw new IllegalArgumentException(
            "conversationIds must hold 1 to " + MAX_IDS + " ids, held " + conversationIds.size());
      }
    }

    @Override
    public String type() {
      return "assignment.changed";
    }

    /** What moved the conversations. */
    public enum Reason {
      /** A texter requested a batch from the pool (dynamic assignment). */
      CLAIMED,
      /** A fixed split handed the pool out. */
      ASSIGNED,
      /** An admin moved a texter's conversations to another texter. */
      REASSIGNED,
      /** An admin returned a texter's unsent conversations to the pool. */
      RELEASED
    }
  }
}
