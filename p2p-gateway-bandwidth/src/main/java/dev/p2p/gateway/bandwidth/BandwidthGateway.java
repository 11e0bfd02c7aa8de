package dev.p2p.gateway.bandwidth;

import dev.p2p.ValidationException;
import dev.p2p.gateway.CarrierMessage;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.SentLookup;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import java.net.http.HttpClient;
import java.time.Clock;
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
  public static Builder builder() {
    return new Builder();
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

  /**
   * Configures a {@link BandwidthGateway}; get one from {@link BandwidthGateway#builder()}. The
   * account, application, sender numbers, OAuth2 client credentials and callback credentials are
   * required; every other setting has a documented default. {@link #build()} checks every setting
   * and lists every problem at once. Not thread-safe; the gateway it builds is immutable.
   */
  public static final class Builder {
    String accountId = "";
    String applicationId = "";
    List<String> senderNumbers = List.of();
    String clientId = "";
    String clientSecret = "";
    String callbackUserId = "";
    String callbackPassword = "";
    String baseUrl = BandwidthGateway.DEFAULT_BASE_URL;
    String tokenUrl = BandwidthGateway.DEFAULT_TOKEN_URL;
    Duration connectTimeout = BandwidthGateway.DEFAULT_CONNECT_TIMEOUT;
    Duration requestTimeout = BandwidthGateway.DEFAULT_REQUEST_TIMEOUT;
    BandwidthGateway.Priority priority = BandwidthGateway.Priority.DEFAULT;
    Clock clock = Clock.systemUTC();
    Optional<HttpClient> httpClient = Optional.empty();

    Builder() {}

    /** The Bandwidth account id: the numeric (7-digit) one, which OAuth2 requires. Required. */
    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /**
     * The id of the Bandwidth messaging Application the sender numbers belong to; its callback URLs
     * and callback credentials receive every webhook. Required.
     */
    public Builder applicationId(String applicationId) {
      this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
      return this;
    }

    /**
     * The Bandwidth numbers (E.164, or 5 or 6 digit short codes) of the Application that p2p may
     * send from. Required, at least one; a send from any other sender fails at once as permanent.
     */
    public Builder senderNumbers(List<String> numbers) {
      this.senderNumbers = List.copyOf(Objects.requireNonNull(numbers, "numbers"));
      return this;
    }

    /** Shortcut for {@link #senderNumbers(List)}. */
    public Builder senderNumbers(String... numbers) {
      return senderNumbers(List.of(numbers));
    }

    /**
     * The OAuth2 client credentials of a Bandwidth API credential (Account, API Credentials). The
     * gateway fetches its bearer token with them. Required: Bandwidth retires username/password API
     * users on 2 December 2026, so this is the only scheme supported.
     */
    public Builder clientCredentials(String clientId, String clientSecret) {
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      return this;
    }

    /**
     * The HTTP Basic credentials set on the Bandwidth Application for its inbound and outbound
     * callbacks ({@code InboundCallbackCreds} and {@code OutboundCallbackCreds}, both the same).
     * Required: a callback without them is refused.
     */
    public Builder callbackCredentials(String userId, String password) {
      this.callbackUserId = Objects.requireNonNull(userId, "userId");
      this.callbackPassword = Objects.requireNonNull(password, "password");
      return this;
    }

    /** The messaging API's base URL. Default: {@link BandwidthGateway#DEFAULT_BASE_URL}. */
    public Builder baseUrl(String url) {
      this.baseUrl = Objects.requireNonNull(url, "url");
      return this;
    }

    /** The OAuth2 token endpoint. Default: {@link BandwidthGateway#DEFAULT_TOKEN_URL}. */
    public Builder tokenUrl(String url) {
      this.tokenUrl = Objects.requireNonNull(url, "url");
      return this;
    }

    /**
     * How long to wait for a connection. Default: {@link BandwidthGateway#DEFAULT_CONNECT_TIMEOUT}.
     * Ignored with {@link #httpClient(HttpClient)}, whose own setting applies.
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * How long to wait for Bandwidth's answer to one request. A send that times out may have been
     * sent, so it is never retried. Default: {@link BandwidthGateway#DEFAULT_REQUEST_TIMEOUT}.
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The priority of every message in the account's queue. Default: {@code DEFAULT}. */
    public Builder priority(BandwidthGateway.Priority priority) {
      this.priority = Objects.requireNonNull(priority, "priority");
      return this;
    }

    /**
     * The clock that decides when the token must be refreshed and whether a message's texting
     * window is over. Default: the system clock in UTC.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The HTTP client to send with, to share one between gateways. Default: a client of the
     * gateway's own, with {@link #connectTimeout(Duration)}. The gateway never closes it.
     */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Optional.of(Objects.requireNonNull(client, "client"));
      return this;
    }

    /**
     * Builds the gateway.
     *
     * @throws ValidationException listing every missing or bad setting
     */
    public BandwidthGateway build() {
      BandwidthConfig config = BandwidthConfig.of(this);
      HttpClient client =
          httpClient.orElseGet(
              () -> HttpClient.newBuilder().connectTimeout(connectTimeout).build());
      return new BandwidthGateway(config, client);
    }

    /** Shows the settings; secrets are redacted. */
    @Override
    public String toString() {
      return "Builder[accountId="
          + accountId
          + ", applicationId="
          + applicationId
          + ", baseUrl="
          + baseUrl
          + ", clientId="
          + clientId
          + ", clientSecret=***, callbackCredentials=***]";
    }
  }
}
