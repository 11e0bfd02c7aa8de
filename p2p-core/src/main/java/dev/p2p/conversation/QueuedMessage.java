package dev.p2p.conversation;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.Phones;
import dev.p2p.internal.Inputs;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An outbound message as p2p records it before handing it to a gateway (status {@link
 * MessageStatus#QUEUED}).
 *
 * @param gatewayId the id the gateway was registered under ({@code P2P.builder().gateway(id, ..)})
 * @param reference p2p's id for the message, unique in the organization, 1 to 64 characters; the
 *     same value goes to the gateway as {@code OutboundMessage.reference()}
 * @param sender the sender number (E.164 or short code) or the messaging-service id
 * @param contactPhone the contact's phone, E.164
 * @param body the text, possibly empty when there is media; at most {@value
 *     Message#MAX_BODY_LENGTH} characters; each NUL and lone surrogate becomes U+FFFD
 * @param media URLs of attached media, possibly empty; at most {@value Message#MAX_MEDIA}, each of
 *     at most {@value Message#MAX_MEDIA_URL_LENGTH} characters
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

  /**
   * Checks every part, listing every problem at once, normalizes the body and copies the media.
   *
   * @throws ValidationException naming each bad part, {@code body} when it is too long
   */
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
    Inputs.checkOutbound(body, media, problems);
    if (segments < 0) {
      problems.add(new Violation("segments", "must not be negative"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    body = Inputs.text(body);
    media = List.copyOf(media);
  }

  /** This message as a store records it: {@code QUEUED}, with the store's id and time. */
  public Message recorded(long id, Instant at) {
    return new Message(
        id,
        Direction.OUTBOUND,
        gatewayId,
        Optional.of(reference),
        Optional.empty(),
        sender,
        contactPhone,
        body,
        false,
        media,
        segments,
        MessageStatus.QUEUED,
        false,
        Optional.empty(),
        Optional.empty(),
        at,
        at);
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
