package dev.p2p.gateway.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.CarrierMessage;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.SentLookup;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Looks up sent messages in Twilio's message list ({@code GET Messages.json} by {@code To}, and
 * {@code From} when p2p sent from a number; gateways.md §1.3), for reconciliation.
 *
 * <p>No {@code DateSent} filter is sent: it filters on the date Twilio sent the message, which a
 * message still in Twilio's queue does not have yet, so the filter could hide a message Twilio took
 * and have p2p call it never received. The core checks each message's {@code date_created} against
 * the lookup's window instead. One page of up to {@value #PAGE_SIZE} messages is read; a list with
 * more pages fails the lookup, since a partial list cannot prove a message absent.
 */
final class TwilioLookup {
  /** The most messages one lookup reads: Twilio's largest page. */
  static final int PAGE_SIZE = 1_000;

  private static final ObjectReader JSON = new ObjectMapper().reader();

  private TwilioLookup() {}

  /** The list request for a lookup. */
  static HttpRequest request(TwilioConfig config, String authorization, SentLookup lookup) {
    StringBuilder query = new StringBuilder("To=").append(encode(lookup.to()));
    if (lookup.from() instanceof Sender.Number number) {
      query.append("&From=").append(encode(number.phone()));
    }
    query.append("&PageSize=").append(PAGE_SIZE);
    URI uri = URI.create(config.messagesUri() + "?" + query);
    return HttpRequest.newBuilder(uri)
        .timeout(config.requestTimeout())
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .GET()
        .build();
  }

  /** Sends the request; the stage completes with the outbound messages listed. */
  static CompletableFuture<List<CarrierMessage>> send(
      HttpClient client, HttpRequest request, Clock clock) {
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .handle(
            (response, failure) -> {
              if (failure != null) {
                Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                throw new CompletionException(TwilioErrors.connectionFailure(cause));
              }
              int status = response.statusCode();
              if (status != 200) {
                throw new CompletionException(
                    TwilioErrors.refusal(
                        status,
                        TwilioResponses.error(response.body()),
                        TwilioHttp.retryAfter(response.headers(), clock)));
              }
              try {
                return messages(response.body());
              } catch (IOException e) {
                throw new CompletionException(
                    GatewayException.builder(TwilioGateway.CARRIER, GatewayError.retryable())
                        .httpStatus(status)
                        .retrySafe(true)
                        .build(
                            // the parser's words may quote the list (numbers, bodies): its class
                            "the message list could not be read ("
                                + e.getClass().getSimpleName()
                                + ")"));
              }
            });
  }

  /** The outbound messages of a list page. */
  static List<CarrierMessage> messages(byte[] body) throws IOException {
    JsonNode page = JSON.readTree(body);
    if (page == null || !page.isObject() || !page.path("messages").isArray()) {
      throw new IOException("the answer is not a page of messages");
    }
    if (text(page, "next_page_uri").isPresent()) {
      throw new IOException("the list has more than " + PAGE_SIZE + " messages");
    }
    List<CarrierMessage> found = new ArrayList<>();
    for (JsonNode m : page.get("messages")) {
      if (!text(m, "direction").orElse("").startsWith("outbound")) {
        continue;
      }
      Optional<MessageStatus> status =
          text(m, "status").flatMap(TwilioStatuses::of).filter(s -> s != MessageStatus.RECEIVED);
      Optional<String> sid = text(m, "sid");
      Optional<String> to = text(m, "to");
      Optional<Instant> created = text(m, "date_created").flatMap(TwilioLookup::instant);
      if (sid.isEmpty() || to.isEmpty() || created.isEmpty()) {
        throw new IOException("a listed message has no sid, to or date_created");
      }
      found.add(
          new CarrierMessage(
              sid.get(),
              text(m, "from").orElse(""),
              to.get(),
              text(m, "messaging_service_sid"),
              text(m, "body"),
              created.get(),
              status.orElse(MessageStatus.QUEUED),
              text(m, "error_code")));
    }
    return found;
  }

  private static Optional<Instant> instant(String rfc2822) {
    try {
      return Optional.of(
          ZonedDateTime.parse(rfc2822, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A field as text (numbers too), or empty when missing, null or blank. */
  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return Optional.empty();
    }
    String text = value.asText();
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }
}
