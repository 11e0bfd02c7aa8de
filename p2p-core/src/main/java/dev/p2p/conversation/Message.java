package dev.p2p.conversation;

import dev.p2p.contact.Phones;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored message, outbound or inbound.
 *
 * <p>An outbound message starts {@link MessageStatus#QUEUED} without a carrier id; the gateway's
 * receipt gives it one. A send that failed in a way that may still have reached the carrier (a
 * timeout after the request was written) stays {@code QUEUED} with {@link #unconfirmed()} set: it
 * is never sent again automatically and waits for {@link dev.p2p.Organization#reconcile()}, which
 * asks the carrier and marks it sent or failed, or leaves it for a person.
 *
 * @param id the store's id for the message
 * @param direction outbound or inbound
 * @param gatewayId the id of the gateway it went through
 * @param reference p2p's reference for an outbound message; empty for an inbound one
 * @param carrierMessageId the carrier's id, once the carrier gave one
 * @param sender p2p's side of the exchange: for an outbound message the number it went out from
 *     (the messaging-service id until the carrier says which number it used); for an inbound one
 *     the number that received it
 * @param contactPhone the contact's phone, E.164
 * @param body the text, possibly empty; at most {@value #MAX_BODY_LENGTH} characters, without NUL
 *     or lone surrogates (each became U+FFFD)
 * @param truncated whether p2p cut an inbound message to fit: its body to {@value #MAX_BODY_LENGTH}
 *     characters, or its media to {@value #MAX_MEDIA} URLs of at most {@value
 *     #MAX_MEDIA_URL_LENGTH} characters; always false for an outbound one, which is refused instead
 * @param media URLs of attached media, possibly empty: at most {@value #MAX_MEDIA}
 * @param segments the segments counted (the carrier's count once it gave one)
 * @param status where the message stands; only ever moves forward
 * @param unconfirmed whether a failed send may have reached the carrier all the same
 * @param failure why the send or delivery failed, for {@code FAILED}, {@code UNDELIVERED} and
 *     unconfirmed messages
 * @param carrierCode the carrier's error code, when it gave one
 * @param createdAt when the message was recorded
 * @param updatedAt when it last changed
 */
public record Message(
    long id,
    Direction direction,
    String gatewayId,
    Optional<String> reference,
    Optional<String> carrierMessageId,
    String sender,
    String contactPhone,
    String body,
    boolean truncated,
    List<URI> media,
    int segments,
    MessageStatus status,
    boolean unconfirmed,
    Optional<FailureKind> failure,
    Optional<String> carrierCode,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * The longest body p2p keeps, in UTF-16 characters: {@value}, twice Bandwidth's maximum of 2,048
   * (Twilio's is 1,600). A longer inbound body is stored cut to it and {@linkplain #truncated()
   * marked}; a longer outbound one is refused. The same on every store.
   */
  public static final int MAX_BODY_LENGTH = 4_096;

  /** The most media URLs a message holds: {@value} (MMS carriers take 10 at most). */
  public static final int MAX_MEDIA = 10;

  /** The longest media URL p2p keeps: {@value} characters. */
  public static final int MAX_MEDIA_URL_LENGTH = 2_048;

  /** Checks presence and copies the media. */
  public Message {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(gatewayId, "gatewayId");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(carrierMessageId, "carrierMessageId");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(contactPhone, "contactPhone");
    Objects.requireNonNull(body, "body");
    media = List.copyOf(media);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(carrierCode, "carrierCode");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** Masks the phones and leaves the body out, so the message is safe to log. */
  @Override
  public String toString() {
    return "Message[id="
        + id
        + ", "
        + direction
        + ", gatewayId="
        + gatewayId
        + ", carrierMessageId="
        + carrierMessageId.orElse("-")
        + ", sender="
        + (sender.startsWith("+") ? Phones.mask(sender) : sender)
        + ", contact="
        + Phones.mask(contactPhone)
        + ", body="
        + body.length()
        + " chars, status="
        + status
        + (unconfirmed ? " (unconfirmed)" : "")
        + (truncated ? " (truncated)" : "")
        + "]";
  }
}
