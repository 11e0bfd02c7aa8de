package dev.p2p.testkit;

import dev.p2p.gateway.SmsGateway;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The worked example of a {@link GatewayContract} subclass: {@link FakeGateway} plays its own
 * carrier, and {@link FakeGatewayStubs} is its side of the wire. An adapter's subclass has the same
 * shape, with a WireMock server started in {@link #startStubServer()} and stopped in {@link
 * #stopStubServer()}, the gateway built against the server's base URL, and stubs that speak the
 * carrier's wire format. p2p's own build runs it; it is public so that it ships in the jar beside
 * the contract it illustrates.
 */
public class FakeGatewayContract extends GatewayContract {
  private static final Instant NOW = Instant.parse("2026-11-03T14:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private FakeGateway fake = FakeGateway.builder().clock(CLOCK).build();
  private FakeGatewayStubs stubs = new FakeGatewayStubs(fake);

  /** Runs the contract on a fresh fake. */
  public FakeGatewayContract() {}

  /** A fresh fake and its stubs for each test: nothing carries over from the one before. */
  @Override
  protected void startStubServer() {
    fake = FakeGateway.builder().clock(CLOCK).build();
    stubs = new FakeGatewayStubs(fake);
  }

  /** The fake's fixed clock, which also sets each message's {@code expiresAt}. */
  @Override
  protected Clock clock() {
    return CLOCK;
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
