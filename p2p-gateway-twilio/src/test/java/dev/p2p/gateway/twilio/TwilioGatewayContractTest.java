package dev.p2p.gateway.twilio;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.testkit.GatewayContract;
import dev.p2p.testkit.GatewayStubs;

/**
 * Runs the gateway contract on {@link TwilioGateway} against WireMock speaking Twilio's wire
 * format; every request the gateway made is then checked against Twilio's OpenAPI spec.
 */
class TwilioGatewayContractTest extends GatewayContract {
  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private TwilioGateway gateway;
  private TwilioStubs stubs;

  @Override
  protected void startStubServer() {
    server.start();
    stubs = new TwilioStubs(server);
    gateway =
        TwilioGateway.builder()
            .accountSid(TwilioStubs.ACCOUNT_SID)
            .authToken(TwilioStubs.AUTH_TOKEN)
            .senderNumbers(SENDER)
            .messagingService(TwilioStubs.MESSAGING_SERVICE_SID)
            .statusCallback(TwilioStubs.STATUS_URL)
            .baseUrl(server.baseUrl())
            .build();
  }

  @Override
  protected void stopStubServer() {
    try {
      stubs.sends().forEach(TwilioSpec.instance()::check);
    } finally {
      server.stop();
    }
  }

  @Override
  protected String carrierMessageId(int n) {
    return String.format("SM%032x", n);
  }

  @Override
  protected SmsGateway gateway() {
    return gateway;
  }

  @Override
  protected GatewayStubs stubs() {
    return stubs;
  }
}
