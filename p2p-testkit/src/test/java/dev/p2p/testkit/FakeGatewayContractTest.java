package dev.p2p.testkit;

import dev.p2p.gateway.SmsGateway;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Runs the gateway contract on {@link FakeGateway}, which plays its own carrier. */
class FakeGatewayContractTest extends GatewayContract {
  private static final Instant NOW = Instant.parse("2026-11-03T14:00:00Z");

  private FakeGateway fake;
  private FakeStubs stubs;

  @Override
  protected void startStubServer() {
    fake = FakeGateway.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    stubs = new FakeStubs(fake);
  }

  @Override
  protected SmsGateway gateway() {
    return fake;
  }

  @Override
  protected GatewayStubs stubs() {
    return stubs;
  }
}
