package dev.p2p.gateway.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.gateway.Sender;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The builder checks every setting at build() and the gateway never shows a secret. */
class TwilioGatewayBuilderTest {
  private static final String TOKEN = "secret_auth_token_value";
  private static final String KEY_SECRET = "secret_api_key_value";

  private static ValidationException invalid(TwilioGateway.Builder builder) {
    return catchThrowableOfType(ValidationException.class, builder::build);
  }

  @Test
  @DisplayName("an empty builder names every required setting")
  void requiredSettings() {
    assertThat(invalid(TwilioGateway.builder()).violations())
        .extracting(Violation::field)
        .containsExactly("accountSid", "authToken", "senderNumbers");
  }

  @Test
  @DisplayName("every bad value is listed at once")
  void everyBadValue() {
    TwilioGateway.Builder builder =
        TwilioGateway.builder()
            .accountSid("AC123")
            .authToken(" ")
            .apiKey("AK123", "")
            .messagingService("MG123")
            .senderNumbers("+1312", "12345")
            .statusCallback("https://crm_example.com/status")
            .baseUrl("https://api.twilio.com?x=1")
            .connectTimeout(Duration.ZERO)
            .requestTimeout(Duration.ofHours(1));
    assertThat(invalid(builder).violations())
        .extracting(Violation::field)
        .containsExactly(
            "accountSid",
            "authToken",
            "apiKey.sid",
            "apiKey.secret",
            "messagingService",
            "senderNumbers[0]",
            "statusCallback",
            "baseUrl",
            "connectTimeout",
            "requestTimeout");
  }

  @Test
  @DisplayName("a messaging service alone is enough to send from")
  void serviceAlone() {
    TwilioGateway gateway =
        TwilioGateway.builder()
            .accountSid("AC" + "0".repeat(32))
            .authToken(TOKEN)
            .messagingService("MG" + "0".repeat(32))
            .build();
    assertThat(gateway.carrier()).isEqualTo("twilio");
  }

  @Test
  @DisplayName("it sends from its messaging service, else its numbers, when an action names none")
  void senders() {
    TwilioGateway.Builder base =
        TwilioGateway.builder().accountSid("AC" + "0".repeat(32)).authToken(TOKEN);
    assertThat(base.messagingService("MG" + "1".repeat(32)).build().senders())
        .containsExactly(Sender.messagingService("MG" + "1".repeat(32)));
    assertThat(
            TwilioGateway.builder()
                .accountSid("AC" + "0".repeat(32))
                .authToken(TOKEN)
                .senderNumbers("+13125550199", "+13125550101")
                .build()
                .senders())
        .containsExactly(Sender.number("+13125550101"), Sender.number("+13125550199"));
  }

  @Test
  @DisplayName("toString shows neither the Auth Token, the API key secret nor callback credentials")
  void secretsRedacted() {
    TwilioGateway.Builder builder =
        TwilioGateway.builder()
            .accountSid("AC" + "0".repeat(32))
            .authToken(TOKEN)
            .apiKey("SK" + "0".repeat(32), KEY_SECRET)
            .senderNumbers("+13125550199")
            .statusCallback("https://p2p:hook-password@crm.example.com/webhooks/twilio/status");
    assertThat(builder.toString()).doesNotContain(TOKEN, KEY_SECRET);
    assertThat(builder.build().toString())
        .doesNotContain(TOKEN, KEY_SECRET, "hook-password")
        .contains("AC" + "0".repeat(32), "crm.example.com");
  }
}
