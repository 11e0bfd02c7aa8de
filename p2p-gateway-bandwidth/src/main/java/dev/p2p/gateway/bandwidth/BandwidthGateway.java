package dev.p2p.gateway.bandwidth;

import dev.p2p.gateway.CarrierMessage;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.SentLookup;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The Bandwidth Messaging API v2 gateway. Sends each message with one {@code POST
 * /users/{accountId}/messages} (asynchronous, over one {@link HttpClient} per gateway), authorized
 * by an OAuth2 client-credentials bearer token it fetches, caches and refreshes itself; and
 * verifies (HTTP Basic) and parses the callbacks Bandwidth posts to the Application's callback
 * URLs.
 *
 * <pre>{@code
 * SmsGateway bandwidth = BandwidthGateway.builder()
 *     .accountId("9900000")
 *     .applicationId("93de2206-9669-4e07-948d-329f4b722ee2")
 *     .senderNumbers("+13125550199")
 *     .clientCredentials(clientId, clientSecret)
 *     .callbackCredentials("p2p", callbackPassword)
 *     .build();
 * }</pre>
 *
 * <p>Each message carries p2p's reference in its {@code tag}, so that callbacks resolve without a
 * lookup, and, when it has one, its texting window's end as {@code expiration}: Bandwidth drops it
 * (error 4360) rather than send it late. A message whose window is already over is not sent: its
 * send fails at once as {@code permanent}.
 *
 * <p>Thread-safe and without global state: several gateways (several accounts) live side by side.
 */
public final class BandwidthGateway implements SmsGateway {
  /** Bandwidth's messaging API. */
  public static final String DEFAULT_BASE_URL = "https://messaging.bandwidth.com/api/v2";

  /** Bandwidth's OAuth2 token endpoint. */
  public static final String DEFAULT_TOKEN_URL = "https://api.bandwidth.com/api/v1/oauth2/token";

  /** The default time to wait for a connection: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** The default time to wait for Bandwidth's answer to one request: 30 seconds. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** The name in logs and in {@code GatewayException.gateway()}. */
  static final String CARRIER = "bandwidth";

  /** A message's place in the account's queue. */
  public enum Priority {
    /** The normal order. */
    DEFAULT,
    /** Ahead of default messages; Bandwidth asks to keep it for critical traffic. */
    HIGH
  }

  private final BandwidthConfig config;
  private final BandwidthSends sends;
  private final BandwidthLookups lookups;
  private final BandwidthCallbacks callbacks;

  BandwidthGateway(BandwidthConfig config, HttpClient client) {
    this.config = config;
    BandwidthOAuthTokens tokens = new BandwidthOAuthTokens(config, client);
    this.sends = new BandwidthSends(config, client, tokens);
    this.lookups = new BandwidthLookups(config, client, tokens);
    this.callbacks = new BandwidthCallbacks(new BandwidthCallbackAuth(config.callbackCredentials));
  }

  /** Starts configuring a gateway. */
  public static BandwidthGatewayBuilder builder() {
    return new BandwidthGatewayBuilder();
  }

  /** {@code bandwidth}. */
  @Override
  public String carrier() {
    return CARRIER;
  }

  /**
   * Sends the message from one of the gateway's sender numbers. The stage completes with the
   * message id and segment count from Bandwidth's 202, or with a {@code GatewayException}: 429
   * rate-limited; 401 (after one retry with a new token) and 403 authentication; a 400 permanent,
   * naming the field Bandwidth objected to; 5xx, timeouts and cut connections retryable but not
   * retry-safe; a refused connection retryable and retry-safe.
   */
  @Override
  public CompletableFuture<SendReceipt> send(OutboundMessage message) {
    return sends.send(Objects.requireNonNull(message, "message"));
  }

  /**
   * Lists the outbound messages Bandwidth has from the lookup's number to its contact in its
   * window, in one {@code GET /users/{accountId}/messages} of up to 1,000 messages, for
   * reconciliation. Bandwidth keeps no text, so the core matches by numbers and time only.
   *
   * @return a stage completed with the messages, or exceptionally with a {@link
   *     dev.p2p.gateway.GatewayException} when Bandwidth does not answer, refuses, or lists more
   *     than one page
   */
  @Override
  public CompletableFuture<Optional<List<CarrierMessage>>> findSent(SentLookup lookup) {
    return lookups.find(Objects.requireNonNull(lookup, "lookup")).thenApply(Optional::of);
  }

  /**
   * Verifies the callback's Basic credentials (401 when missing, 403 when wrong, in constant time),
   * then reads its JSON array (or single object) of events: {@code message-received} becomes an
   * inbound message; {@code message-sending}, {@code message-sent}, {@code message-delivered} and
   * {@code message-failed} become status updates; other types are acknowledged and skipped. Answers
   * 204 to accepted input, 400 to a body Bandwidth would never send.
   */
  @Override
  public WebhookResult parse(WebhookRequest request) {
    return callbacks.parse(Objects.requireNonNull(request, "request"));
  }

  /** Shows the account and URLs; secrets are redacted. */
  @Override
  public String toString() {
    return "BandwidthGateway[" + config + "]";
  }

  /** The Application's sender numbers, in order. */
  @Override
  public List<Sender> senders() {
    return config.senderNumbers.stream().sorted().map(Sender::number).toList();
  }
}
