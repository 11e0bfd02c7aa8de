package dev.p2p.testkit;

import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.contact.Phones;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.gateway.WebhookResult;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory carrier for tests and demos. It accepts every send unless told otherwise, records
 * what it accepted, fails or delays the next sends on request, and produces the carrier's side of
 * webhooks (inbound replies, delivery receipts, failures) in its own signed wire format, so that
 * they go through the same pipeline as a real carrier's:
 *
 * <pre>{@code
 * FakeGateway fake = FakeGateway.create();
 * P2P p2p = P2P.builder().store(store).gateway("fake", fake).build();
 * fake.connect(p2p.webhooks()::handle);
 * // ... the code under test sends ...
 * assertThat(fake.sentTo("+13125550101")).extracting(SentMessage::body).containsExactly("Hi Ana");
 * fake.replyFrom("+13125550101", "+13125550199", "Yes!");
 * fake.deliver(fake.sent().get(0).reference());
 * }</pre>
 *
 * <p>Thread-safe: any number of threads may send, inject and read at once. Carrier ids are the
 * prefix, a dash and a sequence number ({@code FK-1}, {@code FK-2}...); inbound ids add {@code -in}
 * ({@code FK-in-3}).
 */
public final class FakeGateway implements SmsGateway {
  /** The carrier name, as {@link #carrier()} and {@link GatewayException#gateway()} give it. */
  public static final String CARRIER = "fake";

  /** The default webhook URL: {@code https://p2p.test/webhooks/fake}. */
  public static final URI DEFAULT_WEBHOOK_URL = URI.create("https://p2p.test/webhooks/fake");

  /** The default webhook signing secret. */
  public static final String DEFAULT_SECRET = "fake-webhook-secret";

  /** The default prefix of carrier message ids. */
  public static final String DEFAULT_ID_PREFIX = "FK";

  /** The number the fake sends from by default: {@value}. */
  public static final String DEFAULT_NUMBER = "+13125550100";

  private final FakeWire wire;
  private final FakeLedger ledger = new FakeLedger();
  private final FakeCarrier carrier;
  private final FakeWebhooks webhooks;
  private final List<Sender> senders;
  private final AtomicReference<@Nullable Function<WebhookRequest, WebhookResponse>> sink =
      new AtomicReference<>();

  FakeGateway(Builder builder) {
    this.wire = new FakeWire(builder.secret);
    this.senders = builder.senderNumbers.stream().map(Sender::number).toList();
    this.carrier = new FakeCarrier(builder.clock, builder.idPrefix, builder.scheduler, ledger);
    this.webhooks =
        new FakeWebhooks(
            builder.webhookUrl,
            wire,
            builder.clock,
            ledger::findByCarrierId,
            () -> carrier.nextId("-in-"));
  }

  /** A fake with every default: the system clock, {@link #DEFAULT_WEBHOOK_URL} and so on. */
  public static FakeGateway create() {
    return builder().build();
  }

  /** Starts a fake with a chosen clock, secret, id prefix, webhook URL or scheduler. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String carrier() {
    return CARRIER;
  }

  /**
   * The numbers the fake sends from when an action names no sender: {@link #DEFAULT_NUMBER} unless
   * the builder set others. The fake accepts a message from any number all the same.
   */
  @Override
  public List<Sender> senders() {
    return senders;
  }

  /**
   * Accepts the message, or fails it as planned by {@link #failNext}, after the latency planned by
   * {@link #delayNext} if any. A message whose {@code expiresAt} is not after the clock's now is
   * refused at once, {@link GatewayError.Permanent} and retry-safe, as a carrier's adapter refuses
   * a text whose texting window is over. The receipt has status {@code QUEUED}, the segments core
   * counts ({@code Segments}) and the sender number. Never throws for a planned failure: the stage
   * completes exceptionally.
   */
  @Override
  public CompletableFuture<SendReceipt> send(OutboundMessage message) {
    return carrier.send(Objects.requireNonNull(message, "message"));
  }

  /**
   * Verifies the {@code X-Fake-Signature} header (HMAC-SHA256 of the URL then the body, with the
   * secret; compared in constant time) and reads the events. Missing signature: 401; wrong
   * signature: 403; not a POST or not the fake's JSON: 400. Accepted requests answer 204.
   */
  @Override
  public WebhookResult parse(WebhookRequest request) {
    return wire.parse(Objects.requireNonNull(request, "request"));
  }

