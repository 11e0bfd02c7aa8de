package dev.p2p.gateway.bandwidth;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.p2p.contact.Phones;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.Sender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the JSON body of {@code POST /users/{accountId}/messages} (Bandwidth's {@code
 * MessageRequest}), and refuses, before anything is sent, a message Bandwidth must not get.
 */
final class BandwidthMessageRequests {
  /** The prefix of the {@code tag} that carries p2p's reference; other tags are not p2p's. */
  static final String TAG_PREFIX = "p2p:";

  private BandwidthMessageRequests() {}

  /**
   * Why the message must not be sent, if it must not: its sender is not one of the gateway's
   * numbers, or its texting window is over (Bandwidth wants an {@code expiration} in the future,
   * and a late text is worse than none).
   */
  static Optional<GatewayException> refusal(OutboundMessage message, BandwidthConfig config) {
    Sender from = message.from();
    if (!(from instanceof Sender.Number number) || !config.senderNumbers.contains(number.phone())) {
      return Optional.of(
          permanent(
              "the sender "
                  + (from instanceof Sender.Number n ? Phones.mask(n.phone()) : "service")
                  + " is not one of this gateway's sender numbers; nothing was sent"));
    }
    Optional<Instant> expiry = message.expiresAt().map(BandwidthMessageRequests::expiration);
    if (expiry.isPresent() && !expiry.get().isAfter(config.clock.instant())) {
      return Optional.of(
          permanent(
              "the contact's texting window ended at "
                  + expiry.get()
                  + "; the message was not sent after hours"));
    }
    return Optional.empty();
  }

  /** The request body, UTF-8 JSON. */
  static byte[] body(OutboundMessage message, BandwidthConfig config) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + message.body().length() * 3);
    try (JsonGenerator json = BandwidthJson.FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("applicationId", config.applicationId);
      json.writeArrayFieldStart("to");
      json.writeString(message.to());
      json.writeEndArray();
      json.writeStringField("from", message.from().address());
      if (!message.body().isEmpty()) {
        json.writeStringField("text", message.body());
      }
      if (!message.media().isEmpty()) {
        json.writeArrayFieldStart("media");
        for (URI uri : message.media()) {
          json.writeString(uri.toString());
        }
        json.writeEndArray();
      }
      json.writeStringField("tag", TAG_PREFIX + message.reference());
      json.writeStringField("priority", config.priority.name().toLowerCase(Locale.ROOT));
      if (message.expiresAt().isPresent()) {
        json.writeStringField("expiration", expiration(message.expiresAt().get()).toString());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory does not fail
    }
    return out.toByteArray();
  }

  /** p2p's reference carried by a callback's tag, when the tag is p2p's. */
  static Optional<String> reference(String tag) {
    if (!tag.startsWith(TAG_PREFIX) || tag.length() == TAG_PREFIX.length()) {
      return Optional.empty();
    }
    return Optional.of(tag.substring(TAG_PREFIX.length()));
  }

  /**
   * The expiration sent: RFC 3339 in UTC, whole seconds, rounded down so never after the window.
   */
  private static Instant expiration(Instant expiresAt) {
    return expiresAt.truncatedTo(ChronoUnit.SECONDS);
  }

  private static GatewayException permanent(String message) {
    return GatewayException.builder(BandwidthGateway.CARRIER, GatewayError.permanent())
        .retrySafe(true)
        .build(message);
  }
}
