package dev.p2p.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.P2P;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.gateway.policy.GatewayPolicy;
import dev.p2p.sms.Segments;
import dev.p2p.sms.SmartEncoding;
import dev.p2p.sms.SmsEncoding;
import dev.p2p.store.memory.InMemoryStore;
import dev.p2p.testsupport.DocSnippets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps the README's gateway and segment examples running and identical to the code below. */
class GatewaysReadmeTest {

  @Test
  @DisplayName("the README's gateway example registers a gateway and answers its webhook")
  void readmeGatewayExampleRuns() {
    FakeGateway twin = FakeGateway.create(); // same default secret: its requests verify

    WebhookRequest sample = twin.webhooks().inbound("+13125550123", "+13125550100", "Hi");
    String method = sample.method();
    String fullUrl = sample.url().toString();
    Map<String, List<String>> headers = sample.headers();
    byte[] bodyBytes = sample.body();

    // readme-gateways:start
    FakeGateway carrier = FakeGateway.create(); // TwilioGateway or BandwidthGateway in production
    P2P p2p =
        P2P.builder()
            .store(InMemoryStore.create())
            .gateway("fake", carrier) // wrapped in the send policy: rates, retries, breaker
            .gatewayPolicy(GatewayPolicy.builder().maxAttempts(3).build())
            .build();

    // One route in the CRM's web layer for every carrier callback: .../webhooks/{gateway id}
    WebhookResponse response =
        p2p.webhooks().handle(WebhookRequest.of(method, fullUrl, headers, bodyBytes));
    // write response.status(), response.contentType() and response.body() back
    // readme-gateways:end

    assertThat(response.status()).isEqualTo(204); // verified; a stray reply is acknowledged
    p2p.close();
  }

  @Test
  @DisplayName("the README's segments example counts what the text costs")
  void readmeSegmentsExampleRuns() {
    // readme-segments:start
    Segments plain = Segments.of("Hi Ana \u2014 see you Tuesday!"); // UCS_2: the long dash
    Segments smart = Segments.of(SmartEncoding.apply("Hi Ana \u2014 see you Tuesday!")); // GSM_7
    // readme-segments:end
    assertThat(plain.encoding()).isEqualTo(SmsEncoding.UCS_2);
    assertThat(plain.ucs2Characters()).containsExactly("\u2014");
    assertThat(smart.encoding()).isEqualTo(SmsEncoding.GSM_7);
    assertThat(smart.count()).isEqualTo(1);
  }

  @Test
  @DisplayName("the README shows exactly the examples this test runs")
  void readmeMatchesThisTest() {
    for (String name : List.of("readme-gateways", "readme-segments")) {
      DocSnippets.assertShown(
          DocSnippets.readme(),
          Path.of("src/test/java/dev/p2p/testkit/GatewaysReadmeTest.java"),
          name);
    }
  }
}
