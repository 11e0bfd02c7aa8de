package dev.p2p.gateway.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The classification of Twilio's codes and of connection failures. */
class TwilioErrorsTest {

  @Test
  @DisplayName("status-callback codes map to their kinds (gateways.md §1.10)")
  void asyncCodes() {
    assertThat(TwilioErrors.kindOf("30003")).isEqualTo(GatewayError.retryable());
    assertThat(TwilioErrors.kindOf("30008")).isEqualTo(GatewayError.retryable());
    assertThat(TwilioErrors.kindOf("30001")).isInstanceOf(GatewayError.RateLimited.class);
    assertThat(TwilioErrors.kindOf("30022")).isInstanceOf(GatewayError.RateLimited.class);
    assertThat(TwilioErrors.kindOf("21610")).isEqualTo(GatewayError.optedOut());
    assertThat(TwilioErrors.kindOf("30005")).isEqualTo(GatewayError.invalidNumber());
    assertThat(TwilioErrors.kindOf("30006")).isEqualTo(GatewayError.invalidNumber());
    assertThat(TwilioErrors.kindOf("30007")).isEqualTo(GatewayError.permanent());
    assertThat(TwilioErrors.kindOf("30034")).isEqualTo(GatewayError.permanent());
    assertThat(TwilioErrors.kindOf("99999")).isEqualTo(GatewayError.permanent());
  }

  @Test
  @DisplayName("a refused connection or a connect timeout is retry-safe: nothing was sent")
  void beforeSending() {
    for (IOException e :
        new IOException[] {new ConnectException("refused"), new HttpConnectTimeoutException("t")}) {
      GatewayException failure = TwilioErrors.connectionFailure(e);
      assertThat(failure.error()).isEqualTo(GatewayError.retryable());
      assertThat(failure.retrySafe()).as(e.getClass().getSimpleName()).isTrue();
    }
  }

  @Test
  @DisplayName("a request timeout or a reset after sending is not retry-safe")
  void afterSending() {
    for (IOException e :
        new IOException[] {new HttpTimeoutException("t"), new IOException("connection reset")}) {
      GatewayException failure = TwilioErrors.connectionFailure(e);
      assertThat(failure.error()).isEqualTo(GatewayError.retryable());
      assertThat(failure.retrySafe()).as(e.getClass().getSimpleName()).isFalse();
      assertThat(failure.httpStatus()).isEmpty();
    }
  }

  @Test
  @DisplayName("a 5xx is not retry-safe even with a rate-limit code")
  void serverErrorWithRateCode() {
    GatewayException e =
        TwilioErrors.refusal(
            503,
            Optional.of(new TwilioError(Optional.of("20429"), Optional.empty())),
            Optional.empty());
    assertThat(e.error()).isInstanceOf(GatewayError.RateLimited.class);
    assertThat(e.retrySafe()).isFalse();
  }

  @Test
  @DisplayName("a more_info URL that is not Twilio's documentation is left out of the message")
  void foreignMoreInfo() {
    GatewayException e =
        TwilioErrors.refusal(
            400,
            Optional.of(
                new TwilioError(
                    Optional.of("21211"), Optional.of("https://evil.example/+13125550101"))),
            Optional.empty());
    assertThat(e.getMessage()).doesNotContain("evil", "+13125550101");
  }
}
