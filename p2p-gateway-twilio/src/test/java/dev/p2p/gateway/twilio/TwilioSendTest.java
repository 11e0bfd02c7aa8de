package dev.p2p.gateway.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a send puts on the wire, and how every answer comes back. */
class TwilioSendTest extends StubbedTwilioTest {
  @Nested
  @DisplayName("the create request")
  class Request {
    @Test
    @DisplayName("carries the status callback with the message's reference")
    void callbackCarriesReference() throws Exception {
      stubs.acceptNextSend(SID, 1);
      sent(builder().build().send(message()));
      assertThat(Forms.first(stubs.lastForm(), "StatusCallback"))
          .isEqualTo(TwilioStubs.STATUS_URL + "?p2pRef=ref+1%2Fa");
    }

    @Test
    @DisplayName("sets ValidityPeriod to the seconds left in the texting window")
    void validityIsTheWindowLeft() throws Exception {
      stubs.acceptNextSend(SID, 1);
      sent(
          builder()
              .build()
              .send(message(Sender.number(SENDER), Optional.of(NOW.plusSeconds(5400)))));
      assertThat(stubs.lastForm().get("ValidityPeriod")).containsExactly("5400");
    }

    @Test
    @DisplayName("caps ValidityPeriod at Twilio's 10 hours")
    void validityIsCapped() throws Exception {
      stubs.acceptNextSend(SID, 1);
      sent(
          builder()
              .build()
              .send(message(Sender.number(SENDER), Optional.of(NOW.plus(Duration.ofDays(2))))));
      assertThat(stubs.lastForm().get("ValidityPeriod")).containsExactly("36000");
    }

    @Test
    @DisplayName("sends no ValidityPeriod when the message has no window")
    void noWindowNoValidity() throws Exception {
      stubs.acceptNextSend(SID, 1);
      sent(builder().build().send(message()));
      assertThat(stubs.lastForm()).doesNotContainKey("ValidityPeriod");
    }

    @Test
    @DisplayName("a message whose window ends in under 5 seconds is refused and never sent")
    void windowOverIsRefused() throws Exception {
      GatewayException e =
          refused(
              builder()
                  .build()
                  .send(message(Sender.number(SENDER), Optional.of(NOW.plusSeconds(4)))));
      assertThat(e.error()).isInstanceOf(GatewayError.Permanent.class);
      assertThat(e.retrySafe()).isTrue();
      assertThat(stubs.sends()).isEmpty();
    }

    @Test
    @DisplayName("a number the gateway does not own is refused and never sent")
    void foreignSenderIsRefused() throws Exception {
      GatewayException e =
          refused(builder().build().send(message(Sender.number("+13125550000"), Optional.empty())));
      assertThat(e.error()).isInstanceOf(GatewayError.Permanent.class);
      assertThat(e.getMessage()).doesNotContain("+13125550000");
      assertThat(stubs.sends()).isEmpty();
    }

    @Test
    @DisplayName("with a messaging service, a number is sent From within it")
    void numberWithinService() throws Exception {
      stubs.acceptNextSend(SID, 1);
      sent(builder().messagingService(SERVICE).build().send(message()));
      assertThat(stubs.lastForm())
          .containsEntry("From", List.of(SENDER))
          .containsEntry("MessagingServiceSid", List.of(SERVICE));
    }

    @Test
    @DisplayName("a messaging-service sender sends MessagingServiceSid without From")
    void serviceSender() throws Exception {
      stubs.acceptNextSend(SID, 1);
      sent(
          builder()
              .messagingService(SERVICE)
              .build()
              .send(message(Sender.messagingService(SERVICE), Optional.empty())));
      assertThat(stubs.lastForm())
          .doesNotContainKey("From")
          .containsEntry("MessagingServiceSid", List.of(SERVICE));
    }

    @Test
    @DisplayName("another account's messaging service is refused")
    void foreignServiceIsRefused() throws Exception {
      GatewayException e =
          refused(
              builder()
                  .build()
                  .send(message(Sender.messagingService("MG" + "f".repeat(32)), Optional.empty())));
      assertThat(e.error()).isInstanceOf(GatewayError.Permanent.class);
    }

    @Test
    @DisplayName("authenticates with the account SID and Auth Token")
    void accountCredentials() throws Exception {
      stubs.acceptNextSend(SID, 1);
      sent(builder().build().send(message()));
      assertThat(lastAuthorization())
          .isEqualTo(TwilioStubs.ACCOUNT_SID + ":" + TwilioStubs.AUTH_TOKEN);
    }

    @Test
    @DisplayName("authenticates with the API key when one is set, in the account's path")
    void apiKeyCredentials() throws Exception {
      stubs.acceptNextSend(SID, 1);
      String key = "SK" + "0".repeat(32);
      sent(builder().apiKey(key, "key-secret").build().send(message()));
      assertThat(lastAuthorization()).isEqualTo(key + ":key-secret");
    }

    private String lastAuthorization() {
      String header = stubs.sends().get(0).getHeader("Authorization");
      return new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
    }
  }

  @Nested
  @DisplayName("the receipt")
  class Receipt {
    @Test
    @DisplayName("reads sid, status, segments and the number Twilio sends from")
    void readsTheMessage() throws Exception {
      stubs.answerNextSend(TwilioStubs.created(SID, "queued", "2"));
      SendReceipt receipt = sent(builder().build().send(message()));
      assertThat(receipt)
          .isEqualTo(
              new SendReceipt(
                  SID, MessageStatus.QUEUED, java.util.OptionalInt.of(2), Optional.of(SENDER)));
    }

    @Test
    @DisplayName("a messaging service's accepted status with 0 segments is queued with no count")
    void acceptedByService() throws Exception {
      stubs.answerNextSend(TwilioStubs.created(SID, "accepted", "0"));
      SendReceipt receipt = sent(builder().build().send(message()));
      assertThat(receipt.status()).isEqualTo(MessageStatus.QUEUED);
      assertThat(receipt.segments()).isEmpty();
    }

    @Test
    @DisplayName("an unreadable 201 is retryable but not retry-safe: the message may exist")
    void unreadableCreated() throws Exception {
      stubs.answerNextSend(aResponse().withStatus(201).withBody("<html>oops</html>"));
      GatewayException e = refused(builder().build().send(message()));
      assertThat(e.error()).isInstanceOf(GatewayError.Retryable.class);
      assertThat(e.retrySafe()).isFalse();
    }
  }

  @Test
  @DisplayName("two gateways of two accounts send side by side, each with its own credentials")
  void twoAccounts() throws Exception {
    stubs.acceptNextSend(SID, 1);
    TwilioGateway first = builder().build();
    TwilioGateway second =
        builder().accountSid(TwilioStubs.ACCOUNT_SID).authToken("second-token").build();
    sent(first.send(message()));
    sent(second.send(message()));
    assertThat(stubs.sends())
        .extracting(r -> r.getHeader("Authorization"))
        .doesNotHaveDuplicates()
        .hasSize(2);
  }
}
