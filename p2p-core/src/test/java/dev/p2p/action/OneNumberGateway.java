package dev.p2p.action;

import dev.p2p.gateway.OutboundMessage;
import dev.p2p.gateway.SendReceipt;
import dev.p2p.gateway.Sender;
import dev.p2p.gateway.SmsGateway;
import dev.p2p.gateway.WebhookRequest;
import dev.p2p.gateway.WebhookResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The one gateway of the action tests: it names one number to send from, so that actions without a
 * sender publish, and is never asked to send or parse.
 */
final class OneNumberGateway implements SmsGateway {
  /** The id the tests register it under. */
  static final String ID = "sms";

  /** The number it sends from. */
  static final String NUMBER = "+13125550199";

  @Override
  public String carrier() {
    return "one-number";
  }

  @Override
  public CompletableFuture<SendReceipt> send(OutboundMessage message) {
    throw new AssertionError("the action tests send nothing");
  }

  @Override
  public WebhookResult parse(WebhookRequest request) {
    throw new AssertionError("the action tests receive nothing");
  }

  @Override
  public List<Sender> senders() {
    return List.of(Sender.number(NUMBER));
  }
}
