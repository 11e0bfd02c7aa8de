package dev.p2p.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2p.ValidationException;
import dev.p2p.conversation.FailureKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpiValuesTest {

  @Test
  @DisplayName("an outbound message lists every bad part at once")
  void outboundValidation() {
    assertThatThrownBy(
            () ->
                new OutboundMessage(
                    "", Sender.number("+15551230000"), "555", "", List.of(), Optional.empty()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .containsExactly("reference", "to", "body"));
  }

  @Test
  @DisplayName("an outbound message's toString masks the phone and leaves the body out")
  void outboundToStringIsSafe() {
    OutboundMessage m =
        OutboundMessage.text("m-1", Sender.number("+15551230000"), "+15557654321", "secret plan");
    assertThat(m.toString())
        .contains("+1******4321", "+1******0000")
        .doesNotContain("7654321", "5551230000", "secret plan");
  }

  @Test
  @DisplayName("carrier ids over 128 characters and carrier codes over 64 are refused by field")
  void carrierValuesFitTheStore() {
    String longId = "S".repeat(129);
    assertThatThrownBy(() -> SendReceipt.queued(longId))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("carrierMessageId");
    assertThatThrownBy(
            () ->
                new GatewayEvent.InboundMessage(
                    longId, "+15557654321", "+15551230000", "Yes", List.of(), Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("carrierMessageId");
    assertThatThrownBy(() -> status(longId, Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("carrierMessageId");
    assertThatThrownBy(() -> status("SM1", Optional.of("3".repeat(65))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("carrierCode");
    assertThat(SendReceipt.queued("S".repeat(128)).carrierMessageId()).hasSize(128);
    assertThat(status("S".repeat(128), Optional.of("3".repeat(64))).carrierCode()).isPresent();
  }

  private static GatewayEvent.StatusUpdate status(String carrierId, Optional<String> code) {
    return new GatewayEvent.StatusUpdate(
        carrierId,
        dev.p2p.conversation.MessageStatus.FAILED,
        Optional.empty(),
        Optional.of(GatewayError.permanent()),
        code,
        Optional.empty());
  }

  @Test
  @DisplayName("a receipt's sending number must be a number: it becomes the contact's binding")
  void receiptFromIsANumber() {
    assertThatThrownBy(
            () ->
                new SendReceipt(
                    "SM1",
                    dev.p2p.conversation.MessageStatus.QUEUED,
                    java.util.OptionalInt.empty(),
                    Optional.of("whatsapp:+15551230000")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("from");
  }

  @Test
  @DisplayName("a sender number must be E.164 or a short code")
  void senderNumber() {
    assertThat(Sender.number("12345").address()).isEqualTo("12345");
    assertThatThrownBy(() -> Sender.number("555-1234"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("from");
  }

  @Test
  @DisplayName("only retry-safe retryable and rate-limited failures may be retried")
  void retryable() {
    assertThat(GatewayException.builder("x", GatewayError.retryable()).build("503").retryable())
        .isFalse();
    assertThat(
            GatewayException.builder("x", GatewayError.retryable())
                .retrySafe(true)
                .build("refused")
                .retryable())
        .isTrue();
    assertThat(
            GatewayException.builder(
                    "x", GatewayError.rateLimited(Optional.of(Duration.ofSeconds(2))))
                .build("429")
                .retryable())
        .isTrue();
    assertThat(
            GatewayException.builder("x", GatewayError.optedOut())
                .retrySafe(true)
                .build("21610")
                .retryable())
        .isFalse();
  }

  @Test
  @DisplayName("each kind of gateway error names the failure kind a message is stored with")
  void failureKinds() {
    assertThat(
            Stream.of(
                    GatewayError.retryable(),
                    GatewayError.rateLimited(Optional.empty()),
                    GatewayError.optedOut(),
                    GatewayError.invalidNumber(),
                    GatewayError.permanent(),
                    GatewayError.authentication())
                .map(GatewayError::kind))
        .containsExactly(FailureKind.values());
  }

  @Test
  @DisplayName("a gateway exception names the carrier and its code")
  void exceptionMessage() {
    GatewayException e =
        GatewayException.builder("twilio", GatewayError.optedOut())
            .carrierCode("21610")
            .httpStatus(400)
            .build("the contact unsubscribed");
    assertThat(e).hasMessage("twilio: the contact unsubscribed (carrier code 21610)").hasNoCause();
    assertThat(e.httpStatus()).hasValue(400);
  }

  @Test
  @DisplayName("webhook headers are matched without regard to case")
  void headers() {
    WebhookRequest r =
        WebhookRequest.of(
            "post",
            "https://crm.example/hooks/twilio",
            Map.of("X-Twilio-Signature", List.of("abc")),
            new byte[0]);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.header("x-twilio-signature")).hasValue("abc");
  }

  @Test
  @DisplayName("form parameters come from a POST body, decoded, in order, with every value")
  void formParameters() {
    byte[] body =
        "To=%2B15551230000&Body=Hi+there&MediaUrl0=a&MediaUrl0=b&Flag"
            .getBytes(StandardCharsets.UTF_8);
    WebhookRequest r = WebhookRequest.of("POST", "https://crm.example/h", Map.of(), body);
    assertThat(r.formParameters())
        .containsExactly(
            Map.entry("To", List.of("+15551230000")),
            Map.entry("Body", List.of("Hi there")),
            Map.entry("MediaUrl0", List.of("a", "b")),
            Map.entry("Flag", List.of("")));
  }

  @Test
  @DisplayName("form parameters of a GET come from the query string")
  void getParameters() {
    WebhookRequest r =
        WebhookRequest.of("GET", "https://crm.example/h?Body=ok%21", Map.of(), new byte[0]);
    assertThat(r.formParameters()).containsExactly(Map.entry("Body", List.of("ok!")));
  }

  @Test
  @DisplayName("a rejection answers with its status and reason")
  void rejection() {
    WebhookResult r = WebhookResult.forbidden("bad signature");
    assertThat(r).isInstanceOf(WebhookResult.Rejected.class);
    assertThat(((WebhookResult.Rejected) r).response())
        .isEqualTo(new WebhookResponse(403, "text/plain; charset=utf-8", "bad signature"));
  }
}
