package dev.p2p.gateway.bandwidth;

import dev.p2p.contact.Phones;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one message: a bearer token, one {@code POST}, and one more with a new token when Bandwidth
 * answers 401 (a refused token: Bandwidth did not process the request). Nothing else is retried.
 */
final class BandwidthSends {
  private static final Logger log = LoggerFactory.getLogger(BandwidthSends.class);

  private final BandwidthConfig config;
  private final HttpClient client;
  private final BandwidthOAuthTokens tokens;

  BandwidthSends(BandwidthConfig config, HttpClient client, BandwidthOAuthTokens tokens) {
    this.config = config;
    this.client = client;
    this.tokens = tokens;
  }

  CompletableFuture<SendReceipt> send(OutboundMessage message) {
    Optional<GatewayException> refusal = BandwidthMessageRequests.refusal(message, config);
    if (refusal.isPresent()) {
      return CompletableFuture.failedFuture(refusal.get());
    }
    byte[] body = BandwidthMessageRequests.body(message, config);
    CompletableFuture<SendReceipt> result = new CompletableFuture<>();
    exchange(body, true)
        .whenComplete(
            (response, error) -> {
              try {
                if (error != null) {
                  throw BandwidthSendAnswers.failure(unwrap(error));
                }
                SendReceipt receipt = BandwidthSendAnswers.receipt(response, config.clock);
                log.debug(
                    "Bandwidth accepted {} to {} as {}",
                    message.reference(),
                    Phones.mask(message.to()),
                    receipt.carrierMessageId());
                result.complete(receipt);
              } catch (GatewayException e) {
                // Bandwidth's description may quote the body: the kind and codes only.
                log.debug(
                    "Bandwidth send {} failed: {} (type {}, HTTP {})",
                    message.reference(),
                    e.error().getClass().getSimpleName(),
                    e.carrierCode().orElse("none"),
                    e.httpStatus().isPresent() ? e.httpStatus().getAsInt() : "none");
                result.completeExceptionally(e);
              } catch (RuntimeException e) {
                result.completeExceptionally(BandwidthSendAnswers.failure(e));
              }
            });
    return result;
  }

  private CompletableFuture<HttpResponse<byte[]>> exchange(byte[] body, boolean mayRenewToken) {
    return tokens
        .token()
        .thenCompose(
            token ->
                client
                    .sendAsync(request(body, token), HttpResponse.BodyHandlers.ofByteArray())
                    .thenCompose(
                        response -> {
                          if (response.statusCode() == 401 && mayRenewToken) {
                            tokens.invalidate(token);
                            return exchange(body, false);
                          }
                          return CompletableFuture.completedFuture(response);
                        }));
  }

  private HttpRequest request(byte[] body, BandwidthOAuthTokens.AccessToken token) {
    return HttpRequest.newBuilder(config.messagesUri)
        .timeout(config.requestTimeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + token.value())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  /** The failure inside the wrappers that asynchronous stages add. */
  static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
