package dev.p2p.testkit;

import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.gateway.WebhookRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds the webhook requests {@link FakeGateway}'s carrier would send, in its wire format and
 * signed with its secret, so that they go through the same pipeline as a real carrier's: hand them
 * to {@code p2p.webhooks().handle(request)}, or let {@link FakeGateway#post} do it. Every request
 * is a {@code POST} to {@link #url()}; events are stamped with the fake's clock.
 *
 * <p>Thread-safe. Get it from {@link FakeGateway#webhooks()}.
 */
public final class FakeWebhooks {
  private static final String BAD_SECRET = "not the fake's secret";

  private final URI url;
  private final FakeWire wire;
  private final Clock clock;
  private final Function<String, Optional<SentMessage>> lookup;
  private final Supplier<String> inboundIds;

  FakeWebhooks(
      URI url,
      FakeWire wire,
      Clock clock,
      Function<String, Optional<SentMessage>> lookup,
      Supplier<String> inboundIds) {
    this.url = url;
    this.wire = wire;
    this.clock = clock;
    this.lookup = lookup;
    this.inboundIds = inboundIds;
  }

  /** The URL every fake webhook is posted to. */
  public URI url() {
    return url;
  }

  /** A signed request carrying exactly these events, in this order. */
  public WebhookRequest of(List<GatewayEvent> events) {
    return wire.request(url, List.copyOf(events));
  }

  /** A signed request carrying exactly these events, in this order. */
  public WebhookRequest of(GatewayEvent... events) {
    return of(List.of(events));
  }

  /**
   * An inbound message from a contact to one of p2p's numbers, with a fresh carrier id. The body
   * and media go on the wire as given, even over p2p's limits (p2p cuts them when it parses them).
   *
   * @param from the contact's phone (E.164)
   * @param to p2p's number that receives it
   * @param body the text, possibly empty when there is media
   * @param media URLs of attached media
   */
  public WebhookRequest inbound(String from, String to, String body, URI... media) {
    return wire.inbound(
        url, inboundIds.get(), from, to, body, List.of(media), Optional.of(clock.instant()));
  }

  /** The carrier sent the message on to the network ({@link MessageStatus#SENT}). */
  public WebhookRequest sent(String carrierMessageId) {
    return status(carrierMessageId, MessageStatus.SENT);
  }

  /** The handset got the message ({@link MessageStatus#DELIVERED}). */
  public WebhookRequest delivered(String carrierMessageId) {
    return status(carrierMessageId, MessageStatus.DELIVERED);
  }

  /**
   * The message moved to {@code status}, without an error. The update carries the message's
   * reference when the fake sent it.
   */
  public WebhookRequest status(String carrierMessageId, MessageStatus status) {
    return update(carrierMessageId, status, Optional.empty(), Optional.empty());
  }

  /** The message could not be sent ({@link MessageStatus#FAILED}), with the kind's fake code. */
  public WebhookRequest failed(String carrierMessageId, GatewayError kind) {
    return failed(carrierMessageId, kind, ErrorKinds.code(kind));
  }

  /** The message could not be sent ({@link MessageStatus#FAILED}), with the given carrier code. */
  public WebhookRequest failed(String carrierMessageId, GatewayError kind, String carrierCode) {
    return update(
        carrierMessageId, MessageStatus.FAILED, Optional.of(kind), Optional.of(carrierCode));
  }

  /**
   * The handset did not get the message ({@link MessageStatus#UNDELIVERED}), with the fake code.
   */
  public WebhookRequest undelivered(String carrierMessageId, GatewayError kind) {
    return undelivered(carrierMessageId, kind, ErrorKinds.code(kind));
  }

  /** The handset did not get the message ({@link MessageStatus#UNDELIVERED}), with the code. */
  public WebhookRequest undelivered(
      String carrierMessageId, GatewayError kind, String carrierCode) {
    return update(
        carrierMessageId, MessageStatus.UNDELIVERED, Optional.of(kind), Optional.of(carrierCode));
  }

  /** The same request signed with the wrong secret: the gateway answers 403 Forbidden. */
  public WebhookRequest withBadSignature(WebhookRequest request) {
    WebhookRequest forged = new FakeWire(BAD_SECRET).signed(request.url(), request.body());
    return withHeaders(request, forged.headers());
  }

  /** The same request without its signature header: the gateway answers 401 Unauthorized. */
  public WebhookRequest unsigned(WebhookRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
    headers.keySet().removeIf(name -> name.equalsIgnoreCase(FakeWire.SIGNATURE_HEADER));
    return new WebhookRequest(request.method(), request.url(), headers, request.body());
  }

  /** A correctly signed request whose body is not JSON: the gateway answers 400 Bad Request. */
  public WebhookRequest malformed() {
    return wire.signed(url, "{\"events\": [ not json".getBytes(StandardCharsets.UTF_8));
  }

  private WebhookRequest update(
      String carrierMessageId,
      MessageStatus status,
      Optional<GatewayError> error,
      Optional<String> carrierCode) {
    Objects.requireNonNull(carrierMessageId, "carrierMessageId");
    Optional<String> reference = lookup.apply(carrierMessageId).map(SentMessage::reference);
    return of(
        new StatusUpdate(
            carrierMessageId, status, reference, error, carrierCode, Optional.of(clock.instant())));
  }

  private static WebhookRequest withHeaders(
      WebhookRequest request, Map<String, List<String>> replacements) {
    Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
    headers.putAll(replacements);
    return new WebhookRequest(request.method(), request.url(), headers, request.body());
  }
}
