package dev.p2p.gateway;

import dev.p2p.P2PException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A carrier refused or failed a request. Carries the gateway, the classified {@link GatewayError},
 * the carrier's own error code and HTTP status when there were any, and whether sending again is
 * safe. Adapters build it with {@link #builder(String, GatewayError)}.
 */
public final class GatewayException extends P2PException {
  private static final long serialVersionUID = 1L;

  private final String gateway;
  private final transient GatewayError error;
  private final @Nullable String carrierCode;
  private final int httpStatus;
  private final boolean retrySafe;

  private GatewayException(Builder b, String message) {
    super(message);
    if (b.cause != null) {
      initCause(b.cause);
    }
    this.gateway = b.gateway;
    this.error = b.error;
    this.carrierCode = b.carrierCode;
    this.httpStatus = b.httpStatus;
    this.retrySafe = b.retrySafe;
  }

  /**
   * Starts an exception for a failure of the given kind.
   *
   * @param gateway the carrier's name, as {@link SmsGateway#carrier()}
   */
  public static Builder builder(String gateway, GatewayError error) {
    return new Builder(gateway, error);
  }

  /** The carrier's name. */
  public String gateway() {
    return gateway;
  }

  /** The classified kind of failure. */
  public GatewayError error() {
    return error;
  }

  /** The carrier's own error code (Twilio's {@code 21610}, Bandwidth's {@code 4775}), if any. */
  public Optional<String> carrierCode() {
    return Optional.ofNullable(carrierCode);
  }

  /** The HTTP status the carrier answered with, if it answered. */
  public OptionalInt httpStatus() {
    return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
  }

  /**
   * Whether the carrier surely did not act on the request, so that sending it again cannot send the
   * contact a second copy. False when the request may have reached the carrier (a timeout after it
   * was written, an ambiguous 5xx): such a send is left for reconciliation, never retried.
   */
  public boolean retrySafe() {
    return retrySafe;
  }

  /** Whether the core's policy may retry: a retryable or rate-limited error that is retry-safe. */
  public boolean retryable() {
    return retrySafe
        && (error instanceof GatewayError.Retryable || error instanceof GatewayError.RateLimited);
  }

  /** Builds a {@link GatewayException}. */
  public static final class Builder {
    private final String gateway;
    private final GatewayError error;
    private @Nullable String carrierCode;
    private int httpStatus;
    private boolean retrySafe;
    private @Nullable Throwable cause;

    private Builder(String gateway, GatewayError error) {
      this.gateway = Objects.requireNonNull(gateway, "gateway");
      this.error = Objects.requireNonNull(error, "error");
      this.retrySafe = error instanceof GatewayError.RateLimited;
    }

    /** The carrier's own error code. */
    public Builder carrierCode(String code) {
      this.carrierCode = Objects.requireNonNull(code, "code");
      return this;
    }

    /** The HTTP status the carrier answered with (100 to 599). */
    public Builder httpStatus(int status) {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("httpStatus must be 100 to 599, was " + status);
      }
      this.httpStatus = status;
      return this;
    }

    /**
     * Whether the carrier surely did not act on the request. Defaults to true for {@link
     * GatewayError.RateLimited} (a throttled request is never processed) and false otherwise.
     */
    public Builder retrySafe(boolean safe) {
      this.retrySafe = safe;
      return this;
    }

    /** The underlying exception (an I/O failure, say). */
    public Builder cause(Throwable cause) {
      this.cause = Objects.requireNonNull(cause, "cause");
      return this;
    }

    /**
     * Builds the exception.
     *
     * @param message what went wrong, for a person; never a full phone number, body or secret
     */
    public GatewayException build(String message) {
      Objects.requireNonNull(message, "message");
      StringBuilder text = new StringBuilder(gateway).append(": ").append(message);
      if (carrierCode != null) {
        text.append(" (carrier code ").append(carrierCode).append(')');
      }
      return new GatewayException(this, text.toString());
    }
  }
}
