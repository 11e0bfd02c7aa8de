package dev.p2p.gateway.bandwidth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth2 client-credentials bearer token of one gateway: fetched on first use, cached, fetched
 * again shortly before it expires (by the gateway's clock) or when Bandwidth refused it. At most
 * one fetch runs at a time; concurrent sends wait for it. Thread-safe. Never logs the token or
 * secret.
 */
final class BandwidthOAuthTokens {
  private static final Logger log = LoggerFactory.getLogger(BandwidthOAuthTokens.class);

  /** The lifetime assumed when the token response has no {@code expires_in}. */
  static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  /** How long before its expiry a token is replaced (at most half its lifetime). */
  static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

  private final BandwidthConfig config;
  private final HttpClient client;
  private final String basicAuthorization;
  private final Object lock = new Object();
  private @Nullable AccessToken current;
  private @Nullable CompletableFuture<AccessToken> fetching;

  BandwidthOAuthTokens(BandwidthConfig config, HttpClient client) {
    this.config = config;
    this.client = client;
    String pair = config.clientId + ":" + config.clientSecret;
    this.basicAuthorization =
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** A bearer token: the cached one while it is fresh, else the one being fetched. */
  CompletableFuture<AccessToken> token() {
    CompletableFuture<AccessToken> result;
    synchronized (lock) {
      AccessToken cached = current;
      if (cached != null && config.clock.instant().isBefore(cached.refreshAt())) {
        return CompletableFuture.completedFuture(cached);
      }
      if (fetching != null) {
        return fetching;
      }
      result = new CompletableFuture<>();
      fetching = result;
    }
    fetch()
        .whenComplete(
            (token, error) -> {
              synchronized (lock) {
                fetching = null;
                if (token != null) {
                  current = token;
                }
              }
              if (error != null) {
                result.completeExceptionally(BandwidthSends.unwrap(error));
              } else {
                result.complete(token);
              }
            });
    return result;
  }

  /** Forgets the token if it is still the cached one: Bandwidth refused it. */
  void invalidate(AccessToken refused) {
    synchronized (lock) {
      if (current == refused) {
        current = null;
      }
    }
  }

  private CompletableFuture<AccessToken> fetch() {
    try {
      return request();
    } catch (RuntimeException e) { // a client that refuses the request: the waiters must hear it
      return CompletableFuture.failedFuture(unreachable(e));
    }
  }

  private CompletableFuture<AccessToken> request() {
    Instant asked = config.clock.instant();
    HttpRequest request =
        HttpRequest.newBuilder(config.tokenUri)
            .timeout(config.requestTimeout)
            .header("Authorization", basicAuthorization)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .handle(
            (response, error) -> {
              if (error != null) {
                throw unreachable(BandwidthSends.unwrap(error));
              }
              return accessToken(response, asked);
            });
  }

  private AccessToken accessToken(HttpResponse<byte[]> response, Instant asked) {
    int status = response.statusCode();
    if (status != 200) {
      throw refused(response);
    }
    JsonNode json = BandwidthJson.readLeniently(response.body());
    String value = json.path("access_token").asText("");
    if (value.isBlank()) {
      throw GatewayException.builder(BandwidthGateway.CARRIER, GatewayError.retryable())
          .retrySafe(true)
          .httpStatus(status)
          .build("Bandwidth's token endpoint answered without an access_token; nothing was sent");
    }
    JsonNode expiresIn = json.path("expires_in");
    Duration lifetime =
        expiresIn.canConvertToLong() && expiresIn.asLong() > 0
            ? Duration.ofSeconds(expiresIn.asLong())
            : DEFAULT_LIFETIME;
    Duration margin =
        lifetime.dividedBy(2).compareTo(REFRESH_MARGIN) < 0
            ? lifetime.dividedBy(2)
            : REFRESH_MARGIN;
    log.debug(
        "Fetched a Bandwidth access token for account {}, good for {}", config.accountId, lifetime);
    return new AccessToken(value, asked.plus(lifetime).minus(margin));
  }

  private GatewayException refused(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    JsonNode json = BandwidthJson.readLeniently(response.body());
    String code = json.path("error").asText("");
    GatewayError kind;
    String message;
    if (status == 400 || status == 401 || status == 403) {
      kind = GatewayError.authentication();
      message =
          "Bandwidth's token endpoint refused the client credentials; check the API credential";
    } else if (status == 429) {
      kind = GatewayError.rateLimited(BandwidthHttpAnswers.retryAfter(response, config.clock));
      message = "Bandwidth's token endpoint is throttling; nothing was sent";
    } else if (status >= 500) {
      kind = GatewayError.retryable();
      message = "Bandwidth's token endpoint failed; nothing was sent";
    } else {
      kind = GatewayError.permanent();
      message = "Bandwidth's token endpoint answered HTTP " + status + "; check the token URL";
    }
    GatewayException.Builder b =
        GatewayException.builder(BandwidthGateway.CARRIER, kind).httpStatus(status).retrySafe(true);
    if (!code.isBlank()) {
      b.carrierCode(code);
    }
    return b.build(message);
  }

  private static GatewayException unreachable(Throwable error) {
    if (error instanceof GatewayException e) {
      return e;
    }
    String what = error instanceof IOException ? "could not reach" : "failed calling";
    return GatewayException.builder(BandwidthGateway.CARRIER, GatewayError.retryable())
        .retrySafe(true) // only the token was asked for: no message went out
        .cause(error)
        .build(what + " Bandwidth's token endpoint; nothing was sent");
  }

  /**
   * A bearer token and when to stop using it.
   *
   * @param value the token, never shown
   * @param refreshAt when to fetch a new one: a margin before it expires
   */
  record AccessToken(String value, Instant refreshAt) {
    @Override
    public String toString() {
      return "AccessToken[value=***, refreshAt=" + refreshAt + "]";
    }
  }
}
