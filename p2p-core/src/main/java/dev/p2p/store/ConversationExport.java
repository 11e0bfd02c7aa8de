package dev.p2p.store;

import dev.p2p.contact.ContactDetails;
import dev.p2p.conversation.Conversation;
import java.util.Objects;

/**
 * One row of a conversation export: the conversation and its contact's details.
 *
 * @param conversation the conversation, with its tags, field values and report
 * @param contact the contact's details as the list holds them now
 */
public record ConversationExport(Conversation conversation, ContactDetails contact) {
  /** Checks presence. */
  public ConversationExport {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(contact, "contact");
  }
}
