package dev.p2p.gateway.bandwidth;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.p2p.ValidationException;
import dev.p2p.Violation;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.Sender;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The gateway's configuration: checked at build, secrets hidden, instances independent. */
class ConfigTest {

  @Test
  @DisplayName("an empty builder lists every required setting at once")
  void everyMissingSetting() {
    assertThatThrownBy(() -> BandwidthGateway.builder().build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly(
                        "accountId",
                        "applicationId",
                        "senderNumbers",
                        "clientId",
                        "clientSecret",
                        "callbackUserId",
                        "callbackPassword"));
  }

  @Test
  @DisplayName("it sends from the Application's numbers, in order, when an action names none")
  void senders() {
    BandwidthGateway gateway =
        BandwidthGateway.builder()
            .accountId("9900000")
            .applicationId("93de2206-9669-4e07-948d-329f4b722ee2")
            .senderNumbers("+13125550199", "+13125550198")
            .clientCredentials("id", "secret")
            .callbackCredentials("user", "password")
            .build();
    assertThat(gateway.senders())
        .containsExactly(Sender.number("+13125550198"), Sender.number("+13125550199"));
  }

  @Test
  @DisplayName("bad numbers, URLs and timeouts are each named")
  void badValues() {
    BandwidthGateway.Builder builder =
        BandwidthGateway.builder()
            .accountId("u-abc")
            .applicationId("93de2206-9669-4e07-948d-329f4b722ee2")
            .senderNumbers("+13125550199", "555", "+13125550199")
            .clientCredentials("id", "secret")
            .callbackCredentials("user", "password")
            .baseUrl("messaging.bandwidth.com")
            .tokenUrl("ftp://api.bandwidth.com/token")
            .connectTimeout(Duration.ZERO)
            .requestTimeout(Duration.ofSeconds(-1));
    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly(
                        "accountId",
                        "senderNumbers[1]",
                        "senderNumbers[2]",
                        "baseUrl",
                        "tokenUrl",
                        "connectTimeout",
                        "requestTimeout"));
  }

  @Test
  @DisplayName("the gateway and its builder show no secret")
  void secretsRedacted() {
    BandwidthGateway.Builder builder =
        BandwidthGateway.builder()
            .accountId("9900000")
            .applicationId("app-1")
            .senderNumbers("+13125550199")
            .clientCredentials("client-1", "s3cr3t-value")
            .callbackCredentials("hook-user", "hook-pa55word");
    String shown = builder + " " + builder.build();
    assertThat(shown)
        .contains("9900000")
        .doesNotContain("s3cr3t-value")
        .doesNotContain("hook-user")
        .doesNotContain("hook-pa55word");
  }

  @Test
  @DisplayName("two gateways side by side each fetch and use their own token")
  void sideBySide() {
    WireMockServer server = new WireMockServer(options().dynamicPort());
    server.start();
    try {
      BandwidthStubs stubs = new BandwidthStubs(server);
      stubs.acceptNextSend("m-1", 1);
      server.stubFor(
          post(urlPathEqualTo(BandwidthStubs.TOKEN_PATH))
              .withHeader(
                  "Authorization", equalTo(BandwidthCallbackAuth.header("second", "other-secret")))
              .willReturn(BandwidthStubs.token("token-2", 3600)));
      BandwidthGateway first = BandwidthStubs.gateway(server, "+13125550199").build();
      BandwidthGateway second =
          BandwidthStubs.gateway(server, "+13125550199")
              .clientCredentials("second", "other-secret")
              .build();
      OutboundMessage message =
          OutboundMessage.text("ref-1", Sender.number("+13125550199"), "+13125550101", "Hi");
      first.send(message).join();
      second.send(message).join();
      assertThat(server.findAll(postRequestedFor(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH))))
          .extracting(r -> r.getHeader("Authorization"))
          .containsExactlyInAnyOrder("Bearer token-1", "Bearer token-2");
    } finally {
      server.stop();
    }
  }
}
