package dev.p2p.gateway.twilio;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.Phones;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

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

  /** Starts a builder; see {@link Builder} for the settings. */
  public static Builder builder() {
    return new Builder();
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

  /**
   * Builds a {@link TwilioGateway}. Setters take any value; {@link #build()} checks them all and
   * lists every problem at once. Required: {@link #accountSid}, {@link #authToken}, and at least
   * one of {@link #messagingService} and {@link #senderNumbers}. Not thread-safe; the gateway it
   * builds is.
   */
  public static final class Builder {
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

    Builder() {}

    /** The account SID ({@code AC} and 32 hex digits). Required. */
    public Builder accountSid(String sid) {
      this.accountSid = Objects.requireNonNull(sid, "sid");
      return this;
    }

    /**
     * The account's primary Auth Token. Required: Twilio signs every webhook with it, even when
     * REST calls use an {@link #apiKey API key}; without an API key it is also the REST password.
     */
    public Builder authToken(String token) {
      this.authToken = Objects.requireNonNull(token, "token");
      return this;
    }

    /** An API key ({@code SK} and 32 hex digits) and its secret for REST calls. Optional. */
    public Builder apiKey(String sid, String secret) {
      this.apiKeySid = Objects.requireNonNull(sid, "sid");
      this.apiKeySecret = Objects.requireNonNull(secret, "secret");
      return this;
    }

    /**
     * A Messaging Service ({@code MG} and 32 hex digits): every send names it, so its sender pool,
     * Advanced Opt-Out and callback settings apply; a message from a number is sent from that
     * number of the pool. Optional, but one of this and {@link #senderNumbers} is required.
     */
    public Builder messagingService(String sid) {
      this.messagingService = Objects.requireNonNull(sid, "sid");
      return this;
    }

    /**
     * The numbers (E.164) or short codes this account sends from. A message from any other number
     * is refused before it reaches Twilio. Adds to earlier calls.
     */
    public Builder senderNumbers(List<String> numbers) {
      numbers.forEach(n -> senderNumbers.add(Objects.requireNonNull(n, "numbers[]")));
      return this;
    }

    /** The numbers or short codes this account sends from; see {@link #senderNumbers(List)}. */
    public Builder senderNumbers(String... numbers) {
      return senderNumbers(List.of(numbers));
    }

    /**
     * The status-callback URL given with every send, such as {@code
     * https://crm.example/webhooks/twilio/status}: the gateway adds the message's p2p reference as
     * a query parameter, so callbacks carry it back. Optional: without it Twilio calls the
     * Messaging Service's callback URL, if any, and status updates carry no reference.
     */
    public Builder statusCallback(String url) {
      this.statusCallback = Objects.requireNonNull(url, "url");
      return this;
    }

    /** The REST API's base URL; {@link #DEFAULT_BASE_URL} unless set (tests set a stub server). */
    public Builder baseUrl(String url) {
      this.baseUrl = Objects.requireNonNull(url, "url");
      return this;
    }

    /** How long to wait for a connection (1 ms to 10 minutes). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** How long to wait for Twilio's answer once the request is sent (1 ms to 10 minutes). */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The clock that sets each message's validity period; the system UTC clock unless set. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * An HTTP client to share, for instance among the gateways of many accounts; its own settings
     * then apply and {@link #connectTimeout} is not used. Unless set, each gateway builds one.
     */
    public Builder httpClient(HttpClient client) {
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
      return "Builder[accountSid="
          + accountSid
          + ", authToken="
          + (authToken == null ? "unset" : "****")
          + ", apiKey="
          + (apiKeySid == null ? "unset" : apiKeySid + ":****")
          + "]";
    }
  }
}
