package dev.p2p.gateway.twilio;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A stub Twilio server per test, a gateway builder pointed at it, and send helpers. */
abstract class StubbedTwilioTest {
  static final Instant NOW = Instant.parse("2026-11-03T14:00:00Z");
  static final String SERVICE = "MG0123456789abcdef0123456789abcdef";
  static final String SENDER = "+13125550199";
  static final String CONTACT = "+13125550101";
  static final String SID = "SM0123456789abcdef0123456789abcdef";

  final WireMockServer server = new WireMockServer(options().dynamicPort());
  TwilioStubs stubs;

  @BeforeEach
  void start() {
    server.start();
    stubs = new TwilioStubs(server);
  }

  @AfterEach
  void stop() {
    try {
      stubs.sends().forEach(TwilioSpec.instance()::check);
    } finally {
      server.stop();
    }
  }

  TwilioGateway.Builder builder() {
    return TwilioGateway.builder()
        .accountSid(TwilioStubs.ACCOUNT_SID)
        .authToken(TwilioStubs.AUTH_TOKEN)
        .senderNumbers(SENDER)
        .statusCallback(TwilioStubs.STATUS_URL)
        .baseUrl(server.baseUrl())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static OutboundMessage message(Sender from, Optional<Instant> expiresAt) {
    return new OutboundMessage("ref 1/a", from, CONTACT, "Hi Ana", List.of(), expiresAt);
  }

  static OutboundMessage message() {
    return message(Sender.number(SENDER), Optional.empty());
  }

  static SendReceipt sent(CompletableFuture<SendReceipt> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  static GatewayException refused(CompletableFuture<SendReceipt> future) throws Exception {
    try {
      future.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(GatewayException.class);
      return (GatewayException) e.getCause();
    }
    return fail("the send succeeded");
  }
}
