package dev.p2p.gateway.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a send puts on the wire, and how every answer comes back. */
class TwilioSendTest {
  private static final Instant NOW = Instant.parse("2026-11-03T14:00:00Z");
  private static final String SERVICE = "MG0123456789abcdef0123456789abcdef";
  private static final String SENDER = "+13125550199";
  private static final String CONTACT = "+13125550101";
  private static final String SID = "SM0123456789abcdef0123456789abcdef";

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private TwilioStubs stubs;

  @BeforeEach
  void start() {
    server.start();
    stubs = new TwilioStubs(server);
  }

  @AfterEach
  void stop() {
    try {
      stubs.sends().forEach(TwilioSpec.instance()::check);
    } finally {
      server.stop();
    }
  }

  private TwilioGatewayBuilder builder() {
    return TwilioGateway.builder()
        .accountSid(TwilioStubs.ACCOUNT_SID)
        .authToken(TwilioStubs.AUTH_TOKEN)
        .senderNumbers(SENDER)
        .statusCallback(TwilioStubs.STATUS_URL)
        .baseUrl(server.baseUrl())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static OutboundMessage message(Sender from, Optional<Instant> expiresAt) {
    return new OutboundMessage("ref 1/a", from, CONTACT, "Hi Ana", List.of(), expiresAt);
  }

  private static OutboundMessage message() {
    return message(Sender.number(SENDER), Optional.empty());
  }

  private static SendReceipt sent(CompletableFuture<SendReceipt> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  private static GatewayException refused(CompletableFuture<SendReceipt> future) throws Exception {
    try {
      future.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(GatewayException.class);
      return (GatewayException) e.getCause();
    }
    return fail("the send succeeded");
  }

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

  @Nested
  @DisplayName("refusals keep Twilio's code and are classified")
  class Refusals {
    private GatewayException refusedWith(int status, int code) throws Exception {
      stubs.answerNextSend(TwilioStubs.error(status, code));
      return refused(builder().build().send(message()));
    }

    @Test
    @DisplayName("21610: opted out")
    void optedOut() throws Exception {
      GatewayException e = refusedWith(400, 21610);
      assertThat(e.error()).isInstanceOf(GatewayError.OptedOut.class);
      assertThat(e.carrierCode()).contains("21610");
      assertThat(e.httpStatus()).hasValue(400);
    }

    @Test
    @DisplayName("21211, 21612 and 21614: invalid number")
    void invalidNumber() throws Exception {
      for (int code : new int[] {21211, 21612, 21614}) {
        assertThat(refusedWith(400, code).error()).isInstanceOf(GatewayError.InvalidNumber.class);
      }
    }

    @Test
    @DisplayName("Twilio's message, which quotes the number, is never in the exception")
    void noPhoneInMessage() throws Exception {
      assertThat(refusedWith(400, 21211).getMessage())
          .doesNotContain(CONTACT)
          .contains("https://www.twilio.com/docs/errors/21211");
    }

    @Test
    @DisplayName("HTTP 429 is rate-limited, retry-safe, with Retry-After in seconds")
    void tooManyRequests() throws Exception {
      stubs.answerNextSend(TwilioStubs.error(429, 20429).withHeader("Retry-After", "7"));
      GatewayException e = refused(builder().build().send(message()));
      assertThat(e.error()).isEqualTo(GatewayError.rateLimited(Optional.of(Duration.ofSeconds(7))));
      assertThat(e.retryable()).isTrue();
    }

    @Test
    @DisplayName("Retry-After as an HTTP date counts from the gateway's clock")
    void retryAfterDate() throws Exception {
      stubs.answerNextSend(
          aResponse().withStatus(429).withHeader("Retry-After", "Tue, 03 Nov 2026 14:01:30 GMT"));
      GatewayException e = refused(builder().build().send(message()));
      assertThat(e.error())
          .isEqualTo(GatewayError.rateLimited(Optional.of(Duration.ofSeconds(90))));
    }

    @Test
    @DisplayName("21611, a full sender queue: rate-limited and retry-safe")
    void queueFull() throws Exception {
      GatewayException e = refusedWith(400, 21611);
      assertThat(e.error()).isInstanceOf(GatewayError.RateLimited.class);
      assertThat(e.retrySafe()).isTrue();
    }

    @Test
    @DisplayName("401 and 20003, or 403: authentication")
    void authentication() throws Exception {
      assertThat(refusedWith(401, 20003).error()).isInstanceOf(GatewayError.Authentication.class);
      assertThat(refusedWith(403, 20403).error()).isInstanceOf(GatewayError.Authentication.class);
    }

    @Test
    @DisplayName("a 5xx without a Twilio body is retryable, not retry-safe")
    void serverErrorPage() throws Exception {
      stubs.answerNextSend(aResponse().withStatus(502).withBody("<html>Bad gateway</html>"));
      GatewayException e = refused(builder().build().send(message()));
      assertThat(e.error()).isInstanceOf(GatewayError.Retryable.class);
      assertThat(e.retrySafe()).isFalse();
      assertThat(e.carrierCode()).isEmpty();
    }

    @Test
    @DisplayName("any other code is permanent: 21617 (too long), 20404, 21408")
    void permanent() throws Exception {
      assertThat(refusedWith(400, 21617).error()).isInstanceOf(GatewayError.Permanent.class);
      assertThat(refusedWith(404, 20404).error()).isInstanceOf(GatewayError.Permanent.class);
      assertThat(refusedWith(400, 21408).error()).isInstanceOf(GatewayError.Permanent.class);
    }

    @Test
    @DisplayName("a refused connection is retryable and retry-safe: nothing reached Twilio")
    void connectionRefused() throws Exception {
      int port;
      try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      GatewayException e =
          refused(builder().baseUrl("http://127.0.0.1:" + port).build().send(message()));
      assertThat(e.error()).isInstanceOf(GatewayError.Retryable.class);
      assertThat(e.retrySafe()).isTrue();
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
