package dev.p2p.gateway.bandwidth;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.Sender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The stubs' answers that the gateway contract's checks rest on can say no. */
class BandwidthStubsTest {
  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final BandwidthStubs stubs;

  BandwidthStubsTest() {
    server.start();
    stubs = new BandwidthStubs(server);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  @DisplayName("a send with a bearer token the stubs never issued fails the credentials check")
  void foreignTokenIsSeen() {
    server.stubFor(
        post(urlPathEqualTo(BandwidthStubs.TOKEN_PATH))
            .willReturn(BandwidthStubs.token("someone-elses-token", 3600)));
    BandwidthGateway gateway = BandwidthStubs.gateway(server, "+13125550199").build();
    stubs.acceptNextSend("1589228074636abcdef", 1);
    gateway
        .send(OutboundMessage.text("ref-1", Sender.number("+13125550199"), "+13125550101", "Hi"))
        .join();
    assertThat(stubs.lastSendAuthenticated()).isFalse();
  }
}
