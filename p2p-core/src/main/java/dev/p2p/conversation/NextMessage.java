package dev.p2p.conversation;

import dev.p2p.contact.Contact;
import dev.p2p.sms.Segments;
import java.util.Objects;

/**
 * A conversation ready for its first message, as a texter sees it before pressing send: the
 * contact, the initial message variant the action's weights chose for this contact, and the text
 * rendered for them.
 *
 * @param conversation the conversation
 * @param contact its contact
 * @param variant the index of the initial message variant
 * @param body the rendered text, as it will be sent (smart-encoded when the action says so)
 * @param segments the text's encoding and segment count
 */
public record NextMessage(
    Conversation conversation, Contact contact, int variant, String body, Segments segments) {
  /** Checks presence. */
  public NextMessage {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(segments, "segments");
  }

  /** The id of the conversation, which {@code Texter.send} takes. */
  public long conversationId() {
    return conversation.id();
  }

  /** Leaves the body out, so the value is safe to log. */
  @Override
  public String toString() {
    return "NextMessage["
        + conversation
        + ", variant="
        + variant
        + ", "
        + segments.count()
        + " segments]";
  }
}
