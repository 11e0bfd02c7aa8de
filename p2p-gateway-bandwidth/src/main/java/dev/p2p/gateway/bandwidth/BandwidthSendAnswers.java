package dev.p2p.gateway.bandwidth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.p2p.ValidationException;
import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayError;
import dev.p2p.gateway.GatewayException;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads Bandwidth's answer to a create-message request: the receipt, or the classified failure. */
final class BandwidthSendAnswers {
  private BandwidthSendAnswers() {}

  /**
   * The receipt of a 2xx (Bandwidth answers 202 with its {@code Message}).
   *
   * @throws GatewayException for any other status, or a 2xx without a readable id
   */
  static SendReceipt receipt(HttpResponse<byte[]> response, Clock clock) {
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw refusal(response, clock);
    }
    JsonNode json = BandwidthJson.readLeniently(response.body());
    String id = BandwidthJson.text(json, "id");
    JsonNode segments = json.path("segmentCount");
    try {
      return new SendReceipt(
          id,
          MessageStatus.QUEUED,
          segments.isInt() && segments.asInt() > 0
              ? OptionalInt.of(segments.asInt())
              : OptionalInt.empty(),
          number(BandwidthJson.text(json, "from")));
    } catch (ValidationException e) {
      throw GatewayException.builder(BandwidthGateway.CARRIER, GatewayError.retryable())
          .httpStatus(status)
          .cause(e)
          .build(
              "Bandwidth accepted the message (HTTP "
                  + status
                  + ") but its answer has no usable id; it may have been sent, so it is not"
                  + " retried");
    }
  }

  private static Optional<String> number(String from) {
    try {
      return Optional.of(Sender.number(from).address());
    } catch (ValidationException e) {
      return Optional.empty();
    }
  }

  /** The classified failure of an error status. */
  static GatewayException refusal(HttpResponse<byte[]> response, Clock clock) {
    int status = response.statusCode();
    JsonNode json = BandwidthJson.readLeniently(response.body());
    String type = BandwidthJson.text(json, "type");
    String description = BandwidthHttpAnswers.safe(BandwidthJson.text(json, "description"));
    GatewayError kind;
    String message;
    if (status == 429) {
      kind = GatewayError.rateLimited(BandwidthHttpAnswers.retryAfter(response, clock));
      message = "Bandwidth's message queue for the account is full; send later";
    } else if (status == 401 || status == 403) {
      kind = GatewayError.authentication();
      message =
          "Bandwidth refused the credentials (HTTP "
              + status
              + "): check the API credential, its messaging role and the account id";
    } else if (status >= 500) {
      kind = GatewayError.retryable();
      message = "Bandwidth failed (HTTP " + status + "); the message may have been sent";
    } else {
      kind = BandwidthErrorCodes.ofType(type).orElse(GatewayError.permanent());
      message = "Bandwidth refused the message (HTTP " + status + ")";
    }
    if (!description.isEmpty()) {
      message += ": " + description;
    }
    message += fields(json);
    GatewayException.Builder b =
        GatewayException.builder(BandwidthGateway.CARRIER, kind).httpStatus(status);
    if (!type.isEmpty()) {
      b.carrierCode(type);
    }
    return b.build(message);
  }

  private static String fields(JsonNode json) {
    List<String> named = new ArrayList<>();
    for (JsonNode error : json.path("fieldErrors")) {
      String field = BandwidthJson.text(error, "fieldName");
      if (!field.isEmpty()) {
        String why = BandwidthHttpAnswers.safe(BandwidthJson.text(error, "description"));
        named.add("field '" + field + "'" + (why.isEmpty() ? "" : " " + why));
      }
    }
    return named.isEmpty() ? "" : "; " + String.join("; ", named);
  }

  /**
   * The classified failure of a request that got no answer. Only a connection that was never made
   * is retry-safe: once the request was written, Bandwidth may have queued the message.
   */
  static GatewayException failure(Throwable error) {
    if (error instanceof GatewayException e) {
      return e;
    }
    boolean neverConnected =
        error instanceof HttpConnectTimeoutException || error instanceof ConnectException;
    String message;
    if (neverConnected) {
      message = "could not connect to Bandwidth; nothing was sent";
    } else if (error instanceof HttpTimeoutException) {
      message = "Bandwidth did not answer in time; the message may have been sent";
    } else if (error instanceof IOException) {
      message = "the connection to Bandwidth failed; the message may have been sent";
    } else {
      message = "the send to Bandwidth failed unexpectedly; the message may have been sent";
    }
    return GatewayException.builder(BandwidthGateway.CARRIER, GatewayError.retryable())
        .retrySafe(neverConnected)
        .cause(error)
        .build(message);
  }
}
