package dev.p2p.gateway.twilio;

import dev.p2p.ValidationException;
import dev.p2p.contact.Phones;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.gateway.WebhookResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a verified webhook's parameters: a status callback ({@code MessageStatus}, {@code
 * ErrorCode}) or an inbound message ({@code From}, {@code To}, {@code Body}, {@code NumMedia},
 * {@code MediaUrl0…}, {@code OptOutType}). Tolerates every parameter it does not use, as Twilio
 * adds them without notice.
 */
final class TwilioEvents {
  private static final Logger log = LoggerFactory.getLogger(TwilioEvents.class);

  /** Twilio allows at most 10 media items per message; more is not Twilio. */
  private static final int MAX_MEDIA = 10;

  /** The empty TwiML document: Twilio sends no reply. */
  static final WebhookResponse EMPTY_TWIML =
      WebhookResponse.ok("text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");

  /** The parameters p2p reads, besides {@code MediaUrl0…}. */
  private static final Set<String> READ =
      Set.of(
          "MessageSid",
          "SmsSid",
          "MessageStatus",
          "SmsStatus",
          "ErrorCode",
          "From",
          "To",
          "Body",
          "NumMedia",
          "OptOutType");

  private TwilioEvents() {}

  /** Whether p2p reads the parameter, so that it must hold text. */
  static boolean reads(String name) {
    return READ.contains(name) || name.startsWith("MediaUrl");
  }

  static WebhookResult parse(Map<String, List<String>> params, URI url) {
    Optional<String> sid = first(params, "MessageSid").or(() -> first(params, "SmsSid"));
    if (sid.isEmpty()) {
      return WebhookResult.badRequest("no MessageSid: not a Twilio messaging webhook");
    }
    Optional<String> status = first(params, "MessageStatus").or(() -> first(params, "SmsStatus"));
    try {
      boolean inbound =
          status.isEmpty()
              || TwilioStatuses.of(status.get()).filter(MessageStatus.RECEIVED::equals).isPresent();
      if (!inbound) {
        return statusUpdate(sid.get(), status.orElseThrow(), params, url);
      }
      return inboundMessage(sid.get(), params);
    } catch (ValidationException e) {
      return WebhookResult.badRequest("a parameter is not usable: " + e.getMessage());
    }
  }

  private static WebhookResult statusUpdate(
      String sid, String twilioStatus, Map<String, List<String>> params, URI url) {
    Optional<MessageStatus> status = TwilioStatuses.of(twilioStatus);
    if (status.isEmpty()) {
      // A status Twilio added after this adapter was written: acknowledged, not refused, so Twilio
      // does not deliver it again, and nothing is recorded that p2p cannot read.
      log.debug(
          "Acknowledged a status callback with a MessageStatus p2p does not read: {}",
          twilioStatus.matches("[a-z_]{1,32}") ? twilioStatus : "(not a status name)");
      return WebhookResult.accepted(List.of(), WebhookResponse.noContent());
    }
    Optional<GatewayError> error = Optional.empty();
    Optional<String> code = Optional.empty();
    if (status.get() == MessageStatus.FAILED || status.get() == MessageStatus.UNDELIVERED) {
      code = first(params, "ErrorCode");
      error = Optional.of(code.map(TwilioErrors::kindOf).orElse(GatewayError.permanent()));
    }
    StatusUpdate update =
        new StatusUpdate(
            sid,
            status.get(),
            TwilioUrls.queryParameter(url, TwilioUrls.REFERENCE_PARAMETER),
            error,
            code,
            Optional.empty()); // RawDlrDoneDate has no time zone: not an instant
    return WebhookResult.accepted(List.of(update), WebhookResponse.noContent());
  }

  private static WebhookResult inboundMessage(String sid, Map<String, List<String>> params) {
    Optional<String> from = first(params, "From");
    Optional<String> to = first(params, "To");
    if (from.isEmpty() || to.isEmpty()) {
      return WebhookResult.badRequest("an inbound message needs From and To");
    }
    if (!Phones.isE164(from.get())) {
      return WebhookResult.badRequest("From is not an E.164 phone number");
    }
    if (!Phones.isE164(to.get())) {
      return WebhookResult.badRequest("To is not an E.164 phone number");
    }
    Optional<List<URI>> media = media(params);
    if (media.isEmpty()) {
      return WebhookResult.badRequest("NumMedia and the MediaUrl parameters do not agree");
    }
    String body = first(params, "Body").orElse("");
    // Advanced Opt-Out names the keyword's kind: STOP (opt-out), START (opt-in) or HELP.
    boolean optOut = first(params, "OptOutType").filter("STOP"::equalsIgnoreCase).isPresent();
    GatewayEvent event =
        new InboundMessage(sid, from.get(), to.get(), body, media.get(), Optional.empty(), optOut);
    return WebhookResult.accepted(List.of(event), EMPTY_TWIML);
  }

  /** {@code MediaUrl0} to {@code MediaUrl(NumMedia-1)}, or empty when they do not add up. */
  private static Optional<List<URI>> media(Map<String, List<String>> params) {
    String count = first(params, "NumMedia").orElse("0");
    if (!count.matches("[0-9]{1,2}") || Integer.parseInt(count) > MAX_MEDIA) {
      return Optional.empty();
    }
    int n = Integer.parseInt(count);
    List<URI> media = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Optional<String> url = first(params, "MediaUrl" + i);
      if (url.isEmpty()) {
        return Optional.empty();
      }
      try {
        URI uri = new URI(url.get());
        if (!uri.isAbsolute()) {
          return Optional.empty();
        }
        media.add(uri);
      } catch (java.net.URISyntaxException e) {
        return Optional.empty();
      }
    }
    return Optional.of(media);
  }

  private static Optional<String> first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() || values.get(0).isEmpty()
        ? Optional.empty()
        : Optional.of(values.get(0));
  }
}
