package dev.p2p.testkit;

import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A failure {@link FakeGateway} answers a send with, as a real carrier would: the kind, the
 * carrier's code, the HTTP status (absent when no response came, as for a refused connection) and
 * whether the carrier surely did not act on the request.
 *
 * <pre>{@code
 * fake.failNext(2, InjectedFailure.of(GatewayError.retryable()).withRetrySafe(true));
 * }</pre>
 *
 * @param kind the classified kind
 * @param carrierCode the fake carrier's code
 * @param httpStatus the HTTP status, if the carrier answered
 * @param retrySafe whether sending again cannot duplicate the message
 */
public record InjectedFailure(
    GatewayError kind, String carrierCode, OptionalInt httpStatus, boolean retrySafe) {

  /** Checks presence. */
  public InjectedFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(carrierCode, "carrierCode");
    Objects.requireNonNull(httpStatus, "httpStatus");
  }

  /**
   * A failure of the given kind with the fake carrier's code and HTTP status for it, and the retry
   * safety the kind has by default: only a rate-limited send is retry-safe (a retryable failure is
   * an ambiguous 503 that may have reached the carrier).
   */
  public static InjectedFailure of(GatewayError kind) {
    return new InjectedFailure(
        kind,
        ErrorKinds.code(kind),
        OptionalInt.of(ErrorKinds.httpStatus(kind)),
        kind instanceof GatewayError.RateLimited);
  }

  /** The same failure with another carrier code. */
  public InjectedFailure withCarrierCode(String code) {
    return new InjectedFailure(kind, code, httpStatus, retrySafe);
  }

  /** The same failure with the given retry safety. */
  public InjectedFailure withRetrySafe(boolean safe) {
    return new InjectedFailure(kind, carrierCode, httpStatus, safe);
  }

  /** The same failure with no HTTP response at all, as when the connection failed. */
  public InjectedFailure withoutResponse() {
    return new InjectedFailure(kind, carrierCode, OptionalInt.empty(), retrySafe);
  }

  /** The exception a gateway named {@code carrier} completes the send with. */
  GatewayException toException(String carrier) {
    GatewayException.Builder builder =
        GatewayException.builder(carrier, kind).carrierCode(carrierCode).retrySafe(retrySafe);
    httpStatus.ifPresent(builder::httpStatus);
    return builder.build("injected " + ErrorKinds.name(kind) + " failure");
  }
}
