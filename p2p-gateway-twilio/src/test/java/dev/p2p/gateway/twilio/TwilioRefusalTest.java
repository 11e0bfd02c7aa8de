package dev.p2p.gateway.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Twilio's refusals keep their code and are classified into the SPI's kinds. */
class TwilioRefusalTest extends StubbedTwilioTest {
  private GatewayException refusedWith(int status, int code) throws Exception {
    stubs.answerNextSend(TwilioStubs.error(status, code));
    return refused(builder().build().send(message()));
  }

  @Test
  @DisplayName("21610: opted out")
  void optedOut() throws Exception {
    GatewayException e = refusedWith(400, 21610);
    assertThat(e.error()).isInstanceOf(GatewayError.OptedOut.class);
    assertThat(e.carrierCode()).contains("21610");
    assertThat(e.httpStatus()).hasValue(400);
  }

  @Test
  @DisplayName("21211, 21612 and 21614: invalid number")
  void invalidNumber() throws Exception {
    for (int code : new int[] {21211, 21612, 21614}) {
      assertThat(refusedWith(400, code).error()).isInstanceOf(GatewayError.InvalidNumber.class);
    }
  }

  @Test
  @DisplayName("Twilio's message, which quotes the number, is never in the exception")
  void noPhoneInMessage() throws Exception {
    assertThat(refusedWith(400, 21211).getMessage())
        .doesNotContain(CONTACT)
        .contains("https://www.twilio.com/docs/errors/21211");
  }

  @Test
  @DisplayName("HTTP 429 is rate-limited, retry-safe, with Retry-After in seconds")
  void tooManyRequests() throws Exception {
    stubs.answerNextSend(TwilioStubs.error(429, 20429).withHeader("Retry-After", "7"));
    GatewayException e = refused(builder().build().send(message()));
    assertThat(e.error()).isEqualTo(GatewayError.rateLimited(Optional.of(Duration.ofSeconds(7))));
    assertThat(e.retryable()).isTrue();
  }

  @Test
  @DisplayName("Retry-After as an HTTP date counts from the gateway's clock")
  void retryAfterDate() throws Exception {
    stubs.answerNextSend(
        aResponse().withStatus(429).withHeader("Retry-After", "Tue, 03 Nov 2026 14:01:30 GMT"));
    GatewayException e = refused(builder().build().send(message()));
    assertThat(e.error()).isEqualTo(GatewayError.rateLimited(Optional.of(Duration.ofSeconds(90))));
  }

  @Test
  @DisplayName("21611, a full sender queue: rate-limited and retry-safe")
  void queueFull() throws Exception {
    GatewayException e = refusedWith(400, 21611);
    assertThat(e.error()).isInstanceOf(GatewayError.RateLimited.class);
    assertThat(e.retrySafe()).isTrue();
  }

  @Test
  @DisplayName("401 and 20003, or 403: authentication")
  void authentication() throws Exception {
    assertThat(refusedWith(401, 20003).error()).isInstanceOf(GatewayError.Authentication.class);
    assertThat(refusedWith(403, 20403).error()).isInstanceOf(GatewayError.Authentication.class);
  }

  @Test
  @DisplayName("a 5xx without a Twilio body is retryable, not retry-safe")
  void serverErrorPage() throws Exception {
    stubs.answerNextSend(aResponse().withStatus(502).withBody("<html>Bad gateway</html>"));
    GatewayException e = refused(builder().build().send(message()));
    assertThat(e.error()).isInstanceOf(GatewayError.Retryable.class);
    assertThat(e.retrySafe()).isFalse();
    assertThat(e.carrierCode()).isEmpty();
  }

  @Test
  @DisplayName("any other code is permanent: 21617 (too long), 20404, 21408")
  void permanent() throws Exception {
    assertThat(refusedWith(400, 21617).error()).isInstanceOf(GatewayError.Permanent.class);
    assertThat(refusedWith(404, 20404).error()).isInstanceOf(GatewayError.Permanent.class);
    assertThat(refusedWith(400, 21408).error()).isInstanceOf(GatewayError.Permanent.class);
  }

  @Test
  @DisplayName("a refused connection is retryable and retry-safe: nothing reached Twilio")
  void connectionRefused() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    GatewayException e =
        refused(builder().baseUrl("http://127.0.0.1:" + port).build().send(message()));
    assertThat(e.error()).isInstanceOf(GatewayError.Retryable.class);
    assertThat(e.retrySafe()).isTrue();
  }
}
