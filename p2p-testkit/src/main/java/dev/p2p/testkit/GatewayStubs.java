package dev.p2p.testkit;

import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.WebhookRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an adapter's test gives {@link GatewayContract} so it can drive the carrier's side: a stub
 * server (WireMock for a real carrier) that answers sends in the carrier's wire format, and webhook
 * requests built and signed as the carrier builds and signs them. The contract never sees the wire
 * format; the stubs never see p2p's values beyond those passed in.
 *
 * <p>Every "next send" method sets up how the stub server answers the next send request, and
 * replaces any earlier set-up; the contract calls one of them before each send. Webhook requests
 * are addressed to the URL the gateway under test is configured with and signed with its secret or
 * credentials, unless the method says otherwise.
 */
public interface GatewayStubs {

  /**
   * The next send is accepted (Twilio: 201 with a Message resource; Bandwidth: 202).
   *
   * @param carrierMessageId the id the carrier gives the message, in the carrier's own form
   * @param segments the segment count the carrier reports, if its response carries one
   */
  void acceptNextSend(String carrierMessageId, int segments);

  /**
   * The next send is refused with an error the adapter must classify as {@code kind}. The stubs
   * pick a realistic answer: for {@link GatewayError.Retryable} an ambiguous server error (a 500 or
   * 503, after which the carrier may have acted), for {@link GatewayError.RateLimited} a 429, for
   * {@link GatewayError.Authentication} a 401, for the others the carrier's 4xx with its code
   * (Twilio 21610 opted out, 21211 invalid number, 21617 permanent...). The contract calls it for
   * all six kinds, whatever {@link #failureKinds()} says. For a {@link GatewayError.RateLimited}
   * with a {@code retryAfter}, the answer carries that delay the way the carrier says it (a {@code
   * Retry-After} header in whole seconds); without one, no delay at all.
   */
  void refuseNextSend(GatewayError kind);

  /**
   * The next send is accepted as by {@link #acceptNextSend}, but only after {@code delay}: the stub
   * server holds its answer (WireMock: {@code withFixedDelay}). The contract sends and checks that
   * {@code send} returned before the answer came.
   */
  void acceptNextSendAfter(String carrierMessageId, int segments, Duration delay);

  /**
   * From now on nothing answers where the gateway sends: connections are refused (WireMock: stop
   * the server). Nothing reached the carrier, so the adapter must report a {@link
   * GatewayError.Retryable} failure that is retry-safe and has no HTTP status.
   */
  void refuseConnections();

  /**
   * The next send request reaches the stub server, which then drops the connection without
   * answering (WireMock: {@code Fault.CONNECTION_RESET_BY_PEER}, or a delay longer than the
   * adapter's timeout). The carrier may have acted on it, so the adapter must report a {@link
   * GatewayError.Retryable} failure that is not retry-safe: the core never sends it again.
   */
  void cutNextSend();

  /**
   * The last send request the stub server received, read from the carrier's format.
   *
   * @throws AssertionError when it received none
   */
  WireMessage lastSend();

  /**
   * Whether the last send request carried the credentials the gateway under test was configured
   * with, checked the way the carrier checks them (Twilio: HTTP Basic with the Account SID and Auth
   * Token; Bandwidth: the bearer token its token endpoint issued). A carrier that takes no
   * credentials (the fake) answers true.
   *
   * @throws AssertionError when the stub server received no send
   */
  boolean lastSendAuthenticated();

  /**
   * Whether the carrier takes a validity period, so that {@link WireMessage#expiresAt()} of a
   * message sent with {@code expiresAt} says when the carrier gives up. True unless overridden: a
   * carrier without one answers false, and the contract then only checks that a message whose time
   * is over is not sent.
   */
  default boolean carrierExpiresMessages() {
    return true;
  }

  /**
   * The carrier messaging service the gateway under test sends through when a message's sender is
   * {@code Sender.messagingService(id)}, or empty when the carrier has no messaging services (the
   * gateway must then refuse such a sender as {@link GatewayError.Permanent}, retry-safe, without
   * sending anything).
   */
  Optional<String> messagingService();

  /**
   * A signed inbound-message webhook.
   *
   * @param carrierMessageId the carrier's id for the inbound message
   * @param from the contact's phone (E.164)
   * @param to p2p's number that received it
   * @param body the text
   * @param media URLs of attached media, in order, possibly empty
   */
  WebhookRequest inbound(
      String carrierMessageId, String from, String to, String body, List<URI> media);

  /**
   * The outbound statuses the carrier's status webhooks can express (Twilio: {@code SENDING},
   * {@code SENT}, {@code DELIVERED}, {@code UNDELIVERED}, {@code FAILED}). The contract checks each
   * of them; {@code FAILED} and {@code UNDELIVERED} through {@link #failure}.
   */
  Set<MessageStatus> statuses();

  /**
   * A signed status webhook saying the message moved to {@code status}, without an error.
   *
   * @param status one of {@link #statuses()}, other than {@code FAILED} and {@code UNDELIVERED}
   */
  WebhookRequest status(String carrierMessageId, MessageStatus status);

  /**
   * The error kinds a failure status webhook can carry, each through a carrier code the adapter
   * classifies as that kind. By default, all six. Narrowing it narrows only the status-webhook
   * checks: refused sends are checked for every kind.
   */
  default List<GatewayError> failureKinds() {
    return List.of(
        GatewayError.retryable(),
        GatewayError.rateLimited(Optional.empty()),
        GatewayError.optedOut(),
        GatewayError.invalidNumber(),
        GatewayError.permanent(),
        GatewayError.authentication());
  }

  /**
   * A signed status webhook saying the message failed, with a carrier code of the given kind.
   *
   * @param status {@code FAILED} or {@code UNDELIVERED}, one of {@link #statuses()}
   * @param kind one of {@link #failureKinds()}
   */
  WebhookRequest failure(String carrierMessageId, MessageStatus status, GatewayError kind);

  /**
   * A well-formed webhook whose signature or credentials are wrong (signed with another secret, or
   * the wrong password). The gateway must answer 403 (or 401) and yield no events.
   */
  WebhookRequest badSignature();

  /**
   * A well-formed webhook without any signature or credentials. The gateway must answer 401 (or
   * 403) and yield no events.
   */
  WebhookRequest missingCredentials();

  /**
   * A correctly signed webhook whose body the carrier would never send (not its format, or
   * truncated). The gateway must answer 400.
   */
  WebhookRequest malformed();
}
