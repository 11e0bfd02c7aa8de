package dev.p2p.gateway.twilio;

import dev.p2p.gateway.SendReceipt;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The HTTP side of a send: the shared client, the request, and reading the answer. */
final class TwilioHttp {
  private TwilioHttp() {}

  /**
   * A client for one gateway: HTTP/2 over TLS (negotiated, falling back to HTTP/1.1 keep-alive),
   * HTTP/1.1 over plain http (a stub server), no redirects.
   */
  static HttpClient client(TwilioConfig config) {
    boolean tls = "https".equalsIgnoreCase(config.baseUrl().getScheme());
    return HttpClient.newBuilder()
        .version(tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** The create-message request to {@code uri} carrying {@code form}. */
  static HttpRequest request(TwilioConfig config, URI uri, String authorization, String form) {
    return HttpRequest.newBuilder(uri)
        .timeout(config.requestTimeout())
        .header("Authorization", authorization)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  /**
   * Sends the request; the stage completes with the receipt or exceptionally with a {@code
   * GatewayException}, never with anything else.
   */
  static CompletableFuture<SendReceipt> send(HttpClient client, HttpRequest request, Clock clock) {
    CompletableFuture<SendReceipt> result = new CompletableFuture<>();
    client
        .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .whenComplete(
            (response, failure) -> {
              if (failure != null) {
                result.completeExceptionally(TwilioErrors.connectionFailure(unwrap(failure)));
              } else {
                complete(result, response, clock);
              }
            });
    return result;
  }

  private static void complete(
      CompletableFuture<SendReceipt> result, HttpResponse<byte[]> response, Clock clock) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      try {
        result.complete(TwilioResponses.receipt(response.body()));
      } catch (IOException | RuntimeException e) {
        result.completeExceptionally(
            TwilioErrors.unreadableReceipt(status, e.getClass().getSimpleName()));
      }
    } else {
      result.completeExceptionally(
          TwilioErrors.refusal(
              status,
              TwilioResponses.error(response.body()),
              retryAfter(response.headers(), clock)));
    }
  }

  /** The delay a {@code Retry-After} header asks for: seconds, or an HTTP date; never negative. */
  static Optional<Duration> retryAfter(HttpHeaders headers, Clock clock) {
    Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String text = value.get();
    if (text.matches("[0-9]{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
