package dev.p2p.gateway.bandwidth;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.testkit.GatewayContract;
import dev.p2p.testkit.GatewayStubs;
import org.junit.jupiter.api.AfterEach;

/** Runs the gateway contract on {@link BandwidthGateway} against WireMock. */
class BandwidthGatewayContractTest extends GatewayContract {
  private static final BandwidthSpec SPEC = BandwidthSpec.load();

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private BandwidthGateway gateway;
  private BandwidthStubs stubs;

  @Override
  protected void startStubServer() {
    server.start();
    stubs = new BandwidthStubs(server);
    gateway = BandwidthStubs.gateway(server, SENDER).build();
  }

  @Override
  protected void stopStubServer() {
    server.stop();
  }

  @Override
  protected SmsGateway gateway() {
    return gateway;
  }

  @Override
  protected GatewayStubs stubs() {
    return stubs;
  }

  @Override
  protected String carrierMessageId(int n) {
    return String.format("1589228074636%016x", n); // Bandwidth's ids: a timestamp and letters
  }

  @AfterEach
  void everyRequestFollowsTheSpec() {
    assertThat(SPEC.problems(server.getAllServeEvents())).isEmpty();
  }
}