  /** Every message the fake accepted, in the order it accepted them. */
  public List<SentMessage> sent() {
    return ledger.sent(m -> true);
  }

  /** The messages the fake accepted for this phone (E.164), in order. */
  public List<SentMessage> sentTo(String phone) {
    return ledger.sent(m -> m.to().equals(phone));
  }

  /** Every message handed to {@link #send}, accepted or failed, in the order of the calls. */
  public List<OutboundMessage> attempts() {
    return ledger.attempts();
  }

  /**
   * The accepted message with this p2p reference (the latest, if several) or else this carrier id.
   */
  public Optional<SentMessage> find(String referenceOrCarrierId) {
    return ledger.find(referenceOrCarrierId);
  }

  /** Forgets every recorded send and attempt and every planned failure, latency and carrier id. */
  public void clear() {
    ledger.clear();
  }

  /**
   * Fails the next {@code times} sends with the kind's fake code and HTTP status, retry-safe only
   * for {@link GatewayError.RateLimited} (see {@link InjectedFailure#of}).
   */
  public FakeGateway failNext(int times, GatewayError kind) {
    return failNext(times, InjectedFailure.of(kind));
  }

  /** Fails the next {@code times} sends with this failure. Plans add up in order. */
  public FakeGateway failNext(int times, InjectedFailure failure) {
    ledger.failNext(positive(times), Objects.requireNonNull(failure, "failure"));
    return this;
  }

  /**
   * Answers the next {@code times} sends after {@code latency}, on the builder's scheduler (a test
   * supplies its own to run the answer without waiting). Combines with {@link #failNext}.
   */
  public FakeGateway delayNext(int times, Duration latency) {
    if (latency.isNegative() || latency.isZero()) {
      throw new IllegalArgumentException("latency must be positive, was " + latency);
    }
    ledger.delayNext(positive(times), latency);
    return this;
  }

  /**
   * Gives the next accepted send this carrier id (1 to {@value SendReceipt#MAX_CARRIER_ID_LENGTH}
   * characters) and segment count.
   */
  public FakeGateway acceptNextAs(String carrierMessageId, int segments) {
    if (carrierMessageId.isBlank()
        || carrierMessageId.length() > SendReceipt.MAX_CARRIER_ID_LENGTH
        || segments < 1) {
      throw new IllegalArgumentException(
          "need a carrier id of 1 to "
              + SendReceipt.MAX_CARRIER_ID_LENGTH
              + " characters and at least one segment");
    }
    ledger.acceptNext(new FakeLedger.Acceptance(carrierMessageId, segments));
    return this;
  }

  /** Builds the fake carrier's webhook requests, to hand to any webhook handler. */
  public FakeWebhooks webhooks() {
    return webhooks;
  }

  /**
   * Connects the fake to the webhook handler its requests are posted to, typically {@code
   * fake.connect(p2p.webhooks()::handle)}. Replaces any earlier connection.
   */
  public FakeGateway connect(Function<WebhookRequest, WebhookResponse> handler) {
    sink.set(Objects.requireNonNull(handler, "handler"));
    return this;
  }

  /**
   * Posts a request to the connected handler and returns its response.
   *
   * @throws IllegalStateException when nothing is {@linkplain #connect connected}
   */
  public WebhookResponse post(WebhookRequest request) {
    Function<WebhookRequest, WebhookResponse> handler = sink.get();
    if (handler == null) {
      throw new IllegalStateException(
          "connect the fake first: fake.connect(p2p.webhooks()::handle)");
    }
    return handler.apply(request);
  }

  /** Posts an inbound message from a contact to one of p2p's numbers. */
  public WebhookResponse replyFrom(
      String contactPhone, String toNumber, String body, URI... media) {
    return post(webhooks.inbound(contactPhone, toNumber, body, media));
  }

  /** Posts a delivery receipt for an accepted message, named by reference or carrier id. */
  public WebhookResponse deliver(String referenceOrCarrierId) {
    return post(webhooks.delivered(carrierId(referenceOrCarrierId)));
  }

  /** Posts a {@code SENT} status for an accepted message, named by reference or carrier id. */
  public WebhookResponse markSent(String referenceOrCarrierId) {
    return post(webhooks.sent(carrierId(referenceOrCarrierId)));
  }

  /** Posts a {@code FAILED} status of this kind for a message named by reference or carrier id. */
  public WebhookResponse fail(String referenceOrCarrierId, GatewayError kind) {
    return post(webhooks.failed(carrierId(referenceOrCarrierId), kind));
  }

