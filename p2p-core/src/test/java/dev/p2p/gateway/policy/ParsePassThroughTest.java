package dev.p2p.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ParsePassThroughTest {
  private final Harness h = new Harness();

  @Test
  @DisplayName("parse hands the request to the wrapped gateway and returns its answer untouched")
  void parsePassesThrough() {
    WebhookResult rejected = WebhookResult.forbidden("bad signature");
    h.carrier.parsing(rejected);
    WebhookRequest request =
        WebhookRequest.of(
            "POST",
            "https://crm.example/p2p/webhooks/scripted",
            Map.of("X-Signature", List.of("abc")),
            "a=b".getBytes(StandardCharsets.UTF_8));

    WebhookResult result = h.wrap(GatewayPolicy.ofDefaults()).parse(request);

    assertThat(result).isSameAs(rejected);
    assertThat(h.carrier.parsed()).containsExactly(request);
  }

  @Test
  @DisplayName("the wrapper names the wrapped gateway's carrier")
  void carrierName() {
    assertThat(h.wrap(GatewayPolicy.ofDefaults()).carrier()).isEqualTo("scripted");
  }
}
