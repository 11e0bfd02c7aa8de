package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.conversation.ConversationStatus;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.store.ConversationUpdate;
import dev.p2p.store.InboundOutcome;
import dev.p2p.store.MessageOwner;
import dev.p2p.store.MessageStore;
import dev.p2p.store.SendRecord;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The message operations of {@link dev.p2p.store.MessageStore}: outbound messages, queued by {@link
 * dev.p2p.store.ConversationStore#recordSend}, then sent or failed; statuses moving forward only;
 * inbound messages stored once by {@link dev.p2p.store.ConversationStore#receive}. Messages are
 * observed through the reads the core uses: {@link MessageStore#findMessage}, {@link
 * dev.p2p.store.ConversationStore#ownerOf} and the unrouted list. Run by {@link StoreContract} on
 * every store; the store is fresh, with organizations {@code acme} and {@code globex}.
 */
abstract class MessageStoreContract extends ConversationFixtures {
  static final Instant LATER = NOW.plusSeconds(30);
  static final String CONTACT = phone(1);

  MessageStore messages() {
    return store().messages();
  }

  /** A message with every field set, to the contact, from our number. */
  static QueuedMessage queued(String reference) {
    return new QueuedMessage(
        GATEWAY,
        reference,
        OUR_NUMBER,
        CONTACT,
        "Hi Ana, it's Ben with Acme. Can we count on your vote? ✓",
        List.of(URI.create("https://cdn.example.com/flyer.png")),
        2);
  }

  /** The initial message of a new conversation of the organization with contact 1. */
  SendRecord initial(String orgId, String reference) {
    long actionId = live(orgId, list(orgId, 1, 1), false);
    long id = assignments().claim(orgId, actionId, "ana", request(1), NOW).get(0);
    return new SendRecord(
        id,
        SendRecord.Kind.INITIAL,
        Optional.of("ana"),
        queued(reference),
        ConversationUpdate.NONE,
        Duration.ZERO);
  }

  /** Queues the initial message of a new conversation, as the send path does; returns its id. */
  long queue(String orgId, String reference) {
    return conversations().recordSend(orgId, initial(orgId, reference), NOW).id();
  }

  static StatusUpdate status(String carrierId, MessageStatus status) {
    return new StatusUpdate(
        carrierId, status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  static InboundMessage fullInbound(String carrierId) {
    return new InboundMessage(
        carrierId,
        CONTACT,
        OUR_NUMBER,
        "Yes! 🗳",
        List.of(URI.create("https://media.example.com/a.jpg")),
        Optional.of(NOW));
  }

  private InboundOutcome receive(String orgId, String carrierId, Instant at) {
    return conversations().receive(orgId, GATEWAY, fullInbound(carrierId), false, at);
  }

  private long sent(String reference, String carrierId) {
    long id = queue(ORG, reference);
    messages().markSent(ORG, id, SendReceipt.queued(carrierId), NOW);
    return id;
  }

  private MessageStatus statusOf(long id) {
    return messages().findMessage(ORG, id).orElseThrow().status();
  }

  @Test
  @DisplayName("an outbound message is recorded as QUEUED with every field, without a carrier id")
  void outboundIsRecordedQueued() {
    long id = queue(ORG, "ref-1");
    Message m = messages().findMessage(ORG, id).orElseThrow();
    assertThat(m.id()).isEqualTo(id);
    assertThat(m.direction()).isEqualTo(Direction.OUTBOUND);
    assertThat(m.gatewayId()).isEqualTo(GATEWAY);
    assertThat(m.reference()).contains("ref-1");
    assertThat(m.carrierMessageId()).isEmpty();
    assertThat(m.sender()).isEqualTo(OUR_NUMBER);
    assertThat(m.contactPhone()).isEqualTo(CONTACT);
    assertThat(m.body()).isEqualTo(queued("ref-1").body());
    assertThat(m.media()).containsExactly(URI.create("https://cdn.example.com/flyer.png"));
    assertThat(m.segments()).isEqualTo(2);
    assertThat(m.status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(m.unconfirmed()).isFalse();
    assertThat(m.failure()).isEmpty();
    assertThat(m.createdAt()).isEqualTo(NOW);
    assertThat(m.updatedAt()).isEqualTo(NOW);
  }

  @Test
  @DisplayName("a receipt gives the message its carrier id, status, segments and actual number")
  void receiptMarksSent() {
    long id = queue(ORG, "ref-1");
    SendReceipt receipt =
        new SendReceipt("SM1", MessageStatus.SENT, OptionalInt.of(3), Optional.of("+13125550199"));
    assertThat(messages().markSent(ORG, id, receipt, LATER)).isPresent();
    assertThat(conversations().ownerOf(GATEWAY, "SM1")).contains(new MessageOwner(ORG, CONTACT));
    Message m = messages().findMessage(ORG, id).orElseThrow();
    assertThat(m.carrierMessageId()).contains("SM1");
    assertThat(m.status()).isEqualTo(MessageStatus.SENT);
    assertThat(m.segments()).isEqualTo(3);
    assertThat(m.sender()).isEqualTo("+13125550199");
    assertThat(m.updatedAt()).isEqualTo(LATER);
    assertThat(m.createdAt()).isEqualTo(NOW);
  }

  @Test
  void aSecondReceiptChangesNothing() {
    long id = sent("ref-1", "SM1");
    assertThat(messages().markSent(ORG, id, SendReceipt.queued("SM2"), LATER)).isEmpty();
    assertThat(messages().findMessage(ORG, id).orElseThrow().carrierMessageId()).contains("SM1");
  }

  @Test
  @DisplayName(
      "a reference already used in the organization is refused, writing nothing; another may use it")
  void referenceIsUniquePerOrganization() {
    queue(ORG, "ref-1");
    SendRecord again = initial(ORG, "ref-1");
    assertThatThrownBy(() -> conversations().recordSend(ORG, again, NOW))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("reference"));
    assertThat(conversations().thread(ORG, again.conversationId(), 0, 10)).isEmpty();
    assertThat(find(again.conversationId()).status())
        .isEqualTo(ConversationStatus.NEEDS_FIRST_MESSAGE);
    long theirs = queue(OTHER_ORG, "ref-1");
    assertThat(messages().findMessage(OTHER_ORG, theirs)).isPresent();
  }

  @Test
  void recordingForAnUnknownOrganizationFails() {
    SendRecord record = initial(ORG, "ref-1");
    assertThatThrownBy(() -> conversations().recordSend("nobody", record, NOW))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("a retry-safe failure is FAILED with its kind and carrier code")
  void retrySafeFailureIsFailed() {
    long id = queue(ORG, "ref-1");
    assertThat(
            messages()
                .markFailed(ORG, id, FailureKind.INVALID_NUMBER, Optional.of("21211"), true, LATER))
        .isPresent();
    Message m = messages().findMessage(ORG, id).orElseThrow();
    assertThat(m.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(m.unconfirmed()).isFalse();
    assertThat(m.failure()).contains(FailureKind.INVALID_NUMBER);
    assertThat(m.carrierCode()).contains("21211");
  }

  @Test
  @DisplayName("a failure that may have reached the carrier stays QUEUED, flagged unconfirmed")
  void unsafeFailureIsUnconfirmed() {
    long id = queue(ORG, "ref-1");
    messages().markFailed(ORG, id, FailureKind.RETRYABLE, Optional.empty(), false, LATER);
    Message m = messages().findMessage(ORG, id).orElseThrow();
    assertThat(m.status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(m.unconfirmed()).isTrue();
    assertThat(m.failure()).contains(FailureKind.RETRYABLE);
    assertThat(messages().markFailed(ORG, id, FailureKind.PERMANENT, Optional.empty(), true, LATER))
        .isPresent();
    assertThat(statusOf(id)).isEqualTo(MessageStatus.FAILED);
  }

  @Test
  @DisplayName(
      "sends of unknown fate (unconfirmed, or never answered) are listed for reconciliation by id,"
          + " up to a time of last change, a page at a time, and only the organization's")
  void sendsOfUnknownFateAreListed() {
    long unconfirmed = queue(ORG, "ref-1");
    messages().markFailed(ORG, unconfirmed, FailureKind.RETRYABLE, Optional.empty(), false, LATER);
    long unanswered = queue(ORG, "ref-2");
    sent("ref-3", "SM3");
    long failed = queue(ORG, "ref-4");
    messages().markFailed(ORG, failed, FailureKind.PERMANENT, Optional.empty(), true, LATER);
    queue(OTHER_ORG, "ref-5");

    assertThat(messages().awaitingReceipt(ORG, LATER, 0, 10))
        .extracting(Message::id)
        .containsExactly(unconfirmed, unanswered);
    assertThat(messages().awaitingReceipt(ORG, NOW, 0, 10))
        .extracting(Message::id)
        .containsExactly(unanswered);
    assertThat(messages().awaitingReceipt(ORG, LATER, 0, 1))
        .extracting(Message::id)
        .containsExactly(unconfirmed);
    assertThat(messages().awaitingReceipt(ORG, LATER, unconfirmed, 10))
        .extracting(Message::id)
        .containsExactly(unanswered);
    Message listed = messages().awaitingReceipt(ORG, LATER, 0, 1).get(0);
    assertThat(listed).isEqualTo(messages().findMessage(ORG, unconfirmed).orElseThrow());
  }

  @Test
  @DisplayName("a send of unknown fate settles once: confirmed by the carrier, it leaves the list")
  void aReconciledSendSettlesOnce() {
    long id = queue(ORG, "ref-1");
    messages().markFailed(ORG, id, FailureKind.RETRYABLE, Optional.empty(), false, LATER);
    Instant settled = LATER.plusSeconds(600);

    assertThat(messages().markSent(ORG, id, SendReceipt.queued("SM1"), settled)).isPresent();

    assertThat(messages().awaitingReceipt(ORG, settled, 0, 10)).isEmpty();
    assertThat(
            messages().markFailed(ORG, id, FailureKind.RETRYABLE, Optional.empty(), true, settled))
        .isEmpty();
    Message m = messages().findMessage(ORG, id).orElseThrow();
    assertThat(m.unconfirmed()).isFalse();
    assertThat(m.carrierMessageId()).contains("SM1");
  }

  @Test
  void aSentMessageCannotBeMarkedFailed() {
    long id = sent("ref-1", "SM1");
    assertThat(messages().markFailed(ORG, id, FailureKind.PERMANENT, Optional.empty(), true, LATER))
        .isEmpty();
    assertThat(statusOf(id)).isEqualTo(MessageStatus.QUEUED);
  }

  @Test
  void statusesMoveForward() {
    long id = sent("ref-1", "SM1");
    assertThat(messages().applyStatus(GATEWAY, status("SM1", MessageStatus.SENT), LATER)).isTrue();
    assertThat(statusOf(id)).isEqualTo(MessageStatus.SENT);
    assertThat(messages().applyStatus(GATEWAY, status("SM1", MessageStatus.DELIVERED), LATER))
        .isTrue();
    assertThat(statusOf(id)).isEqualTo(MessageStatus.DELIVERED);
    assertThat(messages().findMessage(ORG, id).orElseThrow().updatedAt()).isEqualTo(LATER);
  }

  @Test
  void aRepeatedStatusChangesNothing() {
    sent("ref-1", "SM1");
    messages().applyStatus(GATEWAY, status("SM1", MessageStatus.SENT), LATER);
    assertThat(messages().applyStatus(GATEWAY, status("SM1", MessageStatus.SENT), LATER)).isFalse();
  }

  @Test
  @DisplayName("a status arriving out of order never moves the message back")
  void outOfOrderStatusIsIgnored() {
    long id = sent("ref-1", "SM1");
    messages().applyStatus(GATEWAY, status("SM1", MessageStatus.DELIVERED), LATER);
    assertThat(messages().applyStatus(GATEWAY, status("SM1", MessageStatus.SENT), LATER)).isFalse();
    assertThat(messages().applyStatus(GATEWAY, status("SM1", MessageStatus.SENDING), LATER))
        .isFalse();
    assertThat(statusOf(id)).isEqualTo(MessageStatus.DELIVERED);
  }

  @Test
  @DisplayName("after a final status, another final status changes nothing")
  void finalStatusIsFinal() {
    long id = sent("ref-1", "SM1");
    messages().applyStatus(GATEWAY, status("SM1", MessageStatus.DELIVERED), LATER);
    StatusUpdate failed =
        new StatusUpdate(
            "SM1",
            MessageStatus.UNDELIVERED,
            Optional.empty(),
            Optional.of(GatewayError.invalidNumber()),
            Optional.of("30006"),
            Optional.empty());
    assertThat(messages().applyStatus(GATEWAY, failed, LATER)).isFalse();
    Message m = messages().findMessage(ORG, id).orElseThrow();
    assertThat(m.status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(m.carrierCode()).isEmpty();
  }

  @Test
  void anUndeliveredStatusKeepsItsFailureAndCode() {
    long id = sent("ref-1", "SM1");
    StatusUpdate undelivered =
        new StatusUpdate(
            "SM1",
            MessageStatus.UNDELIVERED,
            Optional.of("ref-1"),
            Optional.of(GatewayError.optedOut()),
            Optional.of("21610"),
            Optional.of(LATER));
    assertThat(messages().applyStatus(GATEWAY, undelivered, LATER)).isTrue();
    Message m = messages().findMessage(ORG, id).orElseThrow();
    assertThat(m.status()).isEqualTo(MessageStatus.UNDELIVERED);
    assertThat(m.failure()).contains(FailureKind.OPTED_OUT);
    assertThat(m.carrierCode()).contains("21610");
  }

  @Test
  @DisplayName("a status for an unknown carrier id, or another gateway's, changes nothing")
  void statusForUnknownMessageChangesNothing() {
    long id = sent("ref-1", "SM1");
    assertThat(messages().applyStatus(GATEWAY, status("SM404", MessageStatus.SENT), LATER))
        .isFalse();
    assertThat(messages().applyStatus("bandwidth", status("SM1", MessageStatus.SENT), LATER))
        .isFalse();
    assertThat(statusOf(id)).isEqualTo(MessageStatus.QUEUED);
  }

  @Test
  @DisplayName(
      "a status that comes before the send's receipt is applied when the receipt is stored")
  void earlyStatusIsAppliedWithTheReceipt() {
    long id = queue(ORG, "ref-1");
    assertThat(messages().applyStatus(GATEWAY, status("SM1", MessageStatus.SENT), NOW)).isFalse();
    assertThat(messages().applyStatus(GATEWAY, status("SM1", MessageStatus.DELIVERED), NOW))
        .isFalse();
    assertThat(statusOf(id)).isEqualTo(MessageStatus.QUEUED);

    assertThat(messages().markSent(ORG, id, SendReceipt.queued("SM1"), LATER)).isPresent();

    Message m = messages().findMessage(ORG, id).orElseThrow();
    assertThat(m.status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(m.updatedAt()).isEqualTo(LATER);
  }

  @Test
  @DisplayName("early statuses are applied in arrival order, forward only, and once")
  void earlyStatusesKeepTheirOrder() {
    long id = queue(ORG, "ref-1");
    StatusUpdate failed =
        new StatusUpdate(
            "SM1",
            MessageStatus.FAILED,
            Optional.empty(),
            Optional.of(GatewayError.invalidNumber()),
            Optional.of("30006"),
            Optional.empty());
    messages().applyStatus(GATEWAY, failed, NOW);
    messages().applyStatus(GATEWAY, status("SM1", MessageStatus.DELIVERED), NOW.plusMillis(1));
    messages().applyStatus(GATEWAY, failed, NOW.plusMillis(2));
    messages().markSent(ORG, id, SendReceipt.queued("SM1"), LATER);

    Message m = messages().findMessage(ORG, id).orElseThrow();
    assertThat(m.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(m.failure()).contains(FailureKind.INVALID_NUMBER);
    assertThat(m.carrierCode()).contains("30006");

    long other = queue(ORG, "ref-2");
    messages().markSent(ORG, other, SendReceipt.queued("SM2"), LATER);
    assertThat(statusOf(other)).isEqualTo(MessageStatus.QUEUED);
  }

  @Test
  @DisplayName("an early status is kept for a day, then dropped")
  void unclaimedEarlyStatusesExpire() {
    long id = queue(ORG, "ref-1");
    messages().applyStatus(GATEWAY, status("SM1", MessageStatus.DELIVERED), NOW);
    // another callback two days later prunes what nobody claimed
    messages()
        .applyStatus(GATEWAY, status("SM9", MessageStatus.SENT), NOW.plus(Duration.ofDays(2)));
    messages().markSent(ORG, id, SendReceipt.queued("SM1"), NOW.plus(Duration.ofDays(2)));
    assertThat(statusOf(id)).isEqualTo(MessageStatus.QUEUED);
  }

  @Test
  @DisplayName("pruning drops the statuses parked over a day ago and keeps one parked since")
  void pruningKeepsRecentEarlyStatuses() {
    long first = queue(ORG, "ref-1");
    long second = queue(ORG, "ref-2");
    messages().applyStatus(GATEWAY, status("SM1", MessageStatus.SENT), NOW);
    messages()
        .applyStatus(GATEWAY, status("SM2", MessageStatus.SENT), NOW.plus(Duration.ofHours(12)));
    messages()
        .applyStatus(
            GATEWAY, status("SM1", MessageStatus.DELIVERED), NOW.plus(Duration.ofHours(20)));
    Instant later = NOW.plus(Duration.ofHours(37));
    messages().applyStatus(GATEWAY, status("SM9", MessageStatus.SENT), later);

    messages().markSent(ORG, first, SendReceipt.queued("SM1"), later);
    messages().markSent(ORG, second, SendReceipt.queued("SM2"), later);
    assertThat(statusOf(first)).isEqualTo(MessageStatus.DELIVERED);
    assertThat(statusOf(second)).isEqualTo(MessageStatus.QUEUED);
  }

  @Test
  @DisplayName("carrier ids and codes as long as the gateway SPI allows are stored whole")
  void longestCarrierValuesFit() {
    String outboundId = "O".repeat(SendReceipt.MAX_CARRIER_ID_LENGTH);
    String inboundId = "I".repeat(SendReceipt.MAX_CARRIER_ID_LENGTH);
    String code = "7".repeat(StatusUpdate.MAX_CARRIER_CODE_LENGTH);
    long id = sent("ref-1", outboundId);
    StatusUpdate failed =
        new StatusUpdate(
            outboundId,
            MessageStatus.FAILED,
            Optional.empty(),
            Optional.of(GatewayError.permanent()),
            Optional.of(code),
            Optional.empty());
    assertThat(messages().applyStatus(GATEWAY, failed, LATER)).isTrue();
    InboundOutcome in = receive(ORG, inboundId, NOW);
    assertThat(in.stored()).isTrue();
    Message m = messages().findMessage(ORG, id).orElseThrow();
    assertThat(m.carrierMessageId()).contains(outboundId);
    assertThat(m.carrierCode()).contains(code);
    assertThat(conversations().ownerOf(GATEWAY, outboundId)).isPresent();
    assertThat(messages().findMessage(ORG, in.messageId()).orElseThrow().carrierMessageId())
        .contains(inboundId);
  }

  @Test
  @DisplayName(
      "an inbound message is stored RECEIVED with every field, once however often it comes")
  void inboundIsStoredOnce() {
    InboundOutcome first = receive(ORG, "SMin1", NOW);
    assertThat(first.stored()).isTrue();
    assertThat(receive(ORG, "SMin1", LATER).stored()).isFalse();
    assertThat(receive(OTHER_ORG, "SMin1", LATER).stored()).isFalse();
    Message m = messages().findMessage(ORG, first.messageId()).orElseThrow();
    assertThat(conversations().unrouted(ORG, 0, 10)).containsExactly(m);
    assertThat(m.direction()).isEqualTo(Direction.INBOUND);
    assertThat(m.carrierMessageId()).contains("SMin1");
    assertThat(m.status()).isEqualTo(MessageStatus.RECEIVED);
    assertThat(m.reference()).isEmpty();
    assertThat(m.sender()).isEqualTo(OUR_NUMBER);
    assertThat(m.contactPhone()).isEqualTo(CONTACT);
    assertThat(m.body()).isEqualTo("Yes! 🗳");
    assertThat(m.media()).containsExactly(URI.create("https://media.example.com/a.jpg"));
    assertThat(m.createdAt()).isEqualTo(NOW);
    assertThat(messages().findMessage(OTHER_ORG, first.messageId())).isEmpty();
    assertThat(conversations().unrouted(OTHER_ORG, 0, 10)).isEmpty();
  }

  @Test
  @DisplayName("an inbound message for an unknown organization is not found and not stored")
  void inboundForAnUnknownOrganizationFails() {
    assertThatThrownBy(() -> receive("nobody", "SMin1", NOW)).isInstanceOf(NotFoundException.class);
    assertThat(receive(ORG, "SMin1", NOW).stored()).isTrue();
  }

  @Test
  void anInboundMessageIsNeverMovedByAStatus() {
    long id = receive(ORG, "SMin1", NOW).messageId();
    assertThat(messages().applyStatus(GATEWAY, status("SMin1", MessageStatus.DELIVERED), LATER))
        .isFalse();
    assertThat(statusOf(id)).isEqualTo(MessageStatus.RECEIVED);
  }

  @Test
  @DisplayName("another organization's messages are never found or changed, even by id")
  void anotherOrganizationsMessagesAreInvisible() {
    long theirs = queue(OTHER_ORG, "ref-1");
    assertThat(messages().findMessage(ORG, theirs)).isEmpty();
    assertThat(messages().markSent(ORG, theirs, SendReceipt.queued("SM1"), NOW)).isEmpty();
    assertThat(
            messages().markFailed(ORG, theirs, FailureKind.PERMANENT, Optional.empty(), true, NOW))
        .isEmpty();
    messages().markSent(OTHER_ORG, theirs, SendReceipt.queued("SM1"), NOW);
    assertThat(messages().findMessage(OTHER_ORG, theirs).orElseThrow().carrierMessageId())
        .contains("SM1");
    assertThat(conversations().ownerOf(GATEWAY, "SM1"))
        .contains(new MessageOwner(OTHER_ORG, CONTACT));
  }
}
