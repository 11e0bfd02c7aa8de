package dev.p2p.gateway.bandwidth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The OAuth2 client-credentials flow: fetch, cache, refresh before expiry, renew on a 401. */
class BandwidthOAuthTokensTest {
  private static final String SENDER = "+13125550199";
  private static final BandwidthSpec SPEC = BandwidthSpec.load();

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final MutableClock clock = MutableClock.at("2026-11-03T14:00:00Z");
  private BandwidthGateway gateway;

  @BeforeEach
  void start() {
    server.start();
    new BandwidthStubs(server).acceptNextSend("m-1", 1);
    gateway = BandwidthStubs.gateway(server, SENDER).clock(clock).build();
  }

  @AfterEach
  void stop() {
    assertThat(SPEC.problems(server.getAllServeEvents())).isEmpty();
    server.stop();
  }

  private SendReceipt send() {
    return gateway
        .send(OutboundMessage.text("ref-1", Sender.number(SENDER), "+13125550101", "Hi"))
        .join();
  }

  private int tokenRequests() {
    return server.findAll(postRequestedFor(urlPathEqualTo(BandwidthStubs.TOKEN_PATH))).size();
  }

  private int sendRequests() {
    return server.findAll(postRequestedFor(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH))).size();
  }

  private void tokens(String first, String second) {
    String path = BandwidthStubs.TOKEN_PATH;
    server.stubFor(
        post(urlPathEqualTo(path))
            .inScenario("tokens")
            .whenScenarioStateIs(STARTED)
            .willReturn(BandwidthStubs.token(first, 3600))
            .willSetStateTo("renewed"));
    server.stubFor(
        post(urlPathEqualTo(path))
            .inScenario("tokens")
            .whenScenarioStateIs("renewed")
            .willReturn(BandwidthStubs.token(second, 3600)));
  }

  private void messagesWith(String token, int status, String json) {
    server.stubFor(
        post(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH))
            .withHeader("Authorization", equalTo("Bearer " + token))
            .willReturn(BandwidthStubs.answer(status, json)));
  }

  private static GatewayException failure(CompletableFuture<SendReceipt> send) {
    try {
      send.join();
    } catch (CompletionException e) {
      return (GatewayException) e.getCause();
    }
    throw new AssertionError("the send succeeded");
  }

  @Test
  @DisplayName("the token is fetched once with the client credentials, then reused")
  void tokenIsCached() {
    send();
    send();
    assertThat(tokenRequests()).isEqualTo(1);
    assertThat(
            server
                .findAll(postRequestedFor(urlPathEqualTo(BandwidthStubs.TOKEN_PATH)))
                .get(0)
                .getHeader("Authorization"))
        .isEqualTo(
            BandwidthCallbackAuth.header(BandwidthStubs.CLIENT_ID, BandwidthStubs.CLIENT_SECRET));
  }

  @Test
  @DisplayName("a token is still used one minute and one second before it expires")
  void tokenKeptUntilTheMargin() {
    send();
    clock.advance(Duration.ofSeconds(3600 - 61));
    send();
    assertThat(tokenRequests()).isEqualTo(1);
  }

  @Test
  @DisplayName("a token is replaced within a minute of its expiry, by the gateway's clock")
  void tokenRefreshedBeforeExpiry() {
    tokens("token-1", "token-2");
    send();
    clock.advance(Duration.ofSeconds(3600 - 60));
    send();
    assertThat(tokenRequests()).isEqualTo(2);
    assertThat(
            server
                .findAll(postRequestedFor(urlPathEqualTo(BandwidthStubs.MESSAGES_PATH)))
                .get(1)
                .getHeader("Authorization"))
        .isEqualTo("Bearer token-2");
  }

  @Test
  @DisplayName("a 401 is sent once more with a new token, and the new token is kept")
  void unauthorizedRetriedOnceWithANewToken() {
    tokens("token-1", "token-2");
    messagesWith(
        "token-1", 401, "{\"type\":\"unauthorized\",\"description\":\"Authentication Failed\"}");
    messagesWith("token-2", 202, "{\"id\":\"m-2\",\"segmentCount\":1}");
    assertThat(send().carrierMessageId()).isEqualTo("m-2");
    send();
    assertThat(tokenRequests()).isEqualTo(2);
    assertThat(sendRequests()).isEqualTo(3);
  }

  @Test
  @DisplayName("a second 401 in a row is an authentication failure, after two attempts only")
  void secondUnauthorizedIsAuthentication() {
    tokens("token-1", "token-2");
    messagesWith(
        "token-1", 401, "{\"type\":\"unauthorized\",\"description\":\"Authentication Failed\"}");
    messagesWith(
        "token-2", 401, "{\"type\":\"unauthorized\",\"description\":\"Authentication Failed\"}");
    GatewayException e = failure(gateway.send(message()));
    assertThat(e.error()).isInstanceOf(GatewayError.Authentication.class);
    assertThat(e.httpStatus()).hasValue(401);
    assertThat(sendRequests()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "a 403 is an authentication failure at once: the token was accepted, the role is missing")
  void forbiddenIsNotRetried() {
    messagesWith("token-1", 403, "{\"type\":\"forbidden\",\"description\":\"Access Denied\"}");
    GatewayException e = failure(gateway.send(message()));
    assertThat(e.error()).isInstanceOf(GatewayError.Authentication.class);
    assertThat(sendRequests()).isEqualTo(1);
  }

  @Test
  @DisplayName("refused client credentials are an authentication failure and send nothing")
  void refusedClientCredentials() {
    server.stubFor(
        post(urlPathEqualTo(BandwidthStubs.TOKEN_PATH))
            .willReturn(BandwidthStubs.answer(401, "{\"error\":\"invalid_client\"}")));
    GatewayException e = failure(gateway.send(message()));
    assertThat(e.error()).isInstanceOf(GatewayError.Authentication.class);
    assertThat(e.carrierCode()).hasValue("invalid_client");
    assertThat(sendRequests()).isZero();
  }

  @Test
  @DisplayName("a failing token endpoint is retryable and retry-safe: no message went out")
  void tokenEndpointDownIsRetrySafe() {
    server.stubFor(
        post(urlPathEqualTo(BandwidthStubs.TOKEN_PATH)).willReturn(aResponse().withStatus(503)));
    GatewayException e = failure(gateway.send(message()));
    assertThat(e.error()).isInstanceOf(GatewayError.Retryable.class);
    assertThat(e.retryable()).isTrue();
  }

  @Test
  @DisplayName("after a failed fetch the next send asks for a token again")
  void failedFetchIsNotCached() {
    tokens("token-1", "token-2");
    server.stubFor(
        post(urlPathEqualTo(BandwidthStubs.TOKEN_PATH))
            .inScenario("tokens")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("renewed"));
    failure(gateway.send(message()));
    send();
    assertThat(tokenRequests()).isEqualTo(2);
  }

  @Test
  @DisplayName("sends that start together wait for one token fetch")
  void oneFetchAtATime() {
    server.stubFor(
        post(urlPathEqualTo(BandwidthStubs.TOKEN_PATH))
            .willReturn(BandwidthStubs.token("token-1", 3600).withFixedDelay(300)));
    List<CompletableFuture<SendReceipt>> sends = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      sends.add(gateway.send(message()));
    }
    sends.forEach(CompletableFuture::join);
    assertThat(tokenRequests()).isEqualTo(1);
  }

  @Test
  @DisplayName("neither the token nor a secret appears in the gateway's text or its failures")
  void secretsStayHidden() {
    messagesWith("token-1", 403, "{\"type\":\"forbidden\",\"description\":\"Access Denied\"}");
    GatewayException e = failure(gateway.send(message()));
    assertThat(e.getMessage() + gateway)
        .doesNotContain("token-1")
        .doesNotContain(BandwidthStubs.CLIENT_SECRET)
        .doesNotContain(BandwidthStubs.CALLBACK_PASSWORD);
  }

  private static OutboundMessage message() {
    return OutboundMessage.text("ref-2", Sender.number(SENDER), "+13125550101", "Hi");
  }
}
