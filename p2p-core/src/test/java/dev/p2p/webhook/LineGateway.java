package dev.p2p.webhook;

import dev.p2p.conversation.MessageStatus;
import dev.p2p.gateway.GatewayEvent;
import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResponse;
import dev.p2p.gateway.WebhookResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A gateway for the pipeline tests with a one-line-per-event wire format:
 *
 * <pre>
 * status CARRIER_ID STATUS
 * inbound CARRIER_ID FROM TO BODY...
 * </pre>
 *
 * A request without the header {@code X-Secret: s3cret} is forbidden; an unknown line is a bad
 * request; the body {@code boom} makes {@link #parse} throw and {@code null} return null, like a
 * buggy adapter. Records every request it parses.
 */
final class LineGateway implements SmsGateway {
  static final String SECRET = "s3cret";

  private final List<WebhookRequest> parsed = new CopyOnWriteArrayList<>();

  /** The requests given to {@link #parse}, in order. */
  List<WebhookRequest> parsed() {
    return parsed;
  }

  @Override
  public String carrier() {
    return "lines";
  }

  @Override
  public CompletableFuture<SendReceipt> send(OutboundMessage message) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("receives only"));
  }

  @Override
  public WebhookResult parse(WebhookRequest request) {
    parsed.add(request);
    if (!request.header("X-Secret").equals(Optional.of(SECRET))) {
      return WebhookResult.forbidden("bad secret");
    }
    if (request.bodyText().equals("boom")) {
      throw new IllegalStateException("adapter bug");
    }
    if (request.bodyText().equals("null")) {
      return nullResult();
    }
    List<GatewayEvent> events = new ArrayList<>();
    for (String line : request.bodyText().split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] words = line.split(" ", 5);
      if (words.length == 3 && words[0].equals("status")) {
        events.add(
            new GatewayEvent.StatusUpdate(
                words[1],
                MessageStatus.valueOf(words[2]),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
      } else if (words.length == 5 && words[0].equals("inbound")) {
        events.add(
            new GatewayEvent.InboundMessage(
                words[1], words[2], words[3], words[4], List.of(), Optional.empty()));
      } else {
        return WebhookResult.badRequest("unreadable line");
      }
    }
    return WebhookResult.accepted(events, WebhookResponse.ok("text/plain", "ok"));
  }

  /** What a buggy adapter without null checks might return. */
  @SuppressWarnings("NullAway")
  private static WebhookResult nullResult() {
    return null;
  }
}
