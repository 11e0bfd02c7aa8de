package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.P2P;
import dev.p2p.gateway.NumberType;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.gateway.policy.GatewayPolicy;
import dev.p2p.store.Store;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.testsupport.DocSnippets;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keeps the wiring example of docs/writing-a-gateway-adapter.md compiling, running and identical to
 * the code below, with fakes in place of the guide's made-up Acme gateways.
 */
class AdapterGuideExampleTest {

  @Test
  @DisplayName("the guide's wiring registers gateways with policies and handles a webhook")
  void wiringRuns() {
    Store store = InMemoryStore.create();
    FakeGateway acme =
        FakeGateway.builder()
            .webhookUrl(URI.create("https://crm.example.com/p2p/webhooks/acme"))
            .build();
    FakeGateway acmeShortCodes = FakeGateway.builder().idPrefix("SC").build();
    WebhookRequest delivered = acme.webhooks().delivered("FK-1");
    String method = delivered.method();
    String url = delivered.url().toString();
    Map<String, List<String>> headers = delivered.headers();
    byte[] body = delivered.body();

    // guide-wiring:start
    P2P p2p =
        P2P.builder()
            .store(store)
            .gatewayPolicy(
                GatewayPolicy.builder().messagesPerSecond(NumberType.LONG_CODE, 0.5).build())
            .gateway("acme", acme)
            .gateway(
                "acme-short-codes",
                acmeShortCodes,
                GatewayPolicy.builder().maxConcurrentSends(50).build())
            .build();

    // in any web framework's handler:
    WebhookResponse response = p2p.webhooks().handle(WebhookRequest.of(method, url, headers, body));
    // guide-wiring:end

    assertThat(response.status()).isEqualTo(204);
    p2p.close();
  }

  @Test
  @DisplayName("the guide shows exactly the wiring this test runs")
  void guideMatchesThisTest() {
    DocSnippets.assertShown(
        Path.of("").toAbsolutePath().getParent().resolve("docs/writing-a-gateway-adapter.md"),
        Path.of("src/test/java/dev/p2p/testkit/AdapterGuideExampleTest.java"),
        "guide-wiring");
  }
}
