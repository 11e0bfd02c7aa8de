package dev.p2p.gateway.twilio;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.Phones;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link TwilioGateway}. Setters take any value; {@link #build()} checks them all and
 * lists every problem at once. Required: {@link #accountSid}, {@link #authToken}, and at least one
 * of {@link #messagingService} and {@link #senderNumbers}. Not thread-safe; the gateway it builds
 * is.
 */
public final class TwilioGatewayBuilder {
  /** Twilio's REST API. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://api.twilio.com");

  /** How long a send waits for a connection unless set. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** How long a send waits for Twilio's answer once connected, unless set. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
  private static final Pattern API_KEY_SID = Pattern.compile("SK[0-9a-fA-F]{32}");
  private static final Pattern SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");
  private static final Pattern SHORT_CODE = Pattern.compile("[0-9]{5,6}");
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

  private @Nullable String accountSid;
  private @Nullable String authToken;
  private @Nullable String apiKeySid;
  private @Nullable String apiKeySecret;
  private @Nullable String messagingService;
  private final List<String> senderNumbers = new ArrayList<>();
  private @Nullable String statusCallback;
  private String baseUrl = DEFAULT_BASE_URL.toString();
  private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
  private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
  private Clock clock = Clock.systemUTC();
  private @Nullable HttpClient httpClient;

  TwilioGatewayBuilder() {}

  /** The account SID ({@code AC} and 32 hex digits). Required. */
  public TwilioGatewayBuilder accountSid(String sid) {
    this.accountSid = Objects.requireNonNull(sid, "sid");
    return this;
  }

  /**
   * The account's primary Auth Token. Required: Twilio signs every webhook with it, even when REST
   * calls use an {@link #apiKey API key}; without an API key it is also the REST password.
   */
  public TwilioGatewayBuilder authToken(String token) {
    this.authToken = Objects.requireNonNull(token, "token");
    return this;
  }

  /** An API key ({@code SK} and 32 hex digits) and its secret for REST calls. Optional. */
  public TwilioGatewayBuilder apiKey(String sid, String secret) {
    this.apiKeySid = Objects.requireNonNull(sid, "sid");
    this.apiKeySecret = Objects.requireNonNull(secret, "secret");
    return this;
  }

  /**
   * A Messaging Service ({@code MG} and 32 hex digits): every send names it, so its sender pool,
   * Advanced Opt-Out and callback settings apply; a message from a number is sent from that number
   * of the pool. Optional, but one of this and {@link #senderNumbers} is required.
   */
  public TwilioGatewayBuilder messagingService(String sid) {
    this.messagingService = Objects.requireNonNull(sid, "sid");
    return this;
  }

  /**
   * The numbers (E.164) or short codes this account sends from. A message from any other number is
   * refused before it reaches Twilio. Adds to earlier calls.
   */
  public TwilioGatewayBuilder senderNumbers(List<String> numbers) {
    numbers.forEach(n -> senderNumbers.add(Objects.requireNonNull(n, "numbers[]")));
    return this;
  }

  /** The numbers or short codes this account sends from; see {@link #senderNumbers(List)}. */
  public TwilioGatewayBuilder senderNumbers(String... numbers) {
    return senderNumbers(List.of(numbers));
  }

  /**
   * The status-callback URL given with every send, such as {@code
   * https://crm.example/webhooks/twilio/status}: the gateway adds the message's p2p reference as a
   * query parameter, so callbacks carry it back. Optional: without it Twilio calls the Messaging
   * Service's callback URL, if any, and status updates carry no reference.
   */
  public TwilioGatewayBuilder statusCallback(String url) {
    this.statusCallback = Objects.requireNonNull(url, "url");
    return this;
  }

  /** The REST API's base URL; {@link #DEFAULT_BASE_URL} unless set (tests set a stub server). */
  public TwilioGatewayBuilder baseUrl(String url) {
    this.baseUrl = Objects.requireNonNull(url, "url");
    return this;
  }

  /** How long to wait for a connection (1 ms to 10 minutes). */
  public TwilioGatewayBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** How long to wait for Twilio's answer once the request is sent (1 ms to 10 minutes). */
  public TwilioGatewayBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** The clock that sets each message's validity period; the system UTC clock unless set. */
  public TwilioGatewayBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * An HTTP client to share, for instance among the gateways of many accounts; its own settings
   * then apply and {@link #connectTimeout} is not used. Unless set, each gateway builds one.
   */
  public TwilioGatewayBuilder httpClient(HttpClient client) {
    this.httpClient = Objects.requireNonNull(client, "client");
    return this;
  }

  /**
   * Checks every setting and builds the gateway.
   *
   * @throws ValidationException listing every missing or bad setting
   */
  public TwilioGateway build() {
    List<Violation> problems = new ArrayList<>();
    check(problems, "accountSid", accountSid, ACCOUNT_SID, "AC and 32 hex digits");
    if (authToken == null || authToken.isBlank()) {
      problems.add(new Violation("authToken", "is required: Twilio signs webhooks with it"));
    }
    if (apiKeySid != null) {
      check(problems, "apiKey.sid", apiKeySid, API_KEY_SID, "SK and 32 hex digits");
      if (apiKeySecret == null || apiKeySecret.isBlank()) {
        problems.add(new Violation("apiKey.secret", "must not be blank"));
      }
    }
    if (messagingService != null) {
      check(problems, "messagingService", messagingService, SERVICE_SID, "MG and 32 hex digits");
    } else if (senderNumbers.isEmpty()) {
      problems.add(
          new Violation("senderNumbers", "or messagingService is required: where to send from"));
    }
    Set<String> numbers = new LinkedHashSet<>();
    for (int i = 0; i < senderNumbers.size(); i++) {
      String n = senderNumbers.get(i);
      if (!Phones.isE164(n) && !SHORT_CODE.matcher(n).matches()) {
        problems.add(
            new Violation(
                "senderNumbers[" + i + "]", "must be E.164 or a 5 or 6 digit short code"));
      }
      numbers.add(n);
    }
    Optional<URI> callback = Optional.empty();
    if (statusCallback != null) {
      callback = TwilioUrls.statusCallback(statusCallback, problems);
    }
    URI base = TwilioUrls.baseUrl(baseUrl, problems);
    checkTimeout(problems, "connectTimeout", connectTimeout);
    checkTimeout(problems, "requestTimeout", requestTimeout);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    TwilioConfig config =
        new TwilioConfig(
            Objects.requireNonNull(accountSid),
            Objects.requireNonNull(authToken),
            Optional.ofNullable(apiKeySid),
            Optional.ofNullable(apiKeySecret),
            Optional.ofNullable(messagingService),
            numbers,
            callback,
            base,
            connectTimeout,
            requestTimeout);
    HttpClient client = httpClient != null ? httpClient : TwilioHttp.client(config);
    return new TwilioGateway(config, client, clock);
  }

  private static void check(
      List<Violation> problems,
      String field,
      @Nullable String value,
      Pattern form,
      String expected) {
    if (value == null) {
      problems.add(new Violation(field, "is required"));
    } else if (!form.matcher(value).matches()) {
      problems.add(new Violation(field, "must be " + expected));
    }
  }

  private static void checkTimeout(List<Violation> problems, String field, Duration timeout) {
    if (timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
      problems.add(new Violation(field, "must be 1 ms to 10 minutes, was " + timeout));
    }
  }

  /** Shows what is set; never the Auth Token or the API key secret. */
  @Override
  public String toString() {
    return "TwilioGatewayBuilder[accountSid="
        + accountSid
        + ", authToken="
        + (authToken == null ? "unset" : "****")
        + ", apiKey="
        + (apiKeySid == null ? "unset" : apiKeySid + ":****")
        + "]";
  }
}
