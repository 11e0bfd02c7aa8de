package dev.p2p.testkit;

import dev.p2p.contact.Phones;
import dev.p2p.gateway.Sender;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message {@link FakeGateway} accepted: what the test asserts on.
 *
 * @param reference p2p's reference for the message
 * @param from the sender number or messaging service it was sent from
 * @param to the contact's phone (E.164)
 * @param body the text
 * @param media the media URLs, possibly empty
 * @param carrierMessageId the id the fake carrier gave it; its status webhooks name it
 * @param segments the segments the fake counted
 * @param sentAt when the fake accepted it, by the fake's clock
 */
public record SentMessage(
    String reference,
    Sender from,
    String to,
    String body,
    List<URI> media,
    String carrierMessageId,
    int segments,
    Instant sentAt) {

  /** Checks presence and copies the media. */
  public SentMessage {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(carrierMessageId, "carrierMessageId");
    Objects.requireNonNull(sentAt, "sentAt");
    media = List.copyOf(media);
  }

  /** Masks the phone and leaves the body out, so the value is safe to log. */
  @Override
  public String toString() {
    return "SentMessage[reference="
        + reference
        + ", carrierMessageId="
        + carrierMessageId
        + ", from="
        + from
        + ", to="
        + Phones.mask(to)
        + ", body="
        + body.length()
        + " chars, media="
        + media.size()
        + ", sentAt="
        + sentAt
        + "]";
  }
}
