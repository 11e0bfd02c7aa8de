package dev.p2p.gateway;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.Phones;
import dev.p2p.conversation.Message;
import dev.p2p.internal.Inputs;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message to one contact, as handed to a gateway.
 *
 * @param reference p2p's own id for the message, unique and stable across attempts; adapters pass
 *     it to the carrier where it can travel with the message (a tag, a callback parameter) so that
 *     callbacks resolve without a lookup
 * @param from the sender number or messaging service
 * @param to the contact's phone in E.164 form
 * @param body the text; may be empty only when there is media; at most {@value
 *     Message#MAX_BODY_LENGTH} characters; each NUL and lone surrogate becomes U+FFFD
 * @param media URLs of media to attach (MMS), possibly empty; at most {@value Message#MAX_MEDIA},
 *     each of at most {@value Message#MAX_MEDIA_URL_LENGTH} characters
 * @param expiresAt when the carrier should give up sending: the end of the contact's texting
 *     window, if the message has one
 */
public record OutboundMessage(
    String reference,
    Sender from,
    String to,
    String body,
    List<URI> media,
    Optional<Instant> expiresAt) {
  /** Checks every part, listing every problem at once. */
  public OutboundMessage {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(expiresAt, "expiresAt");
    List<Violation> problems = new ArrayList<>();
    if (reference == null || reference.isBlank() || reference.length() > 64) {
      problems.add(new Violation("reference", "must be 1 to 64 characters"));
    }
    if (!Phones.isE164(to)) {
      problems.add(new Violation("to", "must be an E.164 number such as +15551234567"));
    }
    Inputs.checkOutbound(body, media, problems);
    if (body != null && media != null && body.isEmpty() && media.isEmpty()) {
      problems.add(new Violation("body", "must not be empty when there is no media"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    body = Inputs.text(body);
    media = List.copyOf(media);
  }

  /** A text message without media or expiry. */
  public static OutboundMessage text(String reference, Sender from, String to, String body) {
    return new OutboundMessage(reference, from, to, body, List.of(), Optional.empty());
  }

  /** Masks the phone and leaves the body out, so the message is safe to log. */
  @Override
  public String toString() {
    return "OutboundMessage[reference="
        + reference
        + ", from="
        + from
        + ", to="
        + Phones.mask(to)
        + ", body="
        + body.length()
        + " chars, media="
        + media.size()
        + "]";
  }
}
