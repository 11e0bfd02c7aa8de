package dev.p2p.gateway.twilio;

import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.Sender;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The form body of one create-message request. Refuses, before anything is sent, a message from a
 * sender that is not this gateway's and a message whose texting window is (nearly) over.
 */
final class SendForm {
  /** Twilio's longest validity period, and its default: 10 hours. */
  static final long MAX_VALIDITY_SECONDS = 36_000;

  /**
   * The shortest validity period worth sending with (Twilio accepts 1 but recommends more than 5):
   * a message whose texting window ends sooner is refused rather than sent after hours.
   */
  static final long MIN_VALIDITY_SECONDS = 5;

  private SendForm() {}

  /**
   * The form-encoded body for {@code message}.
   *
   * @throws GatewayException a {@link GatewayError.Permanent} one, retry-safe (nothing was sent),
   *     when the sender is not this gateway's or the texting window ends in under {@link
   *     #MIN_VALIDITY_SECONDS}
   */
  static String of(TwilioConfig config, Clock clock, OutboundMessage message) {
    StringBuilder form = new StringBuilder(256 + message.body().length() * 3);
    add(form, "To", message.to());
    Sender from = message.from();
    if (from instanceof Sender.MessagingService) {
      if (!config.messagingService().map(from.address()::equals).orElse(false)) {
        throw refused("the messaging service " + from.address() + " is not this gateway's");
      }
      add(form, "MessagingServiceSid", from.address());
    } else {
      if (!config.senderNumbers().isEmpty() && !config.senderNumbers().contains(from.address())) {
        throw refused("the sender " + from + " is not one of this gateway's sender numbers");
      }
      add(form, "From", from.address());
      config.messagingService().ifPresent(sid -> add(form, "MessagingServiceSid", sid));
    }
    if (!message.body().isEmpty()) {
      add(form, "Body", message.body());
    }
    for (URI media : message.media()) {
      add(form, "MediaUrl", media.toString());
    }
    Optional<URI> callback = config.statusCallback();
    if (callback.isPresent()) {
      add(form, "StatusCallback", TwilioUrls.callbackFor(callback.get(), message.reference()));
    }
    if (message.expiresAt().isPresent()) {
      add(form, "ValidityPeriod", Long.toString(validity(clock, message.expiresAt().get())));
    }
    return form.toString();
  }

  /** Seconds left until {@code expiresAt}, rounded down and capped at Twilio's maximum. */
  static long validity(Clock clock, Instant expiresAt) {
    long seconds = Duration.between(clock.instant(), expiresAt).getSeconds();
    if (seconds < MIN_VALIDITY_SECONDS) {
      throw refused(
          "the contact's texting window ends in under "
              + MIN_VALIDITY_SECONDS
              + " seconds (at "
              + expiresAt
              + "); not sent");
    }
    return Math.min(seconds, MAX_VALIDITY_SECONDS);
  }

  private static GatewayException refused(String reason) {
    return GatewayException.builder(TwilioGateway.CARRIER, GatewayError.permanent())
        .retrySafe(true)
        .build(reason);
  }

  private static void add(StringBuilder form, String name, String value) {
    if (form.length() > 0) {
      form.append('&');
    }
    form.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
  }
}
