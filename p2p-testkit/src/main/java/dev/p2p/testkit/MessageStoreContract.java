package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.NotFoundException;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.conversation.Direction;
import dev.p2p.conversation.FailureKind;
import dev.p2p.conversation.Message;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.conversation.QueuedMessage;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayEvent.InboundMessage;
import dev.p2p.gateway.GatewayEvent.StatusUpdate;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.store.Store;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The message operations of {@link dev.p2p.store.MessageStore}: outbound messages recorded, sent or
 * failed; statuses moving forward only; inbound messages stored once. Run by {@link StoreContract}
 * on every store; the store is fresh, with organizations {@code acme} and {@code globex}.
 */
abstract class MessageStoreContract {
  static final Instant NOW = StoreContract.NOW;
  static final Instant LATER = NOW.plusSeconds(30);
  static final String ORG = StoreContract.ORG;
  static final String OTHER_ORG = StoreContract.OTHER_ORG;
  static final String GATEWAY = "twilio-acme";
  static final String OUR_NUMBER = "+13125550100";
  static final String CONTACT = "+13125550123";

  /** The store under test. */
  abstract Store store();

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

  static StatusUpdate status(String carrierId, MessageStatus status) {
    return new StatusUpdate(
        carrierId, status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  static InboundMessage inbound(String carrierId, String from, String to) {
    return new InboundMessage(
        carrierId,
        from,
        to,
        "Yes! 🗳",
        List.of(URI.create("https://media.example.com/a.jpg")),
        Optional.of(NOW));
  }

  private long sent(String reference, String carrierId) {
    long id = store().messages().recordOutbound(ORG, queued(reference), NOW);
    store().messages().markSent(ORG, id, SendReceipt.queued(carrierId), NOW);
    return id;
  }

  private MessageStatus statusOf(long id) {
    return store().messages().findMessage(ORG, id).orElseThrow().status();
  }

  @Test
  @DisplayName("an outbound message is recorded as QUEUED with every field, without a carrier id")
  void outboundIsRecordedQueued() {
    long id = store().messages().recordOutbound(ORG, queued("ref-1"), NOW);
    Message m = store().messages().findMessage(ORG, id).orElseThrow();
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
    long id = store().messages().recordOutbound(ORG, queued("ref-1"), NOW);
    SendReceipt receipt =
        new SendReceipt("SM1", MessageStatus.SENT, OptionalInt.of(3), Optional.of("+13125550199"));
    assertThat(store().messages().markSent(ORG, id, receipt, LATER)).isPresent();
    Message m = store().messages().findMessageByCarrierId(ORG, GATEWAY, "SM1").orElseThrow();
    assertThat(m.id()).isEqualTo(id);
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
    assertThat(store().messages().markSent(ORG, id, SendReceipt.queued("SM2"), LATER)).isEmpty();
    assertThat(store().messages().findMessage(ORG, id).orElseThrow().carrierMessageId())
        .contains("SM1");
  }

  @Test
  @DisplayName("a reference already used in the organization is refused; another may reuse it")
  void referenceIsUniquePerOrganization() {
    store().messages().recordOutbound(ORG, queued("ref-1"), NOW);
    assertThatThrownBy(() -> store().messages().recordOutbound(ORG, queued("ref-1"), NOW))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("reference"));
    long theirs = store().messages().recordOutbound(OTHER_ORG, queued("ref-1"), NOW);
    assertThat(store().messages().findMessage(OTHER_ORG, theirs)).isPresent();
  }

  @Test
  void recordingForAnUnknownOrganizationFails() {
    assertThatThrownBy(() -> store().messages().recordOutbound("nobody", queued("ref-1"), NOW))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("a retry-safe failure is FAILED with its kind and carrier code")
  void retrySafeFailureIsFailed() {
    long id = store().messages().recordOutbound(ORG, queued("ref-1"), NOW);
    assertThat(
            store()
                .messages()
                .markFailed(ORG, id, FailureKind.INVALID_NUMBER, Optional.of("21211"), true, LATER))
        .isPresent();
    Message m = store().messages().findMessage(ORG, id).orElseThrow();
    assertThat(m.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(m.unconfirmed()).isFalse();
    assertThat(m.failure()).contains(FailureKind.INVALID_NUMBER);
    assertThat(m.carrierCode()).contains("21211");
  }

  @Test
  @DisplayName("a failure that may have reached the carrier stays QUEUED, flagged unconfirmed")
  void unsafeFailureIsUnconfirmed() {
    long id = store().messages().recordOutbound(ORG, queued("ref-1"), NOW);
    store().messages().markFailed(ORG, id, FailureKind.RETRYABLE, Optional.empty(), false, LATER);
    Message m = store().messages().findMessage(ORG, id).orElseThrow();
    assertThat(m.status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(m.unconfirmed()).isTrue();
    assertThat(m.failure()).contains(FailureKind.RETRYABLE);
    assertThat(
            store()
                .messages()
                .markFailed(ORG, id, FailureKind.PERMANENT, Optional.empty(), true, LATER))
        .isPresent();
    assertThat(statusOf(id)).isEqualTo(MessageStatus.FAILED);
  }

  @Test
  void aSentMessageCannotBeMarkedFailed() {
    long id = sent("ref-1", "SM1");
    assertThat(
            store()
                .messages()
                .markFailed(ORG, id, FailureKind.PERMANENT, Optional.empty(), true, LATER))
        .isEmpty();
    assertThat(statusOf(id)).isEqualTo(MessageStatus.QUEUED);
  }

  @Test
  void statusesMoveForward() {
    long id = sent("ref-1", "SM1");
    assertThat(store().messages().applyStatus(GATEWAY, status("SM1", MessageStatus.SENT), LATER))
        .isTrue();
    assertThat(statusOf(id)).isEqualTo(MessageStatus.SENT);
    assertThat(
            store().messages().applyStatus(GATEWAY, status("SM1", MessageStatus.DELIVERED), LATER))
        .isTrue();
    assertThat(statusOf(id)).isEqualTo(MessageStatus.DELIVERED);
    assertThat(store().messages().findMessage(ORG, id).orElseThrow().updatedAt()).isEqualTo(LATER);
  }

  @Test
  void aRepeatedStatusChangesNothing() {
    sent("ref-1", "SM1");
    store().messages().applyStatus(GATEWAY, status("SM1", MessageStatus.SENT), LATER);
    assertThat(store().messages().applyStatus(GATEWAY, status("SM1", MessageStatus.SENT), LATER))
        .isFalse();
  }

  @Test
  @DisplayName("a status arriving out of order never moves the message back")
  void outOfOrderStatusIsIgnored() {
    long id = sent("ref-1", "SM1");
    store().messages().applyStatus(GATEWAY, status("SM1", MessageStatus.DELIVERED), LATER);
    assertThat(store().messages().applyStatus(GATEWAY, status("SM1", MessageStatus.SENT), LATER))
        .isFalse();
    assertThat(store().messages().applyStatus(GATEWAY, status("SM1", MessageStatus.SENDING), LATER))
        .isFalse();
    assertThat(statusOf(id)).isEqualTo(MessageStatus.DELIVERED);
  }

  @Test
  @DisplayName("after a final status, another final status changes nothing")
  void finalStatusIsFinal() {
    long id = sent("ref-1", "SM1");
    store().messages().applyStatus(GATEWAY, status("SM1", MessageStatus.DELIVERED), LATER);
    StatusUpdate failed =
        new StatusUpdate(
            "SM1",
            MessageStatus.UNDELIVERED,
            Optional.empty(),
            Optional.of(GatewayError.invalidNumber()),
            Optional.of("30006"),
            Optional.empty());
    assertThat(store().messages().applyStatus(GATEWAY, failed, LATER)).isFalse();
    Message m = store().messages().findMessage(ORG, id).orElseThrow();
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
    assertThat(store().messages().applyStatus(GATEWAY, undelivered, LATER)).isTrue();
    Message m = store().messages().findMessage(ORG, id).orElseThrow();
    assertThat(m.status()).isEqualTo(MessageStatus.UNDELIVERED);
    assertThat(m.failure()).contains(FailureKind.OPTED_OUT);
    assertThat(m.carrierCode()).contains("21610");
  }

  @Test
  @DisplayName("a status for an unknown carrier id, or another gateway's, changes nothing")
  void statusForUnknownMessageChangesNothing() {
    long id = sent("ref-1", "SM1");
    assertThat(store().messages().applyStatus(GATEWAY, status("SM404", MessageStatus.SENT), LATER))
        .isFalse();
    assertThat(
            store().messages().applyStatus("bandwidth", status("SM1", MessageStatus.SENT), LATER))
        .isFalse();
    assertThat(statusOf(id)).isEqualTo(MessageStatus.QUEUED);
  }

  @Test
  @DisplayName(
      "a status that comes before the send's receipt is applied when the receipt is stored")
  void earlyStatusIsAppliedWithTheReceipt() {
    long id = store().messages().recordOutbound(ORG, queued("ref-1"), NOW);
    assertThat(store().messages().applyStatus(GATEWAY, status("SM1", MessageStatus.SENT), NOW))
        .isFalse();
    assertThat(store().messages().applyStatus(GATEWAY, status("SM1", MessageStatus.DELIVERED), NOW))
        .isFalse();
    assertThat(statusOf(id)).isEqualTo(MessageStatus.QUEUED);

    assertThat(store().messages().markSent(ORG, id, SendReceipt.queued("SM1"), LATER)).isPresent();

    Message m = store().messages().findMessage(ORG, id).orElseThrow();
    assertThat(m.status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(m.updatedAt()).isEqualTo(LATER);
  }

  @Test
  @DisplayName("early statuses are applied in arrival order, forward only, and once")
  void earlyStatusesKeepTheirOrder() {
    long id = store().messages().recordOutbound(ORG, queued("ref-1"), NOW);
    StatusUpdate failed =
        new StatusUpdate(
            "SM1",
            MessageStatus.FAILED,
            Optional.empty(),
            Optional.of(GatewayError.invalidNumber()),
            Optional.of("30006"),
            Optional.empty());
    store().messages().applyStatus(GATEWAY, failed, NOW);
    store()
        .messages()
        .applyStatus(GATEWAY, status("SM1", MessageStatus.DELIVERED), NOW.plusMillis(1));
    store().messages().applyStatus(GATEWAY, failed, NOW.plusMillis(2));
    store().messages().markSent(ORG, id, SendReceipt.queued("SM1"), LATER);

    Message m = store().messages().findMessage(ORG, id).orElseThrow();
    assertThat(m.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(m.failure()).contains(FailureKind.INVALID_NUMBER);
    assertThat(m.carrierCode()).contains("30006");

    long other = store().messages().recordOutbound(ORG, queued("ref-2"), LATER);
    store().messages().markSent(ORG, other, SendReceipt.queued("SM2"), LATER);
    assertThat(statusOf(other)).isEqualTo(MessageStatus.QUEUED);
  }

  @Test
  @DisplayName("an early status is kept for a day, then dropped")
  void unclaimedEarlyStatusesExpire() {
    long id = store().messages().recordOutbound(ORG, queued("ref-1"), NOW);
    store().messages().applyStatus(GATEWAY, status("SM1", MessageStatus.DELIVERED), NOW);
    // another callback two days later prunes what nobody claimed
    store()
        .messages()
        .applyStatus(GATEWAY, status("SM9", MessageStatus.SENT), NOW.plus(Duration.ofDays(2)));
    store().messages().markSent(ORG, id, SendReceipt.queued("SM1"), NOW.plus(Duration.ofDays(2)));
    assertThat(statusOf(id)).isEqualTo(MessageStatus.QUEUED);
  }

  @Test
  @DisplayName("pruning drops the statuses parked over a day ago and keeps one parked since")
  void pruningKeepsRecentEarlyStatuses() {
    long first = store().messages().recordOutbound(ORG, queued("ref-1"), NOW);
    long second = store().messages().recordOutbound(ORG, queued("ref-2"), NOW);
    store().messages().applyStatus(GATEWAY, status("SM1", MessageStatus.SENT), NOW);
    store()
        .messages()
        .applyStatus(GATEWAY, status("SM2", MessageStatus.SENT), NOW.plus(Duration.ofHours(12)));
    store()
        .messages()
        .applyStatus(
            GATEWAY, status("SM1", MessageStatus.DELIVERED), NOW.plus(Duration.ofHours(20)));
    Instant later = NOW.plus(Duration.ofHours(37));
    store().messages().applyStatus(GATEWAY, status("SM9", MessageStatus.SENT), later);

    store().messages().markSent(ORG, first, SendReceipt.queued("SM1"), later);
    store().messages().markSent(ORG, second, SendReceipt.queued("SM2"), later);
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
    assertThat(store().messages().applyStatus(GATEWAY, failed, LATER)).isTrue();
    assertThat(
            store()
                .messages()
                .recordInbound(ORG, GATEWAY, inbound(inboundId, CONTACT, OUR_NUMBER), NOW))
        .isTrue();
    Message m = store().messages().findMessage(ORG, id).orElseThrow();
    assertThat(m.carrierMessageId()).contains(outboundId);
    assertThat(m.carrierCode()).contains(code);
    assertThat(store().messages().findMessageByCarrierId(ORG, GATEWAY, inboundId)).isPresent();
  }

  @Test
  @DisplayName(
      "an inbound message is stored RECEIVED with every field, once however often it comes")
  void inboundIsStoredOnce() {
    InboundMessage in = inbound("SMin1", CONTACT, OUR_NUMBER);
    assertThat(store().messages().recordInbound(ORG, GATEWAY, in, NOW)).isTrue();
    assertThat(store().messages().recordInbound(ORG, GATEWAY, in, LATER)).isFalse();
    assertThat(store().messages().recordInbound(OTHER_ORG, GATEWAY, in, LATER)).isFalse();
    Message m = store().messages().findMessageByCarrierId(ORG, GATEWAY, "SMin1").orElseThrow();
    assertThat(m.direction()).isEqualTo(Direction.INBOUND);
    assertThat(m.status()).isEqualTo(MessageStatus.RECEIVED);
    assertThat(m.reference()).isEmpty();
    assertThat(m.sender()).isEqualTo(OUR_NUMBER);
    assertThat(m.contactPhone()).isEqualTo(CONTACT);
    assertThat(m.body()).isEqualTo("Yes! 🗳");
    assertThat(m.media()).containsExactly(URI.create("https://media.example.com/a.jpg"));
    assertThat(m.createdAt()).isEqualTo(NOW);
    assertThat(store().messages().findMessageByCarrierId(OTHER_ORG, GATEWAY, "SMin1")).isEmpty();
  }

  @Test
  @DisplayName("an inbound message for an unknown organization is not found and not stored")
  void inboundForAnUnknownOrganizationFails() {
    assertThatThrownBy(
            () ->
                store()
                    .messages()
                    .recordInbound("nobody", GATEWAY, inbound("SMin1", CONTACT, OUR_NUMBER), NOW))
        .isInstanceOf(NotFoundException.class);
    assertThat(
            store()
                .messages()
                .recordInbound(ORG, GATEWAY, inbound("SMin1", CONTACT, OUR_NUMBER), NOW))
        .isTrue();
  }

  @Test
  void anInboundMessageIsNeverMovedByAStatus() {
    store().messages().recordInbound(ORG, GATEWAY, inbound("SMin1", CONTACT, OUR_NUMBER), NOW);
    assertThat(
            store()
                .messages()
                .applyStatus(GATEWAY, status("SMin1", MessageStatus.DELIVERED), LATER))
        .isFalse();
    assertThat(
            store().messages().findMessageByCarrierId(ORG, GATEWAY, "SMin1").orElseThrow().status())
        .isEqualTo(MessageStatus.RECEIVED);
  }

  @Test
  @DisplayName("another organization's messages are never found or changed, even by id")
  void anotherOrganizationsMessagesAreInvisible() {
    long theirs = store().messages().recordOutbound(OTHER_ORG, queued("ref-1"), NOW);
    assertThat(store().messages().findMessage(ORG, theirs)).isEmpty();
    assertThat(store().messages().markSent(ORG, theirs, SendReceipt.queued("SM1"), NOW)).isEmpty();
    assertThat(
            store()
                .messages()
                .markFailed(ORG, theirs, FailureKind.PERMANENT, Optional.empty(), true, NOW))
        .isEmpty();
    store().messages().markSent(OTHER_ORG, theirs, SendReceipt.queued("SM1"), NOW);
    assertThat(store().messages().findMessageByCarrierId(ORG, GATEWAY, "SM1")).isEmpty();
    assertThat(store().messages().findMessageByCarrierId(OTHER_ORG, GATEWAY, "SM1")).isPresent();
  }
}
