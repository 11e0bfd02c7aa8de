package dev.p2p.gateway.bandwidth;

import dev.p2p.ValidationException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Configures a {@link BandwidthGateway}; get one from {@link BandwidthGateway#builder()}. The
 * account, application, sender numbers, OAuth2 client credentials and callback credentials are
 * required; every other setting has a documented default. {@link #build()} checks every setting and
 * lists every problem at once. Not thread-safe; the gateway it builds is immutable.
 */
public final class BandwidthGatewayBuilder {
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

  BandwidthGatewayBuilder() {}

  /** The Bandwidth account id: the numeric (7-digit) one, which OAuth2 requires. Required. */
  public BandwidthGatewayBuilder accountId(String accountId) {
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    return this;
  }

  /**
   * The id of the Bandwidth messaging Application the sender numbers belong to; its callback URLs
   * and callback credentials receive every webhook. Required.
   */
  public BandwidthGatewayBuilder applicationId(String applicationId) {
    this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
    return this;
  }

  /**
   * The Bandwidth numbers (E.164, or 5 or 6 digit short codes) of the Application that p2p may send
   * from. Required, at least one; a send from any other sender fails at once as permanent.
   */
  public BandwidthGatewayBuilder senderNumbers(List<String> numbers) {
    this.senderNumbers = List.copyOf(Objects.requireNonNull(numbers, "numbers"));
    return this;
  }

  /** Shortcut for {@link #senderNumbers(List)}. */
  public BandwidthGatewayBuilder senderNumbers(String... numbers) {
    return senderNumbers(List.of(numbers));
  }

  /**
   * The OAuth2 client credentials of a Bandwidth API credential (Account, API Credentials). The
   * gateway fetches its bearer token with them. Required: Bandwidth retires username/password API
   * users on 2 December 2026, so this is the only scheme supported.
   */
  public BandwidthGatewayBuilder clientCredentials(String clientId, String clientSecret) {
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    return this;
  }

  /**
   * The HTTP Basic credentials set on the Bandwidth Application for its inbound and outbound
   * callbacks ({@code InboundCallbackCreds} and {@code OutboundCallbackCreds}, both the same).
   * Required: a callback without them is refused.
   */
  public BandwidthGatewayBuilder callbackCredentials(String userId, String password) {
    this.callbackUserId = Objects.requireNonNull(userId, "userId");
    this.callbackPassword = Objects.requireNonNull(password, "password");
    return this;
  }

  /** The messaging API's base URL. Default: {@link BandwidthGateway#DEFAULT_BASE_URL}. */
  public BandwidthGatewayBuilder baseUrl(String url) {
    this.baseUrl = Objects.requireNonNull(url, "url");
    return this;
  }

  /** The OAuth2 token endpoint. Default: {@link BandwidthGateway#DEFAULT_TOKEN_URL}. */
  public BandwidthGatewayBuilder tokenUrl(String url) {
    this.tokenUrl = Objects.requireNonNull(url, "url");
    return this;
  }

  /**
   * How long to wait for a connection. Default: {@link BandwidthGateway#DEFAULT_CONNECT_TIMEOUT}.
   * Ignored with {@link #httpClient(HttpClient)}, whose own setting applies.
   */
  public BandwidthGatewayBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * How long to wait for Bandwidth's answer to one request. A send that times out may have been
   * sent, so it is never retried. Default: {@link BandwidthGateway#DEFAULT_REQUEST_TIMEOUT}.
   */
  public BandwidthGatewayBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** The priority of every message in the account's queue. Default: {@code DEFAULT}. */
  public BandwidthGatewayBuilder priority(BandwidthGateway.Priority priority) {
    this.priority = Objects.requireNonNull(priority, "priority");
    return this;
  }

  /**
   * The clock that decides when the token must be refreshed and whether a message's texting window
   * is over. Default: the system clock in UTC.
   */
  public BandwidthGatewayBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * The HTTP client to send with, to share one between gateways. Default: a client of the gateway's
   * own, with {@link #connectTimeout(Duration)}. The gateway never closes it.
   */
  public BandwidthGatewayBuilder httpClient(HttpClient client) {
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
        httpClient.orElseGet(() -> HttpClient.newBuilder().connectTimeout(connectTimeout).build());
    return new BandwidthGateway(config, client);
  }

  /** Shows the settings; secrets are redacted. */
  @Override
  public String toString() {
    return "BandwidthGatewayBuilder[accountId="
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
