package dev.p2p.conversation;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.Phones;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An outbound message as p2p records it before handing it to a gateway (status {@link
 * MessageStatus#QUEUED}).
 *
 * @param gatewayId the id the gateway was registered under ({@code P2P.builder().gateway(id, ..)})
 * @param reference p2p's id for the message, unique in the organization, 1 to 64 characters; the
 *     same value goes to the gateway as {@code OutboundMessage.reference()}
 * @param sender the sender number (E.164 or short code) or the messaging-service id
 * @param contactPhone the contact's phone, E.164
 * @param body the text, possibly empty when there is media
 * @param media URLs of attached media, possibly empty
 * @param segments how many segments p2p counted for the body (0 for media only)
 */
public record QueuedMessage(
    String gatewayId,
    String reference,
    String sender,
    String contactPhone,
    String body,
    List<URI> media,
    int segments) {

  /** Checks every part, listing every problem at once, and copies the media. */
  public QueuedMessage {
    List<Violation> problems = new ArrayList<>();
    if (gatewayId == null || gatewayId.isBlank() || gatewayId.length() > 64) {
      problems.add(new Violation("gatewayId", "must be 1 to 64 characters"));
    }
    if (reference == null || reference.isBlank() || reference.length() > 64) {
      problems.add(new Violation("reference", "must be 1 to 64 characters"));
    }
    if (sender == null || sender.isBlank() || sender.length() > 64) {
      problems.add(new Violation("sender", "must be 1 to 64 characters"));
    }
    if (!Phones.isE164(contactPhone)) {
      problems.add(new Violation("contactPhone", "must be an E.164 number such as +15551234567"));
    }
    if (body == null) {
      problems.add(new Violation("body", "must not be null"));
    }
    if (media == null || media.stream().anyMatch(Objects::isNull)) {
      problems.add(new Violation("media", "must be a list of URLs without nulls"));
    }
    if (segments < 0) {
      problems.add(new Violation("segments", "must not be negative"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    media = List.copyOf(media);
  }

  /** Masks the phone and leaves the body out, so the message is safe to log. */
  @Override
  public String toString() {
    return "QueuedMessage[gatewayId="
        + gatewayId
        + ", reference="
        + reference
        + ", to="
        + Phones.mask(contactPhone)
        + ", body="
        + body.length()
        + " chars]";
  }
}
