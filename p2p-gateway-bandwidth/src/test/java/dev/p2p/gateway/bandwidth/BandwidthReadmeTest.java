package dev.p2p.gateway.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.P2P;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.store.Store;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.testsupport.DocSnippets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps the README's Bandwidth example compiling, running and identical to the code below. */
class BandwidthReadmeTest {
  private final String clientId = BandwidthStubs.CLIENT_ID;
  private final String clientSecret = BandwidthStubs.CLIENT_SECRET;
  private final String callbackPassword = BandwidthStubs.CALLBACK_PASSWORD;
  private final Store store = InMemoryStore.create();

  @Test
  @DisplayName("the README's Bandwidth example registers the gateway and verifies its callbacks")
  void readmeExampleRuns() {
    // readme-bandwidth:start
    SmsGateway bandwidth =
        BandwidthGateway.builder()
            .accountId("9900000") // the numeric account id
            .applicationId("93de2206-9669-4e07-948d-329f4b722ee2") // the messaging Application
            .senderNumbers("+13125550199", "+13125550198") // the Application's numbers
            .clientCredentials(clientId, clientSecret) // an API credential (OAuth2)
            .callbackCredentials("bandwidth", callbackPassword) // as set on the Application
            .build();
    P2P p2p =
        P2P.builder()
            .store(store)
            .gateway("bandwidth", bandwidth) // callbacks to https://crm.example/webhooks/bandwidth
            .build();
    // readme-bandwidth:end

    WebhookRequest delivered =
        CallbackBodies.callback(CallbackBodies.outbound("message-delivered", "m-1", "ok"));
    assertThat(p2p.webhooks().handle(delivered).status()).isEqualTo(204);
    WebhookRequest anonymous =
        new WebhookRequest("POST", delivered.url(), Map.of(), delivered.body());
    assertThat(p2p.webhooks().handle(anonymous).status()).isEqualTo(401);
    p2p.close();
  }

  @Test
  @DisplayName("the README shows exactly the example this test runs")
  void readmeMatchesThisTest() {
    DocSnippets.assertShown(
        DocSnippets.readme(),
        Path.of("src/test/java/dev/p2p/gateway/bandwidth/BandwidthReadmeTest.java"),
        "readme-bandwidth");
  }
}
