package dev.p2p.gateway;

import dev.p2p.ValidationException;
import dev.p2p.contact.Phones;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.internal.Inputs;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A verified fact from a carrier's webhook: an inbound message or a status update. */
public sealed interface GatewayEvent {

  /**
   * The carrier's id for the message the event is about, 1 to {@value
   * SendReceipt#MAX_CARRIER_ID_LENGTH} characters.
   */
  String carrierMessageId();

  /**
   * A message a contact sent to one of p2p's numbers. Its text is normalized and bounded here, once
   * for every store: each NUL and lone surrogate of the body becomes U+FFFD, a body over {@value
   * Message#MAX_BODY_LENGTH} characters is cut to it, and only the first {@value Message#MAX_MEDIA}
   * media URLs of at most {@value Message#MAX_MEDIA_URL_LENGTH} characters are kept; anything cut
   * sets {@link #truncated()}. A carrier's message is never refused for its size.
   *
   * @param carrierMessageId the carrier's id for the inbound message
   * @param from the contact's phone, E.164
   * @param to p2p's number that received it, E.164
   * @param body the text, possibly empty
   * @param media URLs of attached media, possibly empty
   * @param receivedAt when the carrier received it, if the carrier said
   * @param carrierOptOut whether the carrier says the message opts the contact out (Twilio's {@code
   *     OptOutType=STOP} for a messaging service's own opt-out keywords); p2p then opts the phone
   *     out even if the text is not one of the organization's keywords
   * @param truncated whether the body or the media were cut to fit (set by the constructor when
   *     they are over the limits)
   */
  record InboundMessage(
      String carrierMessageId,
      String from,
      String to,
      String body,
      List<URI> media,
      Optional<Instant> receivedAt,
      boolean carrierOptOut,
      boolean truncated)
      implements GatewayEvent {
    /**
     * A message the carrier does not flag as an opt-out.
     *
     * @throws ValidationException naming {@code carrierMessageId} if it is not a valid carrier id
     */
    public InboundMessage(
        String carrierMessageId,
        String from,
        String to,
        String body,
        List<URI> media,
        Optional<Instant> receivedAt) {
      this(carrierMessageId, from, to, body, media, receivedAt, false, false);
    }

    /**
     * A message as the carrier sent it; the constructor cuts what is over the limits.
     *
     * @throws ValidationException naming {@code carrierMessageId} if it is not a valid carrier id
     */
    public InboundMessage(
        String carrierMessageId,
        String from,
        String to,
        String body,
        List<URI> media,
        Optional<Instant> receivedAt,
        boolean carrierOptOut) {
      this(carrierMessageId, from, to, body, media, receivedAt, carrierOptOut, false);
    }

    /**
     * Checks presence and the id, normalizes the body and cuts the body and media to the limits.
     *
     * @throws ValidationException naming {@code carrierMessageId} if it is not a valid carrier id,
     *     or {@code from} or {@code to} if it is not an E.164 phone number
     */
    public InboundMessage {
      Objects.requireNonNull(carrierMessageId, "carrierMessageId");
      SendReceipt.checkCarrierId(carrierMessageId);
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (!Phones.isE164(from)) {
        throw ValidationException.of("from", "must be an E.164 phone number such as +13125550101");
      }
      if (!Phones.isE164(to)) {
        throw ValidationException.of("to", "must be an E.164 phone number such as +13125550101");
      }
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(receivedAt, "receivedAt");
      String cut = Inputs.cut(body, Message.MAX_BODY_LENGTH);
      List<URI> kept =
          media.stream()
              .filter(url -> url.toString().length() <= Message.MAX_MEDIA_URL_LENGTH)
              .limit(Message.MAX_MEDIA)
              .toList();
      truncated = truncated || cut.length() < body.length() || kept.size() < media.size();
      body = Inputs.text(cut);
      media = kept;
    }

    /** Masks the phones and leaves the body out, so the event is safe to log. */
    @Override
    public String toString() {
      return "InboundMessage[carrierMessageId="
          + carrierMessageId
          + ", from="
          + Phones.mask(from)
          + ", to="
          + Phones.mask(to)
          + ", body="
          + body.length()
          + " chars, media="
          + media.size()
          + (truncated ? ", truncated" : "")
          + "]";
    }
  }

  /**
   * A change in an outbound message's status.
   *
   * @param carrierMessageId the carrier's id for the outbound message
   * @param status the new status (never {@link MessageStatus#RECEIVED})
   * @param reference p2p's reference for the message, when the carrier echoes it back
   * @param error the classified failure, for {@code UNDELIVERED} and {@code FAILED}
   * @param carrierCode the carrier's error code, when it gave one, up to {@value
   *     #MAX_CARRIER_CODE_LENGTH} characters
   * @param at when the carrier says the change happened, if it said
   */
  record StatusUpdate(
      String carrierMessageId,
      MessageStatus status,
      Optional<String> reference,
      Optional<GatewayError> error,
      Optional<String> carrierCode,
      Optional<Instant> at)
      implements GatewayEvent {
    /** The longest carrier error code p2p stores (Twilio's and Bandwidth's are 4 or 5 digits). */
    public static final int MAX_CARRIER_CODE_LENGTH = 64;

    /**
     * Checks presence, lengths and that the status is an outbound one.
     *
     * @throws ValidationException naming {@code carrierMessageId} (blank or too long) or {@code
     *     carrierCode} (too long)
     */
    public StatusUpdate {
      Objects.requireNonNull(carrierMessageId, "carrierMessageId");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(carrierCode, "carrierCode");
      Objects.requireNonNull(at, "at");
      SendReceipt.checkCarrierId(carrierMessageId);
      reference = reference.map(Inputs::text);
      carrierCode = carrierCode.map(Inputs::text);
      if (carrierCode.isPresent() && carrierCode.get().length() > MAX_CARRIER_CODE_LENGTH) {
        throw ValidationException.of(
            "carrierCode", "must be at most " + MAX_CARRIER_CODE_LENGTH + " characters");
      }
      if (status == MessageStatus.RECEIVED) {
        throw new IllegalArgumentException("a status update cannot have the inbound status");
      }
    }
  }
}
