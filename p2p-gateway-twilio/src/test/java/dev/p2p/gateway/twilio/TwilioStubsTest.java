package dev.p2p.gateway.twilio;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.Sender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The stubs' answers that the gateway contract's checks rest on can say no. */
class TwilioStubsTest {
  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final TwilioStubs stubs;

  TwilioStubsTest() {
    server.start();
    stubs = new TwilioStubs(server);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  @DisplayName("a send with another account's token fails the contract's credentials check")
  void wrongCredentialsAreSeen() {
    TwilioGateway wrong =
        TwilioGateway.builder()
            .accountSid(TwilioStubs.ACCOUNT_SID)
            .authToken("not_the_accounts_token_0123456789")
            .senderNumbers("+13125550199")
            .baseUrl(server.baseUrl())
            .build();
    stubs.acceptNextSend("SM" + "0".repeat(32), 1);
    wrong
        .send(OutboundMessage.text("ref-1", Sender.number("+13125550199"), "+13125550101", "Hi"))
        .join();
    assertThat(stubs.lastSendAuthenticated()).isFalse();
  }
}
