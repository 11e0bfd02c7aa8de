package dev.p2p.gateway.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.P2P;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.store.Store;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.testsupport.DocSnippets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps the README's Twilio example compiling, running and identical to the code below. */
class TwilioReadmeTest {

  @Test
  @DisplayName("the README's Twilio example builds a gateway that answers a signed inbound webhook")
  void readmeExampleRuns() {
    String accountSid = TwilioStubs.ACCOUNT_SID;
    String authToken = TwilioStubs.AUTH_TOKEN;
    String messagingServiceSid = "MG0123456789abcdef0123456789abcdef";
    Store store = InMemoryStore.create();
    WebhookRequest sample =
        TwilioStubs.inboundRequest(
            "SM" + "d".repeat(32), "+13125550101", "+13125550199", "Hi", List.of());
    String method = sample.method();
    String fullUrl = sample.url().toString();
    Map<String, List<String>> headers = sample.headers();
    byte[] bodyBytes = sample.body();

    // readme-twilio:start
    TwilioGateway twilio =
        TwilioGateway.builder()
            .accountSid(accountSid) // AC..., from the console's account info
            .authToken(authToken) // signs every webhook; also the REST password without apiKey(..)
            .messagingService(messagingServiceSid) // MG...: sender pool, Advanced Opt-Out
            .statusCallback("https://crm.example.com/webhooks/twilio/status")
            .build();
    P2P p2p = P2P.builder().store(store).gateway("twilio", twilio).build();

    // Inbound messages: https://crm.example.com/webhooks/twilio (set on the Messaging Service)
    // Status callbacks: https://crm.example.com/webhooks/twilio/status (sent with each message)
    WebhookResponse response =
        p2p.webhooks().handle(WebhookRequest.of(method, fullUrl, headers, bodyBytes));
    // readme-twilio:end

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("text/xml");
    p2p.close();
  }

  @Test
  @DisplayName("the README shows exactly the example this test runs")
  void readmeMatchesThisTest() {
    DocSnippets.assertShown(
        DocSnippets.readme(),
        Path.of("src/test/java/dev/p2p/gateway/twilio/TwilioReadmeTest.java"),
        "readme-twilio");
  }

  @Test
  @DisplayName(
      "the README says what OptOutType=STOP does (TwilioThroughP2PTest.advancedOptOut runs it)")
  void readmeSaysOptOutTypeOptsOut() throws java.io.IOException {
    String readme =
        java.nio.file.Files.readString(
            DocSnippets.readme(), java.nio.charset.StandardCharsets.UTF_8);
    int start = readme.indexOf("- **Opt-out handling**");
    assertThat(start).as("the Twilio section's opt-out bullet").isPositive();
    String bullet = readme.substring(start, readme.indexOf("\n\n", start)).replaceAll("\\s+", " ");
    assertThat(bullet)
        .contains("`OptOutType=STOP`")
        .contains("opts the phone out")
        .doesNotContain("not yet carried");
  }
}
