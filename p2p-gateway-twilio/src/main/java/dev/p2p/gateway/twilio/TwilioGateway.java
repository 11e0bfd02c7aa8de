package dev.p2p.gateway.twilio;

import dev.p2p.gateway.CarrierMessage;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.SentLookup;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link SmsGateway} for Twilio Programmable Messaging, one per Twilio account:
 *
 * <pre>{@code
 * TwilioGateway twilio = TwilioGateway.builder()
 *     .accountSid(accountSid).authToken(authToken)
 *     .messagingService(messagingServiceSid)
 *     .statusCallback("https://crm.example/webhooks/twilio/status")
 *     .build();
 * }</pre>
 *
 * <p>{@link #send} posts one create-message request ({@code To}, {@code From} and/or {@code
 * MessagingServiceSid}, {@code Body}, {@code MediaUrl}s, {@code StatusCallback} with the message's
 * reference, {@code ValidityPeriod} = the time left in the contact's texting window, at most 10
 * hours) and never blocks. A message whose window ends in under 5 seconds, or whose sender is not
 * this gateway's, is refused as {@code Permanent} before anything is sent. Twilio's errors are
 * classified: 21610 opted out; 21211, 21612, 21614 invalid number; 429/20429 and the queue-full
 * codes rate-limited (with {@code Retry-After}); 401/403/20003 authentication; 5xx and a connection
 * lost after sending retryable but not retry-safe; a refused connection retryable and retry-safe;
 * the rest permanent. Nothing is retried here.
 *
 * <p>{@link #parse} verifies {@code X-Twilio-Signature} with the Auth Token, then reads an inbound
 * message (answered with empty TwiML; one Advanced Opt-Out flags {@code OptOutType=STOP} opts the
 * phone out, whatever its words) or a status callback (answered 204). Thread-safe and stateless;
 * gateways of several accounts live side by side.
 */
public final class TwilioGateway implements SmsGateway {
  /** The carrier's name, as {@link #carrier()} and {@link GatewayException#gateway()} give it. */
  public static final String CARRIER = "twilio";

  private final TwilioConfig config;
  private final HttpClient http;
  private final Clock clock;
  private final URI messagesUri;
  private final String authorization;
  private final TwilioWebhooks webhooks;

  TwilioGateway(TwilioConfig config, HttpClient http, Clock clock) {
    this.config = config;
    this.http = http;
    this.clock = clock;
    this.messagesUri = config.messagesUri();
    this.authorization = config.authorization();
    this.webhooks = new TwilioWebhooks(TwilioSignature.of(config.authToken()));
  }

  /** Starts a builder; see {@link TwilioGatewayBuilder} for the settings. */
  public static TwilioGatewayBuilder builder() {
    return new TwilioGatewayBuilder();
  }

  /** {@value #CARRIER}. */
  @Override
  public String carrier() {
    return CARRIER;
  }

  /**
   * Sends one message.
   *
   * @return a stage completed with Twilio's receipt (its {@code sid}, initial status, segments and
   *     number), or exceptionally with a {@link GatewayException}
   */
  @Override
  public CompletableFuture<SendReceipt> send(OutboundMessage message) {
    Objects.requireNonNull(message, "message");
    HttpRequest request;
    try {
      String form = SendForm.of(config, clock, message);
      request = TwilioHttp.request(config, messagesUri, authorization, form);
    } catch (GatewayException e) {
      return CompletableFuture.failedFuture(e);
    }
    return TwilioHttp.send(http, request, clock);
  }

  /**
   * Lists the outbound messages Twilio has to the lookup's contact (from its number, when p2p sent
   * from one) in one {@code GET Messages.json} of up to 1,000 messages, for reconciliation. Twilio
   * keeps bodies, so the core matches them too.
   *
   * @return a stage completed with the messages, or exceptionally with a {@link GatewayException}
   *     when Twilio does not answer, refuses, or lists more than one page
   */
  @Override
  public CompletableFuture<Optional<List<CarrierMessage>>> findSent(SentLookup lookup) {
    Objects.requireNonNull(lookup, "lookup");
    return TwilioLookup.send(http, TwilioLookup.request(config, authorization, lookup), clock)
        .thenApply(Optional::of);
  }

  /**
   * Verifies and reads one webhook: 401 without {@code X-Twilio-Signature}, 403 when it does not
   * match, 400 for a verified request that is not a messaging webhook.
   */
  /** The messaging service, if configured; else the sender numbers, in order. */
  @Override
  public List<Sender> senders() {
    if (config.messagingService().isPresent()) {
      return List.of(Sender.messagingService(config.messagingService().get()));
    }
    return config.senderNumbers().stream().sorted().map(Sender::number).toList();
  }

  @Override
  public WebhookResult parse(WebhookRequest request) {
    Objects.requireNonNull(request, "request");
    return webhooks.parse(request);
  }

  /** Shows the account and its settings; never a secret. */
  @Override
  public String toString() {
    return "TwilioGateway[" + config + "]";
  }
}
