package dev.p2p.gateway.bandwidth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.CarrierMessage;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.SentLookup;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Looks up sent messages in Bandwidth's message list ({@code GET /users/{accountId}/messages} by
 * {@code sourceTn}, {@code destinationTn}, {@code messageDirection=OUTBOUND} and the window's
 * {@code fromDateTime}/{@code toDateTime}; gateways.md §2.4), for reconciliation. Bandwidth keeps
 * no message text, so the list has no body to match. One page of up to {@value #LIMIT} messages is
 * read; a list with a next page fails the lookup, since a partial list cannot prove a message
 * absent. Like a send, a refused token is renewed once.
 */
final class BandwidthLookups {
  /** The most messages one lookup reads. */
  static final int LIMIT = 1_000;

  private static final Map<String, MessageStatus> STATUSES =
      Map.of(
          "ACCEPTED", MessageStatus.QUEUED,
          "QUEUED", MessageStatus.QUEUED,
          "SENDING", MessageStatus.SENDING,
          "SENT", MessageStatus.SENT,
          "DELIVERED", MessageStatus.DELIVERED,
          "UNDELIVERED", MessageStatus.UNDELIVERED,
          "FAILED", MessageStatus.FAILED);

  private final BandwidthConfig config;
  private final HttpClient client;
  private final BandwidthOAuthTokens tokens;

  BandwidthLookups(BandwidthConfig config, HttpClient client, BandwidthOAuthTokens tokens) {
    this.config = config;
    this.client = client;
    this.tokens = tokens;
  }

  CompletableFuture<List<CarrierMessage>> find(SentLookup lookup) {
    URI uri = uri(lookup);
    return exchange(uri, true)
        .handle(
            (response, error) -> {
              if (error != null) {
                throw new CompletionException(
                    BandwidthSendAnswers.failure(BandwidthSends.unwrap(error)));
              }
              if (response.statusCode() != 200) {
                throw new CompletionException(BandwidthSendAnswers.refusal(response, config.clock));
              }
              return messages(BandwidthJson.readLeniently(response.body()));
            });
  }

  /** The list request's URI for a lookup. */
  URI uri(SentLookup lookup) {
    StringBuilder query = new StringBuilder();
    if (lookup.from() instanceof Sender.Number number) {
      query.append("sourceTn=").append(encode(number.phone())).append('&');
    }
    query
        .append("destinationTn=")
        .append(encode(lookup.to()))
        .append("&messageDirection=OUTBOUND&fromDateTime=")
        .append(encode(lookup.since().toString()))
        .append("&toDateTime=")
        .append(encode(lookup.until().toString()))
        .append("&limit=")
        .append(LIMIT);
    return URI.create(config.messagesUri + "?" + query);
  }

  private CompletableFuture<HttpResponse<byte[]>> exchange(URI uri, boolean mayRenewToken) {
    return tokens
        .token()
        .thenCompose(
            token ->
                client
                    .sendAsync(
                        HttpRequest.newBuilder(uri)
                            .timeout(config.requestTimeout)
                            .header("Accept", "application/json")
                            .header("Authorization", "Bearer " + token.value())
                            .GET()
                            .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                    .thenCompose(
                        response -> {
                          if (response.statusCode() == 401 && mayRenewToken) {
                            tokens.invalidate(token);
                            return exchange(uri, false);
                          }
                          return CompletableFuture.completedFuture(response);
                        }));
  }

  /** The outbound messages of a list page. */
  static List<CarrierMessage> messages(JsonNode page) {
    if (!page.path("messages").isArray()) {
      throw unreadable("the answer is not a page of messages");
    }
    if (!BandwidthJson.text(page.path("pageInfo"), "nextPageToken").isEmpty()) {
      throw unreadable("the list has more than " + LIMIT + " messages");
    }
    List<CarrierMessage> found = new ArrayList<>();
    for (JsonNode m : page.get("messages")) {
      if ("INBOUND".equals(BandwidthJson.text(m, "messageDirection"))) {
        continue;
      }
      String id = BandwidthJson.text(m, "messageId");
      String to = BandwidthJson.text(m, "destinationTn");
      Optional<Instant> at = instant(BandwidthJson.text(m, "receiveTime"));
      if (id.isEmpty() || to.isEmpty() || at.isEmpty()) {
        throw unreadable("a listed message has no messageId, destinationTn or receiveTime");
      }
      JsonNode code = m.path("errorCode");
      found.add(
          new CarrierMessage(
              id,
              BandwidthJson.text(m, "sourceTn"),
              to,
              Optional.empty(),
              Optional.empty(),
              at.get(),
              STATUSES.getOrDefault(BandwidthJson.text(m, "messageStatus"), MessageStatus.QUEUED),
              code.isIntegralNumber() && code.asInt() != 0
                  ? Optional.of(code.asText())
                  : Optional.empty()));
    }
    return found;
  }

  private static Optional<Instant> instant(String iso) {
    try {
      return Optional.of(OffsetDateTime.parse(iso).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static CompletionException unreadable(String why) {
    return new CompletionException(
        GatewayException.builder(BandwidthGateway.CARRIER, GatewayError.retryable())
            .retrySafe(true)
            .build("Bandwidth's message list could not be read: " + why));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
