package dev.p2p.internal.conversation;

import dev.p2p.NotFoundException;
import dev.p2p.OutsideTextingHoursException;
import dev.p2p.ValidationException;
import dev.p2p.action.Action;
import dev.p2p.action.ActionStatus;
import dev.p2p.action.SenderSettings;
import dev.p2p.action.TextingSettings;
import dev.p2p.contact.Contact;
import dev.p2p.contact.Phones;
import dev.p2p.conversation.Conversation;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.internal.OrgContext;
import dev.p2p.internal.Texting;
import dev.p2p.internal.TextingWindows;
import dev.p2p.internal.metrics.Mdc;
import dev.p2p.internal.metrics.Telemetry;
import dev.p2p.sms.Segments;
import dev.p2p.sms.SmartEncoding;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.SendRecord;
import dev.p2p.store.Store;
import dev.p2p.store.support.Refusals;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outbound message, start to end: the checks that need no lock (action live, assigned, opted
 * out, texting hours), the body's final form and segments, the sender, the store's one-transaction
 * record, the gateway call, and then sent or failed. A carrier's opted-out error opts the phone
 * out; an invalid-number error marks it invalid. Thread-safe.
 */
final class SendPipeline {
  private static final Logger log = LoggerFactory.getLogger(SendPipeline.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OrgContext ctx;
  private final Texting texting;
  private final Store store;

  SendPipeline(OrgContext ctx) {
    this.ctx = ctx;
    this.texting = ctx.texting();
    this.store = ctx.store();
  }

  /** The action of a conversation, which must be published. */
  Action liveAction(long actionId) {
    Action action = texting.action(ctx.orgId(), actionId);
    if (action.status() != ActionStatus.PUBLISHED) {
      throw Refusals.actionNotLive(action.status());
    }
    return action;
  }

  /** The conversation, which must be assigned to the texter. */
  Conversation mine(long conversationId, String texterId) {
    return mine(
        store
            .conversations()
            .findConversation(ctx.orgId(), conversationId)
            .orElseThrow(() -> new NotFoundException("conversation", conversationId)),
        texterId);
  }

  /** The conversation, if it is assigned to the texter as read. */
  static Conversation mine(Conversation c, String texterId) {
    if (!c.texterId().equals(Optional.of(texterId))) {
      throw Refusals.notAssigned(c.id(), texterId);
    }
    return c;
  }

  /** The contact of a conversation. */
  Contact contact(Conversation c) {
    return store
        .findContact(ctx.orgId(), c.contactId())
        .orElseThrow(() -> new NotFoundException("contact", c.contactId()));
  }

  /** Checks that the contact may be texted now and returns when its window closes. */
  Optional<Instant> checkHours(Action action, Contact contact) {
    TextingSettings settings = texting.settings(ctx.orgId());
    TextingWindows.Check check =
        TextingWindows.check(
            TextingWindows.key(contact.details()),
            action.spec().textingHours(),
            settings,
            texting.clock().instant());
    if (!check.open()) {
      throw new OutsideTextingHoursException(
          "it is outside texting hours for contact "
              + Phones.mask(contact.phone())
              + " (time zone "
              + check.zone()
              + (settings.waiveFederalQuietHours() ? "" : ", federal floor 08:00-21:00")
              + (settings.stateRules() ? ", state rules on" : "")
              + ")"
              + check.opensAt().map(at -> "; their window opens at " + at).orElse(""),
          check.opensAt());
    }
    return check.closesAt();
  }

  /** Sends a texter's message (initial or reply) of a conversation to its contact, as read now. */
  CompletableFuture<Message> send(
      Conversation c,
      Contact contact,
      String texterId,
      SendRecord.Kind kind,
      String text,
      ConversationUpdate effects,
      int variant) {
    try (Mdc mdc = Mdc.of(ctx.orgId(), OptionalLong.of(c.actionId()), OptionalLong.of(c.id()))) {
      return sendChecked(c, contact, texterId, kind, text, effects, variant);
    }
  }

  private CompletableFuture<Message> sendChecked(
      Conversation c,
      Contact contact,
      String texterId,
      SendRecord.Kind kind,
      String text,
      ConversationUpdate effects,
      int variant) {
    Action action = liveAction(c.actionId());
    if (c.status() == ConversationStatus.OPTED_OUT) {
      throw Refusals.optedOut(c.contactPhone());
    }
    Optional<Instant> closesAt = checkHours(action, contact);
    String body = action.spec().smartEncoding() ? SmartEncoding.apply(text) : text;
    if (body.isBlank()) {
      throw ValidationException.of("body", "must not be empty");
    }
    SenderSettings settings =
        action
            .spec()
            .sender()
            .or(texting::defaultSender) // an action published before publishing set it
            .orElseThrow(
                () ->
                    ValidationException.of(
                        "sender", "the action has no sender: set one with ActionDraft.sender(..)"));
    SmsGateway gateway = gateway(settings.gateway());
    // A conversation with no sender yet whose action texts from its numbers: the store binds the
    // contact to one of them in the send's transaction.
    boolean bind = c.sender().isEmpty() && settings.messagingServiceId().isEmpty();
    return dispatch(
        c.id(),
        kind,
        Optional.of(texterId),
        settings.gateway(),
        settings.messagingServiceId(),
        gateway,
        sender(c, settings),
        bind ? settings.numbers() : List.of(),
        c.contactPhone(),
        body,
        effects,
        closesAt,
        variant);
  }

  /** Sends p2p's own answer (an opt-out confirmation) from the conversation's sender. */
  CompletableFuture<Message> automatic(
      Conversation c, SenderSettings settings, String phone, String body) {
    return automatic(
        c.id(),
        settings.gateway(),
        settings.messagingServiceId(),
        sender(c, settings),
        phone,
        body);
  }

  /** Sends p2p's own answer (a HELP reply) from the number the contact wrote to. */
  CompletableFuture<Message> automatic(
      long conversationId, String gatewayId, String number, String phone, String body) {
    return automatic(
        conversationId, gatewayId, Optional.empty(), new Sender.Number(number), phone, body);
  }

  private CompletableFuture<Message> automatic(
      long conversationId,
      String gatewayId,
      Optional<String> messagingService,
      Sender sender,
      String phone,
      String body) {
    return dispatch(
        conversationId,
        SendRecord.Kind.AUTOMATIC,
        Optional.empty(),
        gatewayId,
        messagingService,
        gateway(gatewayId),
        sender,
        List.of(),
        phone,
        body,
        ConversationUpdate.NONE,
        Optional.empty(),
        0);
  }

  private CompletableFuture<Message> dispatch(
      long conversationId,
      SendRecord.Kind kind,
      Optional<String> texterId,
      String gatewayId,
      Optional<String> messagingService,
      SmsGateway gateway,
      Sender sender,
      List<String> senderPool,
      String phone,
      String body,
      ConversationUpdate effects,
      Optional<Instant> expiresAt,
      int variant) {
    try (Mdc mdc = Mdc.of(ctx.orgId(), OptionalLong.empty(), OptionalLong.of(conversationId))) {
      Telemetry.Span span = texting.telemetry().sendStarted(ctx.orgId(), gatewayId);
      CompletableFuture<Message> done;
      try {
        done =
            call(
                conversationId,
                kind,
                texterId,
                gatewayId,
                messagingService,
                gateway,
                sender,
                senderPool,
                phone,
                body,
                effects,
                expiresAt,
                variant);
      } catch (RuntimeException e) {
        span.end("refused"); // the store refused to record it: nothing went to the carrier
        throw e;
      }
      return done.whenComplete(
          (message, error) ->
              span.end(
                  error != null
                      ? "error"
                      : message.status() == MessageStatus.FAILED ? "failed" : "sent"));
    }
  }

  private CompletableFuture<Message> call(
      long conversationId,
      SendRecord.Kind kind,
      Optional<String> texterId,
      String gatewayId,
      Optional<String> messagingService,
      SmsGateway gateway,
      Sender sender,
      List<String> senderPool,
      String phone,
      String body,
      ConversationUpdate effects,
      Optional<Instant> expiresAt,
      int variant) {
    String reference = reference();
    QueuedMessage queued =
        new QueuedMessage(
            gatewayId,
            reference,
            sender.address(),
            phone,
            body,
            List.of(),
            Segments.of(body).count());
    TextingSettings settings = texting.settings(ctx.orgId());
    Message recorded =
        store
            .conversations()
            .recordSend(
                ctx.orgId(),
                new SendRecord(
                    conversationId,
                    kind,
                    texterId,
                    queued,
                    senderPool,
                    effects,
                    settings.lockWindow(),
                    variant),
                texting.clock().instant());
    long messageId = recorded.id();
    Sender from = sender(recorded.sender(), messagingService);
    CompletableFuture<SendReceipt> sent;
    try {
      sent = gateway.send(new OutboundMessage(reference, from, phone, body, List.of(), expiresAt));
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    return new SendOutcome(ctx, conversationId, gatewayId, phone).settle(messageId, sent);
  }

  private SmsGateway gateway(String gatewayId) {
    return texting
        .gateway(gatewayId)
        .orElseThrow(
            () ->
                ValidationException.of(
                    "sender.gateway",
                    "'"
                        + gatewayId
                        + "' is not registered: register it with P2P.builder().gateway(..)"));
  }

  /**
   * The sender of a conversation's next message: its sticky one, else the action's messaging
   * service, else the action's first number (the store binds the contact to one of the action's
   * numbers in the send's transaction).
   */
  static Sender sender(Conversation c, SenderSettings settings) {
    return sender(
        c.sender().or(settings::messagingServiceId).orElseGet(() -> settings.numbers().get(0)),
        settings.messagingServiceId());
  }

  /** A stored sender address as the gateway takes it: the messaging service, or a number. */
  private static Sender sender(String address, Optional<String> messagingService) {
    return messagingService.equals(Optional.of(address))
        ? new Sender.MessagingService(address)
        : new Sender.Number(address);
  }

  private static String reference() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return "p2p-" + HexFormat.of().formatHex(bytes);
  }
}