  /** Posts an {@code UNDELIVERED} status of this kind for a message named by reference or id. */
  public WebhookResponse undeliver(String referenceOrCarrierId, GatewayError kind) {
    return post(webhooks.undelivered(carrierId(referenceOrCarrierId), kind));
  }

  private String carrierId(String referenceOrCarrierId) {
    return ledger
        .find(referenceOrCarrierId)
        .orElseThrow(() -> new NotFoundException("sent message", referenceOrCarrierId))
        .carrierMessageId();
  }

  private static int positive(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + times);
    }
    return times;
  }

  /** Shows the carrier and what it recorded; never the secret. */
  @Override
  public String toString() {
    return "FakeGateway[sent=" + sent().size() + ", webhookUrl=" + webhooks.url() + "]";
  }

  /**
   * Configures a {@link FakeGateway}; get one from {@link FakeGateway#builder()}. Every setting has
   * a default; {@link #build()} checks them all and lists every problem at once.
   */
  public static final class Builder {
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]{1,16}");

    Clock clock = Clock.systemUTC();
    String secret = FakeGateway.DEFAULT_SECRET;
    String idPrefix = FakeGateway.DEFAULT_ID_PREFIX;
    URI webhookUrl = FakeGateway.DEFAULT_WEBHOOK_URL;
    @Nullable ScheduledExecutorService scheduler;
    List<String> senderNumbers = List.of(FakeGateway.DEFAULT_NUMBER);

    Builder() {}

    /**
     * The clock that stamps sends and webhook events and against which a message's {@code
     * expiresAt} is checked. Give it the clock given to {@code P2P.builder().clock(..)}: a fake on
     * the system clock refuses every text of a {@code P2P} whose clock is in the past, its texting
     * windows being over. Default: the system clock in UTC.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The secret webhooks are signed with. Default: {@link FakeGateway#DEFAULT_SECRET}. */
    public Builder secret(String secret) {
      this.secret = Objects.requireNonNull(secret, "secret");
      return this;
    }

    /**
     * The prefix of carrier ids, 1 to 16 letters or digits. Default: {@link
     * FakeGateway#DEFAULT_ID_PREFIX}. Two fakes in one test tell their messages apart by it.
     */
    public Builder idPrefix(String prefix) {
      this.idPrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /**
     * The absolute http(s) URL the fake's webhooks are addressed to and signed over. Default:
     * {@link FakeGateway#DEFAULT_WEBHOOK_URL}.
     */
    public Builder webhookUrl(URI url) {
      this.webhookUrl = Objects.requireNonNull(url, "url");
      return this;
    }

    /**
     * The scheduler that answers delayed sends (see {@link FakeGateway#delayNext}). A test supplies
     * one it drives by hand so that nothing sleeps. Default: the JDK's shared delayed executor. The
     * fake never shuts it down.
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * The numbers the fake sends from when an action names no sender ({@link
     * FakeGateway#senders()}). Default: {@link FakeGateway#DEFAULT_NUMBER}. None: every action
     * names its own.
     */
    public Builder senderNumbers(String... numbers) {
      this.senderNumbers = List.of(numbers); // checked by build()
      return this;
    }

    /**
     * Builds the fake.
     *
     * @throws ValidationException listing every bad setting
     */
    public FakeGateway build() {
      List<Violation> problems = new ArrayList<>();
      if (secret.isBlank()) {
        problems.add(new Violation("secret", "must not be blank"));
      }
      if (!PREFIX.matcher(idPrefix).matches()) {
        problems.add(new Violation("idPrefix", "must be 1 to 16 letters or digits"));
      }
      for (int i = 0; i < senderNumbers.size(); i++) {
        if (!Phones.isE164(senderNumbers.get(i))) {
          problems.add(
              new Violation(
                  "senderNumbers[" + i + "]", "must be in E.164 form, such as +13125550100"));
        }
      }
      String scheme = webhookUrl.getScheme();
      if (!webhookUrl.isAbsolute()
          || webhookUrl.getHost() == null
          || !("https".equals(scheme) || "http".equals(scheme))) {
        problems.add(new Violation("webhookUrl", "must be an absolute http or https URL"));
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return new FakeGateway(this);
    }

    /** Shows the settings; the secret is redacted. */
    @Override
    public String toString() {
      return "Builder[idPrefix=" + idPrefix + ", webhookUrl=" + webhookUrl + ", secret=***]";
    }
  }
}
